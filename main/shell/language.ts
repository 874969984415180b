// The language of messages the shell shows before the interface is up (e.g. "already open"),
// from the system locale: French or English where the system says so, Arabic otherwise (the
// app is Arabic first).
import type { Language } from '../../shared/domain.ts';

export function shellLanguage(locale: string): Language {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' ? 'fr' : primary === 'en' ? 'en' : 'ar';
}
