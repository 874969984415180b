// The minutes tab: the preview (the same model the DOCX writer renders), export in each format
// and language, approve (freeze) and reopen (new revision), and for approved minutes the archive
// package (BagIt zip, main/export/bagit.ts).
import { useEffect, useState } from 'react';
import type { Language, Meeting } from '../../../shared/domain.ts';
import type { MinutesModel } from '../../../shared/minutes/model.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { MinutesPreview } from './MinutesPreview.tsx';
import { MinutesToolbar } from './MinutesToolbar.tsx';
import { useApproval } from './useApproval.ts';
import { useMinutesExport } from './useMinutesExport.ts';

export function MinutesPanel({ meeting, onMeeting }: { meeting: Meeting; onMeeting(m: Meeting): void }) {
  const { t, errorMessage } = useI18n();
  const [language, setLanguage] = useState<Language>(meeting.language);
  const [model, setModel] = useState<MinutesModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorMessage(e));
  const clearError = () => setError(null);
  const exports = useMinutesExport(meeting.id, language, fail, clearError);
  const approval = useApproval(meeting.id, onMeeting, fail, clearError);

  // Every change of the meeting or of the language is previewed anew.
  useEffect(() => {
    client.api.getMinutes({ meetingId: meeting.id, language }).then(setModel).catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meeting, language]);

  return (
    <div className="minutes-panel">
      <ErrorBanner error={error} onDismiss={clearError} />
      <MinutesToolbar
        meeting={meeting}
        language={language}
        onLanguage={setLanguage}
        busy={exports.busy}
        onExport={(format) => void exports.exportMinutes(format)}
        onExportBag={() => void exports.exportBag()}
        onApprove={() => void approval.askApprove()}
        onReopen={() => void approval.reopen()}
      />
      {exports.notice && (
        <p className="notice" role="status">
          {exports.notice}
        </p>
      )}
      <section aria-label={t('preview')} className="minutes-preview-frame">
        {model ? <MinutesPreview model={model} /> : <p>{t('loading')}</p>}
      </section>
      {approval.confirmApprove && (
        <ConfirmDialog
          title={t('approve')}
          body={approval.confirmApprove.length ? `${t('approvalAsk')} ${t('confirmApprove')}` : t('confirmApprove')}
          items={approval.confirmApprove}
          confirmLabel={t('approve')}
          onConfirm={() => void approval.approve()}
          onCancel={approval.cancelApprove}
        />
      )}
    </div>
  );
}
