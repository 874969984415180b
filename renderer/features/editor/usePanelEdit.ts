// One edit command at a time from a side panel (decisions, agenda): busy while it is in flight,
// and the service's refusal as a message the panel shows.
import { useState } from 'react';
import type { EditInput } from '../../../shared/edits.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

export interface PanelEdit {
  busy: boolean;
  error: string | null;
  setError(message: string | null): void;
  /** Sends the edit; false if it was refused (the error then says why). */
  run(edit: EditInput): Promise<boolean>;
}

export function usePanelEdit(onEdit: (edit: EditInput) => Promise<void>): PanelEdit {
  const { errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (edit: EditInput): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await onEdit(edit);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
