// What a language model is asked when it drafts the summary of one intervention: instructions in
// the minutes' language (a formal paragraph in the third person that follows the minutes' lead
// naming the speaker, «تدخل السيد …، [صفته]:», so it does not name them again; nothing beyond
// what the passages say), then the speaker, the agenda point and the passages themselves. Nothing
// else of the meeting goes into the prompt: the model can only restate what was said.
import type { Language, Meeting, Participant } from '../domain.ts';
import type { Intervention } from './interventions.ts';

export interface DraftPrompt {
  system: string;
  user: string;
}

/** Most characters of passages one prompt carries (a small model's context is a few thousand tokens). */
export const PROMPT_PASSAGE_CHARS = 6000;

const systemText: Record<Language, string> = {
  ar: [
    'أنت كاتب محاضر رسمية لإدارة مغربية.',
    'لخّص المداخلة الواردة بعد هذا في فقرة واحدة قصيرة، بالعربية الفصحى الإدارية، بضمير الغائب،',
    'ستُطبع الفقرة في المحضر بعد عبارة «تدخل السيد …، [صفته]:» التي تسمي المتدخل، فابدأها مباشرة بفعل بضمير الغائب دون تكرار اسمه، مثل: «أكد أن …» أو «أشار إلى …». إذا كانت المتدخلة امرأة فاستعمل صيغة المؤنث: «أكدت أن …».',
    'اعتمد فقط على ما ورد في نص المداخلة: لا تضف أي معلومة أو رقم أو واقعة من خارجه، ولا رأيا ولا تقييما.',
    'لا تكتب مقدمة ولا عنوانا ولا خاتمة: اكتب الفقرة وحدها.',
  ].join('\n'),
  fr: [
    'Vous rédigez le procès-verbal officiel d’une administration marocaine.',
    'Résumez l’intervention qui suit en un seul paragraphe court, en français administratif soutenu, à la troisième personne,',
    'Le procès-verbal l’imprime après « M. …, [qualité], est intervenu : », qui nomme déjà l’intervenant : commencez directement par le pronom et le verbe, sans répéter le nom, par exemple : « Il a souligné que … ». Pour une intervenante : « Elle a souligné que … ».',
    'Tenez-vous strictement à ce que dit l’intervention : n’ajoutez aucune information, aucun chiffre ni aucun fait extérieur, aucune opinion ni appréciation.',
    'Pas d’introduction, de titre ni de conclusion : écrivez le paragraphe seul.',
  ].join('\n'),
  en: [
    'You write the official minutes of a Moroccan administration.',
    'Summarise the intervention that follows in one short paragraph, in formal English, in the third person,',
    'The minutes print it after “Mr …, [title], took the floor:”, which already names the speaker: begin with the pronoun and verb, without repeating the name, for example: “He stressed that …”. For a woman: “She stressed that …”.',
    'Use only what the intervention says: add no information, figure or fact from elsewhere, and no opinion or judgement.',
    'No introduction, heading or conclusion: write the paragraph alone.',
  ].join('\n'),
};

const labels: Record<Language, { speaker: string; unknown: string; point: string; noPoint: string; passages: string; cut: string }> = {
  ar: { speaker: 'المتدخل', unknown: 'متدخل غير محدد', point: 'النقطة', noPoint: 'خارج جدول الأعمال', passages: 'نص المداخلة', cut: '[…]' },
  fr: { speaker: 'Intervenant', unknown: 'intervenant non identifié', point: 'Point', noPoint: 'hors ordre du jour', passages: 'Texte de l’intervention', cut: '[…]' },
  en: { speaker: 'Speaker', unknown: 'unidentified speaker', point: 'Agenda point', noPoint: 'outside the agenda', passages: 'Text of the intervention', cut: '[…]' },
};

const honorific: Record<Language, Record<Participant['gender'], string>> = {
  ar: { m: 'السيد', f: 'السيدة', unknown: 'السيد(ة)' },
  fr: { m: 'M.', f: 'Mme', unknown: 'M./Mme' },
  en: { m: 'Mr', f: 'Ms', unknown: 'Mr/Ms' },
};

/** «السيدة فاطمة بناني، المقررة» : the honorific, the name, then the title when there is one. */
function speakerLine(lang: Language, speaker: Participant | undefined): string {
  if (!speaker) return labels[lang].unknown;
  const comma = lang === 'ar' ? '، ' : ', ';
  const named = `${honorific[lang][speaker.gender]} ${speaker.name}`;
  return speaker.title.trim() ? `${named}${comma}${speaker.title.trim()}` : named;
}

/** The passages' text in time order, one per line, cut at `maxChars` (marked) so the prompt fits the model. */
function passagesText(iv: Intervention, maxChars: number, cut: string): string {
  const text = iv.segments.map((s) => s.text.trim()).join('\n');
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)} ${cut}`;
}

/** The prompt that drafts one intervention's summary, in the minutes' language. */
export function interventionPrompt(
  m: Pick<Meeting, 'language' | 'participants' | 'agenda'>,
  iv: Intervention,
  maxChars = PROMPT_PASSAGE_CHARS,
): DraftPrompt {
  const lang = m.language;
  const l = labels[lang];
  const speaker = m.participants.find((p) => p.id === iv.speakerId);
  const point = iv.agendaItemId ? m.agenda.find((a) => a.id === iv.agendaItemId)?.title.trim() : undefined;
  const colon = lang === 'fr' ? ' : ' : ': ';
  const user = [
    `${l.speaker}${colon}${speakerLine(lang, speaker)}`,
    `${l.point}${colon}${point || l.noPoint}`,
    `${l.passages}${colon}`,
    passagesText(iv, maxChars, l.cut),
  ].join('\n');
  return { system: systemText[lang], user };
}
