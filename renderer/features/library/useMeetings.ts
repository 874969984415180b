// The library's meetings: the list matching a search, and creating and deleting meetings.
import { useCallback, useEffect, useState } from 'react';
import type { MeetingSummary } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

export function useMeetings(query: string) {
  const { errorMessage, lang } = useI18n();
  /** null until the first list arrives. */
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    client.api
      .listMeetings({ query })
      .then(setMeetings)
      .catch((e) => setError(errorMessage(e)));
  }, [query, errorMessage]);
  useEffect(load, [load]);

  /** A new meeting in the UI language; its id, or null when it could not be made (the error says why). */
  const create = useCallback(async (): Promise<string | null> => {
    try {
      return (await client.api.createMeeting({ fields: { language: lang } })).id;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    }
  }, [lang, errorMessage]);

  /** Deletes a meeting and lists again; false when it failed (the error says why). */
  const remove = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        await client.api.deleteMeeting({ id });
        load();
        return true;
      } catch (e) {
        setError(errorMessage(e));
        return false;
      }
    },
    [load, errorMessage],
  );

  return { meetings, error, clearError: () => setError(null), create, remove };
}
