// The language marked on user text: Arabic script is 'ar' in every interface; Latin letters take
// the meeting's language, else the interface's, else French; text without letters inherits.
import { describe, expect, it } from 'vitest';
import { textLang, userText } from '../../renderer/i18n/textLang.ts';

describe('textLang', () => {
  it('marks Arabic script as Arabic whatever the interface and meeting language', () => {
    for (const ui of ['ar', 'fr', 'en'] as const) {
      expect(textLang('اللقاء التشاوري حول رقمنة الخدمات', ui)).toBe('ar');
      expect(textLang('أحمد بنعلي', ui, 'fr')).toBe('ar');
    }
    // Persian/Urdu letters and presentation forms are Arabic script too.
    expect(textLang('ﷲ', 'fr')).toBe('ar');
  });

  it('gives Latin text in the Arabic interface the meeting language, else French', () => {
    expect(textLang('Réunion du comité de pilotage', 'ar')).toBe('fr');
    expect(textLang('Réunion du comité de pilotage', 'ar', 'ar')).toBe('fr');
    expect(textLang('Steering committee', 'ar', 'en')).toBe('en');
    expect(textLang('Jean Dupont', 'ar', 'fr')).toBe('fr');
  });

  it('gives Latin text in a Latin interface the meeting language if Latin, else the interface language', () => {
    expect(textLang('Jean Dupont', 'fr')).toBe('fr');
    expect(textLang('Jean Dupont', 'en')).toBe('en');
    expect(textLang('Jean Dupont', 'en', 'ar')).toBe('en');
    expect(textLang('Steering committee', 'fr', 'en')).toBe('en');
    // Accented capitals are Latin letters.
    expect(textLang('État civil', 'ar')).toBe('fr');
  });

  it('follows the first letter, as dir="auto" does, so language and direction agree', () => {
    expect(textLang('2026/045 — محضر Réunion', 'fr')).toBe('ar');
    expect(textLang('« Rabat » الرباط', 'ar')).toBe('fr');
    // Arabic-Indic digits and harakat are not letters.
    expect(textLang('٢٠٢٦ Rabat', 'ar')).toBe('fr');
  });

  it('recognises Tifinagh as Standard Moroccan Amazigh and other scripts as unknown', () => {
    expect(textLang('ⵜⴰⵎⴰⵣⵉⵖⵜ', 'ar')).toBe('zgh');
    expect(textLang('Συνάντηση', 'fr')).toBe('und');
  });

  it('leaves text without letters to inherit its parent language', () => {
    expect(textLang('', 'ar')).toBeUndefined();
    expect(textLang('2026-11-20 10:00', 'fr')).toBeUndefined();
    expect(userText('12', 'ar')).toEqual({ dir: 'auto' });
    expect(userText('Jean Dupont', 'ar')).toEqual({ lang: 'fr', dir: 'auto' });
  });
});
