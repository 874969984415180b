// The message of a refused meeting.json (meeting.malformed in errors.ts): which field, which rule
// it breaks, and where the last good copy is. main/archive/meeting-file.ts sets the params from
// zod's first issue: field (its path), rule, and limit or expected where the rule has one.
import type { Language } from './domain.ts';

type Params = Record<string, string | number>;

/** The rules a field can break, as meeting-file.ts names them. */
export const fieldRules = ['json', 'unknown', 'type', 'tooLong', 'tooManyItems', 'tooBig', 'empty', 'tooShort', 'tooFewItems', 'tooSmall', 'format', 'choice', 'other'] as const;
export type FieldRule = (typeof fieldRules)[number];

/** JSON types as zod names them (invalid_type's expected), in words. */
const typeWords: Record<Language, Record<string, string>> = {
  ar: { string: 'نصا', number: 'عددا', int: 'عددا صحيحا', boolean: 'true أو false', array: 'لائحة [...]', object: 'كائنا {...}', null: 'null' },
  fr: { string: 'un texte', number: 'un nombre', int: 'un nombre entier', boolean: 'true ou false', array: 'une liste [...]', object: 'un objet {...}', null: 'null' },
  en: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list [...]', object: 'an object {...}', null: 'null' },
};

const ruleWords: Record<Language, Record<Exclude<FieldRule, 'json'>, (p: Params) => string>> = {
  ar: {
    unknown: () => 'غير معروف في هذا الإصدار من محضر',
    type: (p) => `يجب أن يكون ${typeWords.ar[p.expected ?? ''] ?? p.expected}`,
    tooLong: (p) => `أطول من ${p.limit} حرفا`,
    tooManyItems: (p) => `يضم أكثر من ${p.limit} عنصرا`,
    tooBig: (p) => `أكبر من ${p.limit}`,
    empty: () => 'فارغ',
    tooShort: (p) => `أقصر من ${p.limit} أحرف`,
    tooFewItems: (p) => `يضم أقل من ${p.limit} عنصرا`,
    tooSmall: (p) => `أصغر من ${p.limit}`,
    format: (p) => `ليس بالصيغة المطلوبة${p.expected ? ` (${p.expected})` : ''}`,
    choice: (p) => `ليس من القيم المقبولة (${p.expected})`,
    other: () => 'قيمته غير مقبولة',
  },
  fr: {
    unknown: () => 'est inconnu de cette version de Mahdar',
    type: (p) => `doit être ${typeWords.fr[p.expected ?? ''] ?? p.expected}`,
    tooLong: (p) => `dépasse ${p.limit} caractères`,
    tooManyItems: (p) => `compte plus de ${p.limit} éléments`,
    tooBig: (p) => `dépasse ${p.limit}`,
    empty: () => 'est vide',
    tooShort: (p) => `compte moins de ${p.limit} caractères`,
    tooFewItems: (p) => `compte moins de ${p.limit} éléments`,
    tooSmall: (p) => `est inférieur à ${p.limit}`,
    format: (p) => `n’a pas la forme attendue${p.expected ? ` (${p.expected})` : ''}`,
    choice: (p) => `n’est pas une valeur admise (${p.expected})`,
    other: () => 'a une valeur refusée',
  },
  en: {
    unknown: () => 'is unknown to this version of Mahdar',
    type: (p) => `must be ${typeWords.en[p.expected ?? ''] ?? p.expected}`,
    tooLong: (p) => `is longer than ${p.limit} characters`,
    tooManyItems: (p) => `has more than ${p.limit} items`,
    tooBig: (p) => `is greater than ${p.limit}`,
    empty: () => 'is empty',
    tooShort: (p) => `is shorter than ${p.limit} characters`,
    tooFewItems: (p) => `has fewer than ${p.limit} items`,
    tooSmall: (p) => `is less than ${p.limit}`,
    format: (p) => `does not have the expected form${p.expected ? ` (${p.expected})` : ''}`,
    choice: (p) => `is not an accepted value (${p.expected})`,
    other: () => 'has a refused value',
  },
};

const isRule = (r: unknown): r is Exclude<FieldRule, 'json'> => typeof r === 'string' && r !== 'json' && (fieldRules as readonly string[]).includes(r);

/** «الحقل «participants[2].name» أطول من 300 حرفا», or '' when the params name no field rule. */
function fieldRuleText(p: Params, lang: Language): string {
  if (!isRule(p.rule)) return '';
  const rule = ruleWords[lang][p.rule](p);
  const field = String(p.field ?? '');
  if (lang === 'ar') return `الحقل «${field}» ${rule}`;
  if (lang === 'fr') return `le champ « ${field} » ${rule}`;
  return `the field “${field}” ${rule}`;
}

const notJson: Record<Language, string> = {
  ar: 'ليس JSON سليما (ربما انقطع أثناء الكتابة)',
  fr: 'ce n’est pas du JSON valide (écriture interrompue ?)',
  en: 'it is not valid JSON (an interrupted write?)',
};

/**
 * The message of meeting.malformed. The refused file is named as left untouched, never as where to
 * recover the meeting from. lastGood: the last approved copy, '' when there is none, absent when it
 * was not looked for (nothing is then said of it).
 */
export function malformedMeetingText(p: Params, lang: Language): string {
  const why = p.rule === 'json' ? notJson[lang] : fieldRuleText(p, lang);
  const has = p.lastGood !== undefined && p.lastGood !== '';
  const none = p.lastGood === '';
  if (lang === 'ar') {
    const last = has ? ` آخر نسخة سليمة منه: ${p.lastGood}.` : none ? ' لا توجد منه نسخة سابقة سليمة.' : '';
    return `ملف الاجتماع ${p.id} تالف ولا يمكن قراءته${why ? `: ${why}` : ''}. لم يتم تغييره (${p.file}).${last}`;
  }
  if (lang === 'fr') {
    const last = has ? ` Dernière version valide : ${p.lastGood}.` : none ? ' Aucune version antérieure valide n’est conservée.' : '';
    return `Le fichier de la réunion ${p.id} est endommagé et illisible${why ? ` : ${why}` : ''}. Il n'a pas été modifié (${p.file}).${last}`;
  }
  const last = has ? ` The last good version is ${p.lastGood}.` : none ? ' No earlier good version of it is kept.' : '';
  return `The file of meeting ${p.id} is damaged and cannot be read${why ? `: ${why}` : ''}. It was left untouched (${p.file}).${last}`;
}
