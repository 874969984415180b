// The meetings library: search by title, create, open, delete with confirmation.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingSummary } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { actionFor } from '../common/keymap.ts';
import { MeetingCard } from './MeetingCard.tsx';
import { useMeetings } from './useMeetings.ts';

/** Ctrl/Cmd+N: new meeting, the secretary's most frequent action here. */
function useNewMeetingKey(create: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (actionFor('library', e)?.action === 'newMeeting') {
        e.preventDefault();
        create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [create]);
}

export function Library({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const { meetings, error, clearError, create, remove } = useMeetings(query);
  const [toDelete, setToDelete] = useState<MeetingSummary | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const createAndOpen = useCallback(() => {
    void create().then((id) => id && onOpen(id));
  }, [create, onOpen]);
  useNewMeetingKey(createAndOpen);

  const confirmDelete = async () => {
    const m = toDelete;
    setToDelete(null);
    // The dialog gave the focus back to this meeting's Delete button, which is about to go:
    // the search field keeps the keyboard user at the top of the list instead of on the page.
    if (m && (await remove(m.id))) searchRef.current?.focus();
  };

  return (
    <section className="library" aria-labelledby="library-title">
      <div className="toolbar">
        <h1 id="library-title">{t('library')}</h1>
        <input ref={searchRef} type="search" placeholder={t('search')} aria-label={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="primary" onClick={createAndOpen} title="Ctrl+N">
          {t('newMeeting')}
        </button>
      </div>
      <ErrorBanner error={error} onDismiss={clearError} />
      {meetings === null ? (
        <p>{t('loading')}</p>
      ) : meetings.length === 0 ? (
        <p className="empty">{query ? t('noMatch') : t('noMeetings')}</p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((m) => (
            <MeetingCard key={m.id} meeting={m} onOpen={() => onOpen(m.id)} onDelete={() => setToDelete(m)} />
          ))}
        </ul>
      )}
      {toDelete && (
        <ConfirmDialog
          title={t('confirmDeleteTitle')}
          body={t('confirmDeleteBody', { title: toDelete.title || t('untitled') })}
          confirmLabel={t('delete')}
          danger
          onConfirm={() => void confirmDelete()}
          onCancel={() => setToDelete(null)}
        />
      )}
    </section>
  );
}
