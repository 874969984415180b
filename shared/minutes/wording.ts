// The shape of the minutes' wording (MinutesLabels), and the sentence patterns the languages
// share: each language supplies its words (labels-ar.ts, labels-fr.ts, labels-en.ts), the
// patterns put them together the same way.
import type { Decision, Meeting, MeetingStatus, Participant, Vote, VoteSide } from '../domain.ts';

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
  /** Each chair in order: "السيد محمد العلمي، والي الجهة"; empty when none. */
  chairs: ChairNamed[];
  attendees: number;
}

/** A chair as the opening names them; `titled` when a title follows the name. */
export interface ChairNamed {
  text: string;
  titled: boolean;
}

/**
 * The chair followed by `comma` when a title follows the name: the title is set off by commas, so
 * one closes it before «و», «et» or «and» joins the next chair («…، والي الجهة، والسيد …»).
 */
export const closingTitle = (c: ChairNamed, comma: string): string => (c.titled ? `${c.text}${comma}` : c.text);

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
    /** The annex of summary minutes: the interventions word for word. */
    verbatimAnnex: string;
  };
  /** The same annexes as the closing lists them, among the annexes the secretary listed. */
  annexTitles: { annex: string; verbatimAnnex: string };
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
  /**
   * A name or a title as a sentence of the language holds it: in French and English, Arabic script
   * between left-to-right marks (isolateRtl); in Arabic, as it is.
   */
  isolate: (text: string) => string;
  /** "السيد محمد العلمي، والي الجهة" */
  person: (honorific: string, name: string, title: string) => string;
  /** "تدخل السيد محمد العلمي، والي الجهة:", "تدخلت السيدة …:": the verb agrees with the speaker. */
  intervention: (person: string, gender: Gender) => string;
  unknownSpeakerIntervention: string;
  /**
   * Leads an intervention's summary in summary minutes, agreeing with the speaker:
   * "تدخلت السيدة …، …:", "Mme X, titre, est intervenue :".
   */
  summaryLead: (named: string, title: string, gender: Gender) => string;
  /** Leads a point's discussion summary: "ملخص المناقشة:". */
  pointSummary: string;
  /**
   * Printed, highlighted, with a summary the secretary has not checked, or in place of a missing
   * one (with the intervention's time), so no intervention is silently blank or unreviewed.
   */
  summaryFlags: { missing: (time: string) => string; draft: string; toCheck: string };
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
  convocation: (p: ConvocationParts) => string | null;
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
  /** Under each signature when several chair: "La coprésidente de séance". */
  coChairRole: Record<Gender, string>;
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

/** A clause of a sentence; a null one is left out. */
type Clause = string | null;

/** Clauses joined by the language's separator into one sentence with its full stop, capitalised (no-op in Arabic). */
export function sentence(clauses: readonly Clause[], separator: string): string {
  const text = clauses.filter((c): c is string => c !== null).join(separator) + '.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a language words each clause of the opening sentence. */
export interface OpeningWords {
  /** The day, with its weekday and the Hijri date when known. */
  day: (weekday: string | null, gregorian: string, hijri: string | null) => string;
  time: (startTime: string) => string;
  /** "انعقد … بالرباط", "s’est tenue …, à Rabat". */
  held: (what: string, place: string | null) => string;
  /** "برئاسة …", and for several "… رفقة …", "sous la coprésidence de … et de …". */
  chairedBy: (chairs: readonly ChairNamed[]) => string;
  attendedBy: (attendees: number) => string;
  /** When no attendee was recorded. */
  attendedByMembers: string;
}

/** The opening sentence: date, time, what met and where, chair, attendance, in this order. */
export function openingSentence(p: OpeningParts, words: OpeningWords, comma: string): string {
  return sentence(
    [
      p.gregorian ? words.day(p.weekday, p.gregorian, p.hijri) : null,
      p.startTime ? words.time(p.startTime) : null,
      words.held(p.what, p.place),
      p.chairs.length ? words.chairedBy(p.chairs) : null,
      p.attendees > 0 ? words.attendedBy(p.attendees) : words.attendedByMembers,
    ],
    comma,
  );
}

export interface ConvocationParts {
  reference: string | null;
  date: string | null;
  legalBasis: string | null;
}

/** How a language words the convocation and the legal basis; `first` when nothing precedes the basis. */
export interface ConvocationWords {
  convened: (reference: string | null, date: string | null) => string;
  basedOn: (legalBasis: string, first: boolean) => string;
  separator: string;
}

/** "Vu la convocation n° … du … ; vu …."; null when none of the three is given. */
export function convocationSentence({ reference, date, legalBasis }: ConvocationParts, words: ConvocationWords): string | null {
  const convened = reference || date ? words.convened(reference, date) : null;
  if (!convened && !legalBasis) return null;
  return sentence([convened, legalBasis ? words.basedOn(legalBasis, !convened) : null], words.separator);
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Arabic text in a left-to-right sentence, set apart by a left-to-right mark (U+200E) on each side
 * when it holds a right-to-left letter. Without them, an Arabic name, the Latin comma and an Arabic
 * title form one right-to-left stretch: the title lands beside «M.» and the name at the far end of
 * the line. With them, the comma between sits between left-to-right marks and so runs left to
 * right: «M.», the name, the comma, the title, in this order. Marks rather than isolates (FSI …
 * PDI): every reader knows them, as the RLM the DOCX writer puts after an Arabic full stop; the
 * writer also gives each Arabic stretch a run of its own, which Word reads.
 */
export const isolateRtl = (text: string): string => (RTL_LETTER.test(text) ? `\u200E${text}\u200E` : text);

/** "<honorific> <name>, <title>" with the language's comma, name and title each isolated as the language needs. */
export const personWith =
  (comma: string, isolate: (text: string) => string = (t) => t) =>
  (honorific: string, name: string, title: string): string =>
    `${honorific} ${isolate(name)}${title ? `${comma}${isolate(title)}` : ''}`;

/** "Drawn up at … on …": null when neither the place nor the date is known. */
export const unlessNeither =
  (words: (place: string | null, date: string | null) => string) =>
  (place: string | null, date: string | null): string | null =>
    !place && !date ? null : words(place, date);

/** "A, B and C" with the language's last link (" et ", " and "). */
export const listWith =
  (last: string) =>
  (items: readonly string[]): string =>
    items.length > 1 ? `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}` : (items[0] ?? '');

/** One form for a single item, another for several. */
export const byCount =
  (one: string, several: string) =>
  (n: number): string =>
    n === 1 ? one : several;
