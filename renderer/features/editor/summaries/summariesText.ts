// The summaries view's strings in Arabic (first), French and English, kept beside the view as the
// editor keeps its own (editorText.ts); the help panel's labels for its keys are in messages.ts (k_sum*).
import { useMemo } from 'react';
import type { Language } from '../../../../shared/domain.ts';
import { useI18n } from '../../../i18n/I18nContext.tsx';
import { format } from '../../../i18n/messages.ts';

const ar = {
  viewSwitch: 'النص أو الملخصات',
  viewTranscript: 'النص',
  viewSummaries: 'الملخصات',
  summariesList: 'ملخصات التدخلات',
  counter: '{n} من {m} تدخلًا بلا ملخص مُراجَع',
  statusMissing: 'بلا ملخص',
  statusDraft: 'مسودة من {model}',
  statusDraftUnnamed: 'مسودة',
  statusToCheck: 'للمراجعة: تغيّرت مقاطعه بعد كتابته',
  statusChecked: 'مُراجَع',
  intervention: 'تدخل {speaker}، {time}',
  passages: 'مقاطع تدخل {speaker}',
  summaryOf: 'ملخص تدخل {speaker}، {time}',
  pointTitle: 'النقطة {n}: {title}',
  otherBusiness: 'مواضيع أخرى',
  pointSummary: 'ملخص المناقشة: {title}',
  pointInterventions: 'عدد التدخلات: {n}',
  opening: 'فقرة الافتتاح',
  closing: 'فقرة الاختتام',
  accept: 'قبول',
  reject: 'رفض',
  listen: 'استماع',
  others: 'ملخص آخر يقع على هذا التدخل، يُحذف عند قبوله أو كتابته: {text}',
  orphans: 'ملخصات لم تعد مقاطعها في النص ولا تُطبع: {n}',
  emptyNotSaved: 'لا يُحفظ ملخص فارغ. لرفض الملخص: Ctrl+Delete',
  noInterventions: 'لا تدخلات بعد: فرّغ التسجيل من تبويب «التفريغ».',
};

export type SummariesKey = keyof typeof ar;

const fr: Record<SummariesKey, string> = {
  viewSwitch: 'Transcription ou résumés',
  viewTranscript: 'Transcription',
  viewSummaries: 'Résumés',
  summariesList: 'Résumés des interventions',
  counter: '{n} interventions sur {m} sans résumé vérifié',
  statusMissing: 'Pas de résumé',
  statusDraft: 'Brouillon de {model}',
  statusDraftUnnamed: 'Brouillon',
  statusToCheck: 'À vérifier : ses passages ont changé depuis',
  statusChecked: 'Vérifié',
  intervention: 'Intervention de {speaker}, {time}',
  passages: 'Passages de l’intervention de {speaker}',
  summaryOf: 'Résumé de l’intervention de {speaker}, {time}',
  pointTitle: 'Point {n} : {title}',
  otherBusiness: 'Divers',
  pointSummary: 'Résumé de la discussion : {title}',
  pointInterventions: 'Interventions : {n}',
  opening: 'Paragraphe d’ouverture',
  closing: 'Paragraphe de clôture',
  accept: 'Accepter',
  reject: 'Rejeter',
  listen: 'Écouter',
  others: 'Un autre résumé porte sur cette intervention ; il est supprimé quand elle est acceptée ou écrite : {text}',
  orphans: 'Résumés dont les passages ne sont plus dans la transcription (non imprimés) : {n}',
  emptyNotSaved: 'Un résumé vide n’est pas enregistré. Pour rejeter le résumé : Ctrl+Suppr',
  noInterventions: 'Aucune intervention : transcrivez l’enregistrement depuis l’onglet « Transcription ».',
};

const en: Record<SummariesKey, string> = {
  viewSwitch: 'Transcript or summaries',
  viewTranscript: 'Transcript',
  viewSummaries: 'Summaries',
  summariesList: 'Intervention summaries',
  counter: '{n} of {m} interventions have no checked summary',
  statusMissing: 'No summary',
  statusDraft: 'Draft by {model}',
  statusDraftUnnamed: 'Draft',
  statusToCheck: 'To check: its passages changed since',
  statusChecked: 'Checked',
  intervention: 'Intervention by {speaker}, {time}',
  passages: 'Passages of {speaker}’s intervention',
  summaryOf: 'Summary of {speaker}’s intervention, {time}',
  pointTitle: 'Point {n}: {title}',
  otherBusiness: 'Other business',
  pointSummary: 'Discussion summary: {title}',
  pointInterventions: 'Interventions: {n}',
  opening: 'Opening paragraph',
  closing: 'Closing paragraph',
  accept: 'Accept',
  reject: 'Reject',
  listen: 'Listen',
  others: 'Another summary falls on this intervention; it is removed when this one is accepted or written: {text}',
  orphans: 'Summaries whose passages are no longer in the transcript (not printed): {n}',
  emptyNotSaved: 'An empty summary is not saved. To reject the summary: Ctrl+Delete',
  noInterventions: 'No interventions yet: transcribe the recording from the Transcript tab.',
};

const texts: Record<Language, Record<SummariesKey, string>> = { ar, fr, en };

export type SummariesT = (key: SummariesKey, params?: Record<string, string | number>) => string;

export function useSummariesText(): SummariesT {
  const { lang } = useI18n();
  return useMemo<SummariesT>(() => (key, params) => format(texts[lang][key], params), [lang]);
}
