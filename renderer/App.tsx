// The app shell: header with the language switch, and two views chosen by the address hash
// (#/ for the library, #/meeting/<id> for one meeting) so reload keeps the secretary's place.
import { useEffect, useState } from 'react';
import { languages, type Language } from '../shared/domain.ts';
import { useI18n } from './i18n/I18nContext.tsx';
import { Library } from './features/library/Library.tsx';
import { MeetingPage } from './features/meeting/MeetingPage.tsx';
import { useConnection } from './api/useConnection.ts';

const languageNames: Record<Language, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

function currentRoute(): { meetingId: string | null } {
  const m = /^#\/meeting\/([a-z0-9-]+)/.exec(window.location.hash);
  return { meetingId: m?.[1] ?? null };
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const [route, setRoute] = useState(currentRoute);
  const connection = useConnection();

  useEffect(() => {
    const onHash = () => {
      const next = currentRoute();
      setRoute((prev) => (prev.meetingId === next.meetingId ? prev : next));
    };
    window.addEventListener('hashchange', onHash);
    // The first render read the address before this listener existed: a change in between (a link
    // followed while the page was still starting) would otherwise be lost, leaving the wrong view.
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const openMeeting = (id: string | null) => {
    window.location.hash = id ? `#/meeting/${id}` : '#/';
  };

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('appName')}</span>
          <span className="brand-tagline">{t('appTagline')}</span>
        </div>
        <label className="lang-switch">
          <span>{t('language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Language)} aria-label={t('language')}>
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageNames[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {connection.state === 'lost' && (
        // Shown as soon as the event stream breaks, until it opens again (the bridge keeps retrying).
        <div className="connection-lost" role="alert">
          {t('connectionLost')}
        </div>
      )}
      <main className="app-main">
        {route.meetingId ? (
          <MeetingPage key={route.meetingId} meetingId={route.meetingId} onBack={() => openMeeting(null)} />
        ) : (
          <Library onOpen={openMeeting} />
        )}
      </main>
    </div>
  );
}
