// All the wording of the minutes, per language. build.ts composes the model only from these;
// adding a language is adding one entry here (and its locales in dates.ts).
import type { Decision, Language, Meeting, MeetingStatus, Participant, Vote, VoteSide } from '../domain.ts';

export type Gender = Participant['gender'];

/** The forms of a word for the people it names: one man, one woman, one of unknown gender, several, several women. */
export interface AgreeingForms {
  m: string;
  f: string;
  unknown: string;
  plural: string;
  pluralF: string;
}

/**
 * The form that agrees with the people named: singular for one, feminine when all are women
 * (a group with a man or someone of unknown gender takes the masculine plural, as both languages
 * write it).
 */
export function agree(forms: AgreeingForms, genders: readonly Gender[]): string {
  if (genders.length === 1) return forms[genders[0]!];
  return genders.length > 1 && genders.every((g) => g === 'f') ? forms.pluralF : forms.plural;
}

type Status = 'present' | 'absent' | 'excused';

export interface OpeningParts {
  /** "الخميس 12 نونبر 2026" etc., null when the meeting has no date. */
  weekday: string | null;
  gregorian: string | null;
  hijri: string | null;
  startTime: string | null;
  place: string | null;
  /** What met: "اللقاء التشاوري حول …" or the meeting's title as typed. */
  what: string;
  /** "السيد محمد العلمي، والي الجهة", null when no chair. */
  chair: string | null;
  attendees: number;
}

export interface MinutesLabels {
  direction: 'rtl' | 'ltr';
  languageTag: string;
  /** Titles of the document and how the meeting is named inside sentences. */
  documentTitle: (meetingName: string) => string;
  documentSubtitle: (meetingName: string) => string | null;
  /** Nouns for a meeting type, definite and indefinite ("اللقاء التشاوري" / "لقاء تشاوري"). */
  meetingType: Record<Meeting['type'], { definite: string; indefinite: string }>;
  /** Does a title already name the meeting ("اللقاء التشاوري حول …") rather than only its topic? */
  titleNamesMeeting: (title: string) => boolean;
  /** "<type> حول <topic>" */
  about: (typeNoun: string, topic: string) => string;
  untitled: string;
  reference: (ref: string) => string;
  date: (gregorian: string, hijri: string) => string;
  opening: (p: OpeningParts) => string;
  headings: {
    attendance: string;
    agenda: string;
    proceedings: string;
    decisions: string;
    signatures: string;
    annex: string;
  };
  attendanceHeader: [string, string, string, string, string];
  decisionsHeader: [string, string, string, string, string];
  transcriptHeader: [string, string, string];
  decisionKinds: Record<Decision['kind'], string>;
  /** How a decision was taken, printed under its text: "بالإجماع", or "الموافقون: 12، المعارضون: 3، الممتنعون: 2". */
  vote: (v: Vote) => string;
  /** A nominal vote's names on one side, under the counts: "صوت بالموافقة كل من: السيد …، السيدة …". */
  voterNames: (side: VoteSide, names: readonly string[], genders: readonly Gender[]) => string;
  /** Heading of an agreement's signatories, agreeing with them ("الموقعون:"). */
  signatories: (genders: readonly Gender[]) => string;
  /** Heading of the annexes listed in the closing ("المرفقات:"), for that many annexes. */
  annexes: (count: number) => string;
  /** "النقطة الأولى: <title>" for the n-th point of the agenda (from 1). */
  agendaPoint: (n: number, title: string) => string;
  /** Heading of the passages given no agenda point, when others have one. */
  otherBusiness: string;
  /** Under an agenda point no passage was assigned to. */
  noInterventionsOnPoint: string;
  honorific: Record<Gender, string>;
  /** "السيد محمد العلمي، والي الجهة" */
  person: (honorific: string, name: string, title: string) => string;
  /** "تدخل السيد محمد العلمي، والي الجهة:" */
  intervention: (person: string) => string;
  unknownSpeakerIntervention: string;
  unknownSpeaker: string;
  noAttendees: string;
  noAgenda: string;
  noInterventions: string;
  /** Only when the secretary confirmed it (noDecisionConfirmed). */
  noDecisions: string;
  /** No decision recorded, and nobody said none was taken. */
  noDecisionsYet: string;
  noTranscript: string;
  closing: (endTime: string | null) => string;
  /** "حرر ب<place> في <date>."; null when neither is known. */
  drawnUp: (place: string | null, date: string | null) => string | null;
  /** "بناء على الاستدعاء رقم … بتاريخ …، واستنادا إلى …"; null when none is given. */
  convocation: (p: { reference: string | null; date: string | null; legalBasis: string | null }) => string | null;
  /**
   * Headings of the attendance lists, with their colon as the language writes it, agreeing with
   * the people listed (Absente : for one woman); `none` for an empty list.
   */
  attendanceLists: Record<Status, AgreeingForms> & { none: string };
  /** A member attending through someone else: "<name>، ممثلا من طرف <rep>". */
  representedBy: (name: string, representative: string, gender: Gender) => string;
  /** "النصاب القانوني: …" */
  quorum: (present: number, total: number) => string;
  chairRole: Record<Gender, string>;
  secretaryRole: Record<Gender, string>;
  /** Where the stamp goes, under the chair's signature. */
  stamp: string;
  /** A name to be written by hand. */
  blankName: string;
  /** In the page header until approval. */
  draftMark: string;
  pageLabel: string;
  status: Record<MeetingStatus, string>;
  /** Words for the archive's keyword field. */
  keywords: string[];
  description: (p: { name: string; date: string; place: string; attendees: number; decisions: number; revision: number }) => string;
  /** Arabic comma or Latin comma: used to join clauses. */
  comma: string;
}

