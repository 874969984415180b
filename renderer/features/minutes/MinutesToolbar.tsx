// The minutes tab's toolbar: the language of the minutes, export in each format, the revision,
// and approve, or for approved minutes the archive package and reopen.
import { exportFormats, type ExportFormat } from '../../../shared/api.ts';
import { languages, type Language, type Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';

export interface MinutesToolbarProps {
  meeting: Meeting;
  language: Language;
  onLanguage(language: Language): void;
  /** An export is running: the export buttons wait. */
  busy: boolean;
  onExport(format: ExportFormat): void;
  onExportBag(): void;
  onApprove(): void;
  onReopen(): void;
}

export function MinutesToolbar(props: MinutesToolbarProps) {
  const { t } = useI18n();
  const { meeting, busy } = props;
  const approved = meeting.status === 'approved';
  return (
    <div className="toolbar">
      <ChoiceField<Language> inline label={t('minutesLanguage')} value={props.language} options={languages} optionLabel={(l) => t(`lang_${l}`)} onChange={props.onLanguage} />
      <button type="button" className="primary" disabled={busy} onClick={() => props.onExport('docx')}>
        {t('exportDocx')}
      </button>
      {exportFormats
        .filter((f) => f !== 'docx')
        .map((f) => (
          <button key={f} type="button" className="subtle" disabled={busy} onClick={() => props.onExport(f)} aria-label={t('exportAs', { format: f.toUpperCase() })}>
            {f.toUpperCase()}
          </button>
        ))}
      <span className="spacer" />
      <span>{t('revision', { n: meeting.revision })}</span>
      {approved && (
        <button type="button" disabled={busy} onClick={props.onExportBag} title={t('exportBagHint')}>
          {t('exportBag')}
        </button>
      )}
      {approved ? (
        <button type="button" onClick={props.onReopen}>
          {t('reopen')}
        </button>
      ) : (
        <button type="button" onClick={props.onApprove}>
          {t('approve')}
        </button>
      )}
    </div>
  );
}
