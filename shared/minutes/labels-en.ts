// The minutes' wording in English.
import { byCount, closingTitle, convocationSentence, isolateRtl, listWith, openingSentence, personWith, unlessNeither, type AgreeingForms, type MinutesLabels } from './wording.ts';

const COMMA = ', ';

/** English words do not agree with the person. */
const same = (word: string): AgreeingForms => ({ m: word, f: word, unknown: word, plural: word, pluralF: word });

export const en: MinutesLabels = {
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
  opening: (p) =>
    openingSentence(
      p,
      {
        day: (weekday, gregorian, hijri) => `On ${weekday ? `${weekday}, ` : ''}${gregorian}${hijri ? ` (${hijri})` : ''}`,
        time: (t) => `at ${t}`,
        held: (what, place) => `${what} was held${place ? ` at ${place}` : ''}`,
        chairedBy: (chairs) =>
          `${chairs.length > 1 ? 'co-chaired' : 'chaired'} by ${listWith(' and ')(chairs.map((c, i) => (i === chairs.length - 2 ? closingTitle(c, ',') : c.text)))}`,
        attendedBy: (n) => `and attended by the persons named in the attendance sheet below (${n} participants)`,
        attendedByMembers: 'and attended by its members',
      },
      COMMA,
    ),
  headings: {
    attendance: 'Attendance',
    agenda: 'Agenda',
    proceedings: 'Proceedings',
    decisions: 'Decisions and recommendations',
    signatures: 'Signatures',
    annex: 'Annex: full transcript of the meeting',
    verbatimAnnex: 'Annex: verbatim transcript of the interventions',
  },
  annexTitles: { annex: 'Full transcript of the meeting', verbatimAnnex: 'Verbatim transcript of the interventions' },
  attendanceHeader: ['No.', 'Name', 'Title', 'Organisation', 'Signature'],
  decisionsHeader: ['No.', 'Type', 'Text', 'Responsible', 'Deadline'],
  transcriptHeader: ['Time', 'Speaker', 'Text'],
  decisionKinds: { decision: 'Decision', recommendation: 'Recommendation', agreement: 'Agreement', action: 'Action' },
  vote: (v) => (v.kind === 'unanimous' ? 'Unanimously' : `For: ${v.for}, against: ${v.against}, abstaining: ${v.abstain}`),
  voterNames: (side, names) => `${side === 'for' ? 'Voted for' : side === 'against' ? 'Voted against' : 'Abstained'}: ${names.join(', ')}`,
  signatories: (g) => byCount('Signatory:', 'Signatories:')(g.length),
  annexes: byCount('Annex:', 'Annexes:'),
  agendaPoint: (n, title) => `Item ${n}${title ? `: ${title}` : ''}`,
  otherBusiness: 'Other business',
  noInterventionsOnPoint: 'No intervention was recorded on this item.',
  honorific: { m: 'Mr', f: 'Ms', unknown: 'Mr/Ms' },
  isolate: isolateRtl,
  person: personWith(COMMA, isolateRtl),
  intervention: (person) => `Intervention by ${person}:`,
  unknownSpeakerIntervention: 'Intervention (speaker not identified):',
  summaryLead: (named, title) => `${named}${title ? `${COMMA}${isolateRtl(title)},` : ''} took the floor:`,
  pointSummary: 'Summary of the discussion:',
  summaryFlags: {
    missing: (time) => `[No summary for this intervention, ${time}]`,
    draft: '[Draft not reviewed by the secretary]',
    toCheck: '[Summary to check: the passages it summarises have changed]',
  },
  unknownSpeaker: '—',
  noAttendees: 'No attendance was recorded.',
  noAgenda: 'No agenda was set.',
  noInterventions: 'No intervention was recorded.',
  noDecisions: 'No decision or recommendation was made.',
  noDecisionsYet: 'No decision or recommendation has been recorded yet.',
  noTranscript: 'There is no transcript for this meeting.',
  closing: (end) =>
    end ? `There being no further business, the meeting was closed at ${end}.` : 'There being no further business, the meeting was closed.',
  drawnUp: unlessNeither((place, date) => `Done${place ? ` at ${place}` : ''}${date ? ` on ${date}` : ''}.`),
  convocation: (p) =>
    convocationSentence(p, {
      convened: (reference, date) => `Convened by notice${reference ? ` No. ${reference}` : ''}${date ? ` of ${date}` : ''}`,
      basedOn: (basis, first) => `${first ? 'Pursuant to' : 'pursuant to'} ${basis}`,
      separator: COMMA,
    }),
  attendanceLists: {
    present: same('Present:'),
    absent: same('Absent:'),
    excused: same('Apologies:'),
    none: 'None.',
  },
  representedBy: (name, r) => `${name}, represented by ${r}`,
  quorum: (present, total) => `Quorum: ${present} of ${total} members present.`,
  chairRole: { m: 'Chair', f: 'Chair', unknown: 'Chair' },
  coChairRole: { m: 'Co-chair', f: 'Co-chair', unknown: 'Co-chair' },
  secretaryRole: { m: 'Secretary', f: 'Secretary', unknown: 'Secretary' },
  stamp: 'Stamp',
  blankName: '……………………………',
  draftMark: 'Draft',
  pageLabel: 'Page {page} of {pages}',
  status: { draft: 'Draft', review: 'Under review', approved: 'Approved' },
  keywords: ['minutes', 'meeting'],
  description: (p) =>
    `Minutes: ${p.name}${p.date ? `, ${p.date}` : ''}${p.place ? `, ${p.place}` : ''}; ${p.attendees} participants; ${p.decisions} decisions and recommendations; version ${p.revision}.`,
  comma: COMMA,
};