// Ordinals agree with النقطة (feminine): الأولى … العاشرة, الحادية عشرة … التاسعة عشرة, العشرون,
// الحادية والعشرون … التاسعة والتسعون; beyond that the number is written in digits.
const AR_UNITS = ['', 'الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const AR_TENS = ['', '', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];

/** "الأولى", "الحادية عشرة", "الثانية والعشرون"…; "100" and beyond in digits. */
export function arabicOrdinalFeminine(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n <= 10) return AR_UNITS[n]!;
  const unit = n % 10;
  const tens = Math.floor(n / 10);
  // In compounds "one" is الحادية, not الأولى.
  const unitWord = unit === 1 ? 'الحادية' : AR_UNITS[unit]!;
  if (tens === 1) return `${unitWord} عشرة`;
  return unit === 0 ? AR_TENS[tens]! : `${unitWord} و${AR_TENS[tens]!}`;
}

const ar: MinutesLabels = {
  direction: 'rtl',
  languageTag: 'ar-MA',
  documentTitle: (name) => (/^محضر\s/.test(name) ? name : `محضر ${name}`),
  documentSubtitle: () => null,
  meetingType: {
    consultation: { definite: 'اللقاء التشاوري', indefinite: 'لقاء تشاوري' },
    council: { definite: 'دورة المجلس', indefinite: 'دورة المجلس' },
    committee: { definite: 'اجتماع اللجنة', indefinite: 'اجتماع اللجنة' },
    other: { definite: 'الاجتماع', indefinite: 'اجتماع' },
  },
  titleNamesMeeting: (t) => /^(محضر\s+)?(ال)?(لقاء|اجتماع|دورة|جلسة|ندوة|مجلس|لجنة|ورشة|مناظرة)/.test(t.trim()),
  about: (type, topic) => `${type} حول ${topic}`,
  untitled: 'الاجتماع',
  reference: (ref) => `المرجع: ${ref}`,
  date: (g, h) => (h ? `التاريخ: ${g}\nالموافق لـ ${h}` : `التاريخ: ${g}`),
  opening: (p) => {
    const parts: string[] = [];
    if (p.gregorian) parts.push(`في يوم ${p.weekday ? `${p.weekday} ` : ''}${p.gregorian}${p.hijri ? ` الموافق لـ ${p.hijri}` : ''}`);
    if (p.startTime) parts.push(`على الساعة ${p.startTime}`);
    const what = p.what.replace(/^محضر\s+/, '');
    // The verb agrees with the meeting noun: انعقد اللقاء / الاجتماع, انعقدت الدورة / الجلسة.
    const verb = /^(ال)?(دورة|جلسة|ندوة|ورشة|مناظرة)/.test(what) ? 'انعقدت' : 'انعقد';
    let main = `${verb} ${what}`;
    if (p.place) main += /^[\u0621-\u064A]/.test(p.place) ? ` ب${p.place}` : ` في ${p.place}`;
    parts.push(main);
    if (p.chair) parts.push(`برئاسة ${p.chair}`);
    parts.push(
      p.attendees > 0
        ? `وبحضور السيدات والسادة المدرجة أسماؤهم في لائحة الحضور أسفله (عدد الحاضرين: ${p.attendees})`
        : 'وبحضور السيدات والسادة أعضاء الاجتماع',
    );
    return parts.join('، ') + '.';
  },
  headings: {
    attendance: 'لائحة الحضور',
    agenda: 'جدول الأعمال',
    proceedings: 'سير الأشغال',
    decisions: 'القرارات والتوصيات',
    signatures: 'التوقيعات',
    annex: 'ملحق: التفريغ الحرفي الكامل للاجتماع',
  },
  attendanceHeader: ['ر.ت', 'الاسم الكامل', 'الصفة', 'الجهة', 'التوقيع'],
  decisionsHeader: ['ر.ت', 'النوع', 'النص', 'الجهة المكلفة', 'الأجل'],
  transcriptHeader: ['التوقيت', 'المتدخل', 'النص'],
  // An agreement is a convention its parties sign (اتفاقية), listed with its signatories.
  decisionKinds: { decision: 'قرار', recommendation: 'توصية', agreement: 'اتفاقية', action: 'إجراء' },
  vote: (v) => (v.kind === 'unanimous' ? 'بالإجماع' : `الموافقون: ${v.for}، المعارضون: ${v.against}، الممتنعون: ${v.abstain}`),
  // "كل من" names a group without agreeing with it; one voter takes the verb in their gender.
  voterNames: (side, names, genders) => {
    const verb = {
      for: { m: 'صوت بالموافقة', f: 'صوتت بالموافقة' },
      against: { m: 'صوت بالرفض', f: 'صوتت بالرفض' },
      abstain: { m: 'امتنع عن التصويت', f: 'امتنعت عن التصويت' },
    }[side];
    const head = names.length === 1 ? (genders[0] === 'f' ? verb.f : verb.m) : `${verb.m} كل من`;
    return `${head}: ${names.join('، ')}`;
  },
  signatories: (g) => agree({ m: 'الموقع:', f: 'الموقعة:', unknown: 'الموقع(ة):', plural: 'الموقعون:', pluralF: 'الموقعات:' }, g),
  annexes: (n) => (n === 1 ? 'المرفق:' : 'المرفقات:'),
  agendaPoint: (n, title) => `النقطة ${arabicOrdinalFeminine(n)}${title ? `: ${title}` : ''}`,
  otherBusiness: 'مسائل أخرى',
  noInterventionsOnPoint: 'لم تسجل أي مداخلة في هذه النقطة.',
  honorific: { m: 'السيد', f: 'السيدة', unknown: 'السيد(ة)' },
  person: (h, name, title) => `${h} ${name}${title ? `، ${title}` : ''}`,
  intervention: (person) => `تدخل ${person}:`,
  unknownSpeakerIntervention: 'مداخلة (لم يحدد المتدخل):',
  unknownSpeaker: '—',
  noAttendees: 'لم تسجل لائحة الحضور.',
  noAgenda: 'لم يحدد جدول الأعمال.',
  noInterventions: 'لم تسجل أي مداخلة.',
  noDecisions: 'لم يتخذ أي قرار ولم تصدر أي توصية.',
  noDecisionsYet: 'لم يسجل بعد أي قرار أو توصية.',
  noTranscript: 'لا يوجد تفريغ لهذا الاجتماع.',
  closing: (end) =>
    end ? `وبعد استنفاد نقط جدول الأعمال، رفعت الجلسة على الساعة ${end}.` : 'وبعد استنفاد نقط جدول الأعمال، رفعت الجلسة.',
  drawnUp: (place, date) => {
    if (!place && !date) return null;
    const at = place ? (/^[\u0621-\u064A]/.test(place) ? ` ب${place}` : ` في ${place}`) : '';
    return `حرر${at}${date ? ` في ${date}` : ''}.`;
  },
  convocation: ({ reference, date, legalBasis }) => {
    const parts: string[] = [];
    if (reference || date) parts.push(`بناء على الاستدعاء${reference ? ` رقم ${reference}` : ''}${date ? ` بتاريخ ${date}` : ''}`);
    if (legalBasis) parts.push(`${parts.length ? 'و' : ''}استنادا إلى ${legalBasis}`);
    return parts.length ? parts.join('، ') + '.' : null;
  },
  attendanceLists: {
    present: { m: 'الحاضر:', f: 'الحاضرة:', unknown: 'الحاضر(ة):', plural: 'الحاضرون:', pluralF: 'الحاضرات:' },
    absent: { m: 'الغائب:', f: 'الغائبة:', unknown: 'الغائب(ة):', plural: 'الغائبون:', pluralF: 'الغائبات:' },
    excused: { m: 'المعتذر:', f: 'المعتذرة:', unknown: 'المعتذر(ة):', plural: 'المعتذرون:', pluralF: 'المعتذرات:' },
    none: 'لا أحد.',
  },
  representedBy: (name, r, g) => `${name}، ${g === 'f' ? 'ممثلة' : g === 'm' ? 'ممثلا' : 'ممثلا(ة)'} من طرف ${r}`,
  quorum: (present, total) => `النصاب القانوني: عدد الأعضاء الحاضرين ${present} من أصل ${total}.`,
  chairRole: { m: 'رئيس الجلسة', f: 'رئيسة الجلسة', unknown: 'رئيس الجلسة' },
  secretaryRole: { m: 'كاتب الجلسة', f: 'كاتبة الجلسة', unknown: 'كاتب الجلسة' },
  stamp: 'الخاتم',
  blankName: '……………………………',
  draftMark: 'مسودة',
  pageLabel: 'الصفحة {page} من {pages}',
  status: { draft: 'مسودة', review: 'قيد المراجعة', approved: 'مصادق عليه' },
  keywords: ['محضر', 'اجتماع'],
  description: (p) =>
    `${/^محضر\s/.test(p.name) ? p.name : `محضر ${p.name}`}${p.date ? ` بتاريخ ${p.date}` : ''}${p.place ? ` ب${p.place}` : ''}؛ عدد الحاضرين: ${p.attendees}؛ عدد القرارات والتوصيات: ${p.decisions}؛ المراجعة ${p.revision}.`,
  comma: '، ',
};

