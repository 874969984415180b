// The meetings library: search by title, create, open, delete with confirmation.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingSummary } from '../../../shared/domain.ts';
import { errorText } from '../../../shared/errors.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';

export function Library({ onOpen }: { onOpen(id: string): void }) {
  const { t, errorMessage, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<MeetingSummary | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    client.api
      .listMeetings({ query })
      .then(setMeetings)
      .catch((e) => setError(errorMessage(e)));
  }, [query, errorMessage]);
  useEffect(load, [load]);

  const create = useCallback(async () => {
    try {
      const m = await client.api.createMeeting({ fields: { language: lang } });
      onOpen(m.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [lang, onOpen, errorMessage]);

  // Ctrl/Cmd+N: new meeting, the secretary's most frequent action here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        void create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [create]);

  const confirmDelete = async () => {
    const m = toDelete;
    setToDelete(null);
    if (!m) return;
    try {
      await client.api.deleteMeeting({ id: m.id });
      // The dialog gave the focus back to this meeting's Delete button, which is about to go:
      // the search field keeps the keyboard user at the top of the list instead of on the page.
      searchRef.current?.focus();
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="library" aria-labelledby="library-title">
      <div className="toolbar">
        <h1 id="library-title">{t('library')}</h1>
        <input
          ref={searchRef}
          type="search"
          placeholder={t('search')}
          aria-label={t('search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="primary" onClick={() => void create()} title="Ctrl+N">
          {t('newMeeting')}
        </button>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {meetings === null ? (
        <p>{t('loading')}</p>
      ) : meetings.length === 0 ? (
        <p className="empty">{query ? t('noMatch') : t('noMeetings')}</p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((m) =>
            m.damaged ? (
              <li key={m.id} className="meeting-card damaged" role="alert">
                <span className="meeting-open">
                  <span className="meeting-title">{t('damagedMeeting')}</span>
                  <span className="meeting-meta">{errorText(m.damaged, lang)}</span>
                </span>
              </li>
            ) : (
            <li key={m.id} className="meeting-card">
              <button type="button" className="meeting-open" onClick={() => onOpen(m.id)}>
                {m.title ? (
                  <span className="meeting-title" {...userText(m.title, lang)}>
                    {m.title}
                  </span>
                ) : (
                  <span className="meeting-title">{t('untitled')}</span>
                )}
                <span className="meeting-meta">
                  <span dir="ltr">{m.date}</span> · {t(`type_${m.type}`)} · {t('participantsCount', { n: m.participants })} ·{' '}
                  <span className={`status status-${m.status}`}>{t(`status_${m.status}`)}</span>
                </span>
              </button>
              <button type="button" className="danger subtle" onClick={() => setToDelete(m)} aria-label={`${t('delete')}: ${m.title || t('untitled')}`}>
                {t('delete')}
              </button>
            </li>
            ),
          )}
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
