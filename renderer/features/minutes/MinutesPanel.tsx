// The minutes tab: the preview (the same model the DOCX writer renders), export in each format
// and language, approve (freeze) and reopen (new revision), and for approved minutes the archive
// package (BagIt zip, main/export/bagit.ts).
import { useEffect, useState } from 'react';
import { exportFormats, type ExportFormat } from '../../../shared/api.ts';
import { languages, type Language, type Meeting } from '../../../shared/domain.ts';
import type { MinutesModel } from '../../../shared/minutes/model.ts';
import { formatClock } from '../../../shared/text/time.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { MinutesPreview } from './MinutesPreview.tsx';

export function MinutesPanel({ meeting, onMeeting }: { meeting: Meeting; onMeeting(m: Meeting): void }) {
  const { t, errorMessage } = useI18n();
  const [language, setLanguage] = useState<Language>(meeting.language);
  const [model, setModel] = useState<MinutesModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The approval dialog, open with what is still untagged (empty when all is established). */
  const [confirmApprove, setConfirmApprove] = useState<string[] | null>(null);
  const fail = (e: unknown) => setError(errorMessage(e));

  useEffect(() => {
    client.api.getMinutes({ meetingId: meeting.id, language }).then(setModel).catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meeting, language]);

  const doExport = async (format: ExportFormat) => {
    setBusy(true);
    setError(null);
    try {
      const r = await client.api.exportMeeting({ meetingId: meeting.id, format, language });
      await client.download(r.downloadId);
      setNotice(t('exported', { file: r.fileName }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const doExportBag = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await client.api.exportBag({ meetingId: meeting.id, zip: true });
      if (r.downloadId) await client.download(r.downloadId);
      const missing = r.pdfA === 'noLibreOffice' ? t('bagNoPdfA') : r.pdfA === 'failed' ? t('bagPdfAFailed') : '';
      setNotice([t('bagExported', { file: r.fileName }), missing].filter(Boolean).join(' '));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  // Before approving, the secretary sees what the minutes would state without anyone having
  // established it: passages with no speaker, decision marks never turned into decisions.
  const askApprove = async () => {
    setError(null);
    try {
      const c = await client.api.approvalCheck({ meetingId: meeting.id });
      const items: string[] = [];
      if (c.untaggedSegments.length) items.push(t('approvalUntagged', { n: c.untaggedSegments.length, at: formatClock(c.untaggedSegments[0]!.start) }));
      if (c.decisionMarksWithoutDecision.length) items.push(t('approvalMarks', { n: c.decisionMarksWithoutDecision.length }));
      if (c.decisionsUnconfirmed) items.push(t('approvalNoDecision'));
      if (c.decisionsWithoutVote.length) items.push(t('approvalNoVote', { n: c.decisionsWithoutVote.length }));
      if (c.votesWithoutNames.length) items.push(t('approvalNoVoterNames', { n: c.votesWithoutNames.length }));
      if (c.agreementsWithoutSignatories.length) items.push(t('approvalNoSignatories', { n: c.agreementsWithoutSignatories.length }));
      setConfirmApprove(items);
    } catch (e) {
      fail(e);
    }
  };

  const approve = async () => {
    setConfirmApprove(null);
    try {
      onMeeting(await client.api.approveMeeting({ meetingId: meeting.id }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className="minutes-panel">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="toolbar">
        <ChoiceField<Language> inline label={t('minutesLanguage')} value={language} options={languages} optionLabel={(l) => t(`lang_${l}`)} onChange={setLanguage} />
        <button type="button" className="primary" disabled={busy} onClick={() => void doExport('docx')}>
          {t('exportDocx')}
        </button>
        {exportFormats
          .filter((f) => f !== 'docx')
          .map((f) => (
            <button key={f} type="button" className="subtle" disabled={busy} onClick={() => void doExport(f)} aria-label={t('exportAs', { format: f.toUpperCase() })}>
              {f.toUpperCase()}
            </button>
          ))}
        <span className="spacer" />
        <span>{t('revision', { n: meeting.revision })}</span>
        {meeting.status === 'approved' && (
          <button type="button" disabled={busy} onClick={() => void doExportBag()} title={t('exportBagHint')}>
            {t('exportBag')}
          </button>
        )}
        {meeting.status === 'approved' ? (
          <button type="button" onClick={() => client.api.reopenMeeting({ meetingId: meeting.id }).then(onMeeting).catch(fail)}>
            {t('reopen')}
          </button>
        ) : (
          <button type="button" onClick={() => void askApprove()}>
            {t('approve')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <section aria-label={t('preview')} className="minutes-preview-frame">
        {model ? <MinutesPreview model={model} /> : <p>{t('loading')}</p>}
      </section>
      {confirmApprove && (
        <ConfirmDialog
          title={t('approve')}
          body={confirmApprove.length ? `${t('approvalAsk')} ${t('confirmApprove')}` : t('confirmApprove')}
          items={confirmApprove}
          confirmLabel={t('approve')}
          onConfirm={() => void approve()}
          onCancel={() => setConfirmApprove(null)}
        />
      )}
    </div>
  );
}
