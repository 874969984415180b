import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizedWords } from '../../shared/text/arabic-normalize.ts';

describe('normalizeArabic', () => {
  it('strips harakat, tanwin, shadda, sukun and superscript alef', () => {
    expect(normalizeArabic('في الدول المتقدّمة')).toBe('في الدول المتقدمه');
    expect(normalizeArabic('كَتَبَ الطَّالِبُ دَرْسًا')).toBe('كتب الطالب درسا');
    expect(normalizeArabic('كتابٌ وقلمٍ')).toBe('كتاب وقلم');
    expect(normalizeArabic('هٰذا')).toBe('هذا');
    expect(normalizeArabic('الرَّحْمَٰنِ')).toBe('الرحمن');
  });

  it('removes tatweel and invisible marks', () => {
    expect(normalizeArabic('الســـلام')).toBe('السلام');
    expect(normalizeArabic('\u200Fمحضر\u200E \u200Cاجتماع\uFEFF')).toBe('محضر اجتماع');
  });

  it('unifies alef forms, hamza seats, ta marbuta and alef maqsura', () => {
    expect(normalizeArabic('أحمد إبراهيم آمال ٱلله')).toBe('احمد ابراهيم امال الله');
    expect(normalizeArabic('مسؤول')).toBe('مسوول');
    expect(normalizeArabic('رئيس')).toBe('رييس');
    expect(normalizeArabic('الجلسة')).toBe('الجلسه');
    expect(normalizeArabic('على مستوى')).toBe('علي مستوي');
  });

  it('drops the hamza on the line so its spelling variants agree', () => {
    expect(normalizeArabic('شيء')).toBe(normalizeArabic('شي'));
    expect(normalizeArabic('سماء')).toBe('سما');
  });

  it('maps Persian letter forms that Whisper sometimes emits', () => {
    expect(normalizeArabic('فی')).toBe('في');
    expect(normalizeArabic('کتاب')).toBe('كتاب');
  });

  it('maps Arabic-Indic and Persian digits to ASCII and keeps numbers whole', () => {
    expect(normalizeArabic('سنة ٢٠٢٤')).toBe('سنه 2024');
    expect(normalizeArabic('۱۲۳')).toBe('123');
    expect(normalizeArabic('٣٫٥ بالمئة')).toBe('3.5 بالميه');
    expect(normalizeArabic('١٬٠٠٠ درهم')).toBe('1000 درهم');
    expect(normalizeArabic('1,000')).toBe('1000');
    expect(normalizeArabic('2.5')).toBe('2.5');
  });

  it('turns Arabic and Latin punctuation into spaces', () => {
    expect(normalizeArabic('نعم، لا؛ لماذا؟ «قال» (هنا). ok!')).toBe('نعم لا لماذا قال هنا ok');
    expect(normalizeArabic('نهاية.بداية')).toBe('نهايه بدايه');
  });

  it('lower-cases Latin and collapses whitespace', () => {
    expect(normalizeArabic('  Le   PROCÈS-verbal \n\t du  CONSEIL  ')).toBe('le procès verbal du conseil');
  });

  it('folds presentation forms (NFKC)', () => {
    expect(normalizeArabic('\uFEFB')).toBe('لا'); // ﻻ ligature
    expect(normalizeArabic('\uFE8D\uFEDF')).toBe('ال');
  });

  it('gives the same text for a sentence with and without diacritics', () => {
    const plain = 'على العموم ورد ذكر الماء كثيرا في الشعر العربي';
    const voweled = 'عَلَى العُمُومِ وَرَدَ ذِكْرُ المَاءِ كَثِيراً فِي الشِّعْرِ العَرَبِيِّ';
    expect(normalizeArabic(voweled)).toBe(normalizeArabic(plain));
  });

  it('is idempotent', () => {
    const s = 'إنّ المُسؤولَ، في ٢٠٢٤م: «قَرَّرَ» شيئاً!';
    expect(normalizeArabic(normalizeArabic(s))).toBe(normalizeArabic(s));
  });

  it('splits into words, empty text giving none', () => {
    expect(normalizedWords('  ،؛  ')).toEqual([]);
    expect(normalizedWords('محضرُ الاجتماعِ')).toEqual(['محضر', 'الاجتماع']);
  });
});
