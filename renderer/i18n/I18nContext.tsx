// The UI language: Arabic by default, remembered (settings in main, and localStorage so the
// first paint is already in the right language and direction).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { languages, type Language } from '../../shared/domain.ts';
import { errorText, isErrorCode, type ErrorPayload } from '../../shared/errors.ts';
import { format, messages, type MessageKey } from './messages.ts';
import { client, ApiError } from '../api/client.ts';

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A message for an error thrown by the API client (or an error payload from an event), in the UI language. */
  errorMessage(err: unknown): string;
}

const STORAGE_KEY = 'mahdar.uiLanguage';
const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return (languages as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'ar';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const chosenHere = useRef(false);

  useEffect(() => {
    // The settings in main are the reference (shared by every window), unless the secretary
    // already picked a language in this window before they arrived.
    client.api
      .getSettings({})
      .then((s) => {
        if (!chosenHere.current) setLangState(s.uiLanguage);
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = messages[lang].appName;
    localStorage.setItem(STORAGE_KEY, lang);
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    chosenHere.current = true;
    setLangState(next);
    client.api.updateSettings({ settings: { uiLanguage: next } }).catch(() => undefined);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => format(messages[lang][key], params),
      errorMessage: (err) => {
        const payload: ErrorPayload =
          err instanceof ApiError ? err.payload : isErrorCode((err as ErrorPayload | null)?.code) ? (err as ErrorPayload) : { code: 'internal', params: {} };
        return errorText(payload, lang);
      },
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