const fr: MinutesLabels = {
  direction: 'ltr',
  languageTag: 'fr-FR',
  documentTitle: () => 'Procès-verbal',
  documentSubtitle: (name) => name,
  meetingType: {
    consultation: { definite: 'la réunion de consultation', indefinite: 'une réunion de consultation' },
    council: { definite: 'la session du conseil', indefinite: 'une session du conseil' },
    committee: { definite: 'la réunion de la commission', indefinite: 'une réunion de la commission' },
    other: { definite: 'la réunion', indefinite: 'une réunion' },
  },
  titleNamesMeeting: () => false,
  about: (type, topic) => `${type} « ${topic} »`,
  untitled: 'la réunion',
  reference: (ref) => `Réf. : ${ref}`,
  date: (g, h) => (h ? `Date : ${g}\n(${h})` : `Date : ${g}`),
  opening: (p) => {
    const parts: string[] = [];
    if (p.gregorian) parts.push(`Le ${p.weekday ? `${p.weekday} ` : ''}${p.gregorian}${p.hijri ? ` (${p.hijri})` : ''}`);
    if (p.startTime) parts.push(`à ${p.startTime.replace(':', ' h ')}`);
    let main = `s’est tenue ${p.what}`;
    if (p.place) main += `, à ${p.place}`;
    parts.push(main);
    if (p.chair) parts.push(`sous la présidence de ${p.chair}`);
    parts.push(
      p.attendees > 0
        ? `en présence des personnes dont les noms figurent sur la liste de présence ci-dessous (${p.attendees} participants)`
        : 'en présence de ses membres',
    );
    const text = parts.join(', ') + '.';
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  headings: {
    attendance: 'Liste de présence',
    agenda: 'Ordre du jour',
    proceedings: 'Déroulement de la séance',
    decisions: 'Décisions et recommandations',
    signatures: 'Signatures',
    annex: 'Annexe : transcription intégrale de la réunion',
  },
  attendanceHeader: ['N°', 'Nom et prénom', 'Qualité', 'Organisme', 'Signature'],
  decisionsHeader: ['N°', 'Type', 'Texte', 'Responsable', 'Échéance'],
  transcriptHeader: ['Heure', 'Intervenant', 'Texte'],
  decisionKinds: { decision: 'Décision', recommendation: 'Recommandation', agreement: 'Convention', action: 'Action' },
  vote: (v) => (v.kind === 'unanimous' ? 'À l’unanimité' : `Pour : ${v.for}, contre : ${v.against}, abstentions : ${v.abstain}`),
  voterNames: (side, names, genders) => {
    const one = names.length === 1;
    const head =
      side === 'abstain'
        ? agree({ m: 'S’est abstenu', f: 'S’est abstenue', unknown: 'S’est abstenu(e)', plural: 'Se sont abstenus', pluralF: 'Se sont abstenues' }, genders)
        : `${one ? 'A' : 'Ont'} voté ${side === 'for' ? 'pour' : 'contre'}`;
    return `${head} : ${names.join(', ')}`;
  },
  signatories: (g) => (g.length === 1 ? 'Signataire :' : 'Signataires :'),
  annexes: (n) => (n === 1 ? 'Annexe :' : 'Annexes :'),
  agendaPoint: (n, title) => `Point ${n}${title ? ` : ${title}` : ''}`,
  otherBusiness: 'Questions diverses',
  noInterventionsOnPoint: 'Aucune intervention n’a été enregistrée sur ce point.',
  honorific: { m: 'M.', f: 'Mme', unknown: 'M./Mme' },
  person: (h, name, title) => `${h} ${name}${title ? `, ${title}` : ''}`,
  intervention: (person) => `Intervention de ${person} :`,
  unknownSpeakerIntervention: 'Intervention (intervenant non identifié) :',
  unknownSpeaker: '—',
  noAttendees: 'Aucune liste de présence n’a été enregistrée.',
  noAgenda: 'Aucun ordre du jour n’a été fixé.',
  noInterventions: 'Aucune intervention n’a été enregistrée.',
  noDecisions: 'Aucune décision ni recommandation n’a été prise.',
  noDecisionsYet: 'Aucune décision ni recommandation n’a encore été enregistrée.',
  noTranscript: 'Aucune transcription pour cette réunion.',
  closing: (end) =>
    end
      ? `L’ordre du jour étant épuisé, la séance a été levée à ${end.replace(':', ' h ')}.`
      : 'L’ordre du jour étant épuisé, la séance a été levée.',
  drawnUp: (place, date) => {
    if (!place && !date) return null;
    return `Fait${place ? ` à ${place}` : ''}${place && date ? ',' : ''}${date ? ` le ${date}` : ''}.`;
  },
  convocation: ({ reference, date, legalBasis }) => {
    const parts: string[] = [];
    if (reference || date) parts.push(`Vu la convocation${reference ? ` n° ${reference}` : ''}${date ? ` du ${date}` : ''}`);
    if (legalBasis) parts.push(`${parts.length ? 'vu' : 'Vu'} ${legalBasis}`);
    return parts.length ? parts.join(' ; ') + '.' : null;
  },
  attendanceLists: {
    present: { m: 'Présent :', f: 'Présente :', unknown: 'Présent(e) :', plural: 'Présents :', pluralF: 'Présentes :' },
    absent: { m: 'Absent :', f: 'Absente :', unknown: 'Absent(e) :', plural: 'Absents :', pluralF: 'Absentes :' },
    excused: { m: 'Excusé :', f: 'Excusée :', unknown: 'Excusé(e) :', plural: 'Excusés :', pluralF: 'Excusées :' },
    none: 'Néant.',
  },
  representedBy: (name, r, g) => `${name}, ${g === 'f' ? 'représentée' : g === 'm' ? 'représenté' : 'représenté(e)'} par ${r}`,
  quorum: (present, total) => `Quorum : ${present} ${present > 1 ? 'membres présents' : 'membre présent'} sur ${total}.`,
  chairRole: { m: 'Le président de séance', f: 'La présidente de séance', unknown: 'Le président de séance' },
  secretaryRole: { m: 'Le secrétaire de séance', f: 'La secrétaire de séance', unknown: 'Le secrétaire de séance' },
  stamp: 'Cachet',
  blankName: '……………………………',
  draftMark: 'Projet',
  pageLabel: 'Page {page} sur {pages}',
  status: { draft: 'Projet', review: 'En relecture', approved: 'Approuvé' },
  keywords: ['procès-verbal', 'réunion'],
  description: (p) =>
    `Procès-verbal : ${p.name}${p.date ? `, ${p.date}` : ''}${p.place ? `, ${p.place}` : ''} ; ${p.attendees} participants ; ${p.decisions} décisions et recommandations ; révision ${p.revision}.`,
  comma: ', ',
};

/** English words do not agree with the person. */
const same = (word: string): AgreeingForms => ({ m: word, f: word, unknown: word, plural: word, pluralF: word });

const en: MinutesLabels = {
  direction: 'ltr',
  languageTag: 'en-GB',
  documentTitle: () => 'Minutes',
  documentSubtitle: (name) => name,
  meetingType: {
    consultation: { definite: 'the consultation meeting', indefinite: 'a consultation meeting' },
    council: { definite: 'the council session', indefinite: 'a council session' },
    committee: { definite: 'the committee meeting', indefinite: 'a committee meeting' },
    other: { definite: 'the meeting', indefinite: 'a meeting' },
  },
  titleNamesMeeting: () => false,
  about: (type, topic) => `${type} “${topic}”`,
  untitled: 'the meeting',
  reference: (ref) => `Ref.: ${ref}`,
  date: (g, h) => (h ? `Date: ${g}\n(${h})` : `Date: ${g}`),
  opening: (p) => {
    const parts: string[] = [];
    if (p.gregorian) parts.push(`On ${p.weekday ? `${p.weekday}, ` : ''}${p.gregorian}${p.hijri ? ` (${p.hijri})` : ''}`);
    if (p.startTime) parts.push(`at ${p.startTime}`);
    let main = `${p.what} was held`;
    if (p.place) main += ` at ${p.place}`;
    parts.push(main);
    if (p.chair) parts.push(`chaired by ${p.chair}`);
    parts.push(
      p.attendees > 0
        ? `and attended by the persons named in the attendance sheet below (${p.attendees} participants)`
        : 'and attended by its members',
    );
    const text = parts.join(', ') + '.';
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  headings: {
    attendance: 'Attendance',
    agenda: 'Agenda',
    proceedings: 'Proceedings',
    decisions: 'Decisions and recommendations',
    signatures: 'Signatures',
    annex: 'Annex: full transcript of the meeting',
  },
  attendanceHeader: ['No.', 'Name', 'Title', 'Organisation', 'Signature'],
  decisionsHeader: ['No.', 'Type', 'Text', 'Responsible', 'Deadline'],
  transcriptHeader: ['Time', 'Speaker', 'Text'],
  decisionKinds: { decision: 'Decision', recommendation: 'Recommendation', agreement: 'Agreement', action: 'Action' },
  vote: (v) => (v.kind === 'unanimous' ? 'Unanimously' : `For: ${v.for}, against: ${v.against}, abstaining: ${v.abstain}`),
  voterNames: (side, names) => `${side === 'for' ? 'Voted for' : side === 'against' ? 'Voted against' : 'Abstained'}: ${names.join(', ')}`,
  signatories: (g) => (g.length === 1 ? 'Signatory:' : 'Signatories:'),
  annexes: (n) => (n === 1 ? 'Annex:' : 'Annexes:'),
  agendaPoint: (n, title) => `Item ${n}${title ? `: ${title}` : ''}`,
  otherBusiness: 'Other business',
  noInterventionsOnPoint: 'No intervention was recorded on this item.',
  honorific: { m: 'Mr', f: 'Ms', unknown: 'Mr/Ms' },
  person: (h, name, title) => `${h} ${name}${title ? `, ${title}` : ''}`,
  intervention: (person) => `Intervention by ${person}:`,
  unknownSpeakerIntervention: 'Intervention (speaker not identified):',
  unknownSpeaker: '—',
  noAttendees: 'No attendance was recorded.',
  noAgenda: 'No agenda was set.',
  noInterventions: 'No intervention was recorded.',
  noDecisions: 'No decision or recommendation was made.',
  noDecisionsYet: 'No decision or recommendation has been recorded yet.',
  noTranscript: 'There is no transcript for this meeting.',
  closing: (end) =>
    end ? `There being no further business, the meeting was closed at ${end}.` : 'There being no further business, the meeting was closed.',
  drawnUp: (place, date) => {
    if (!place && !date) return null;
    return `Done${place ? ` at ${place}` : ''}${date ? ` on ${date}` : ''}.`;
  },
  convocation: ({ reference, date, legalBasis }) => {
    const parts: string[] = [];
    if (reference || date) parts.push(`Convened by notice${reference ? ` No. ${reference}` : ''}${date ? ` of ${date}` : ''}`);
    if (legalBasis) parts.push(`${parts.length ? 'pursuant to' : 'Pursuant to'} ${legalBasis}`);
    return parts.length ? parts.join(', ') + '.' : null;
  },
  attendanceLists: {
    present: same('Present:'),
    absent: same('Absent:'),
    excused: same('Apologies:'),
    none: 'None.',
  },
  representedBy: (name, r) => `${name}, represented by ${r}`,
  quorum: (present, total) => `Quorum: ${present} of ${total} members present.`,
  chairRole: { m: 'Chair', f: 'Chair', unknown: 'Chair' },
  secretaryRole: { m: 'Secretary', f: 'Secretary', unknown: 'Secretary' },
  stamp: 'Stamp',
  blankName: '……………………………',
  draftMark: 'Draft',
  pageLabel: 'Page {page} of {pages}',
  status: { draft: 'Draft', review: 'Under review', approved: 'Approved' },
  keywords: ['minutes', 'meeting'],
  description: (p) =>
    `Minutes: ${p.name}${p.date ? `, ${p.date}` : ''}${p.place ? `, ${p.place}` : ''}; ${p.attendees} participants; ${p.decisions} decisions and recommendations; revision ${p.revision}.`,
  comma: ', ',
};

export const minutesLabels: Record<Language, MinutesLabels> = { ar, fr, en };
