// Exports of the minutes (each format, in the chosen language) and, for approved minutes, the
// archive package (BagIt zip, main/export/bagit.ts). One export at a time: the buttons wait while
// one runs, and its outcome is a notice naming the file, or the error.
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/api.ts';
import type { Language } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

export function useMinutesExport(meetingId: string, language: Language, fail: (e: unknown) => void, clearError: () => void) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one export; the task downloads the file and says what to tell the secretary. */
  const run = async (task: () => Promise<string>) => {
    setBusy(true);
    clearError();
    try {
      setNotice(await task());
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const exportMinutes = (format: ExportFormat) =>
    run(async () => {
      const r = await client.api.exportMeeting({ meetingId, format, language });
      await client.download(r.downloadId);
      return t('exported', { file: r.fileName });
    });

  const exportBag = () =>
    run(async () => {
      const r = await client.api.exportBag({ meetingId, zip: true });
      if (r.downloadId) await client.download(r.downloadId);
      const missing = r.pdfA === 'noLibreOffice' ? t('bagNoPdfA') : r.pdfA === 'failed' ? t('bagPdfAFailed') : '';
      return [t('bagExported', { file: r.fileName }), missing].filter(Boolean).join(' ');
    });

  return { busy, notice, exportMinutes, exportBag };
}
