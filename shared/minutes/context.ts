// What every section of the minutes reads: the meeting, the wording and template of its language
// and type, and the facts several sections share (who is present, how the meeting is named, its
// day). Built once per buildMinutes call; pure like the rest of the model.
import { chairParticipantIds, type Language, type Meeting, type Participant } from '../domain.ts';
import { meetingDay, type MeetingDay } from './dates.ts';
import { minutesLabels, type MinutesLabels } from './labels.ts';
import type { MinutesBlock, MinutesSection } from './model.ts';
import { chairSigners, type Signer } from './signer.ts';
import { minutesTemplates, type MinutesTemplate } from './template.ts';

export interface MinutesContext {
  meeting: Meeting;
  language: Language;
  L: MinutesLabels;
  template: MinutesTemplate;
  /** Participants by id (speakers of the segments). */
  people: Map<string, Participant>;
  /** Those present, with the participants who chair (domain/chairs.ts, chairParticipantIds). */
  present: Participant[];
  /** The chairs with a name, in order: the opening, the attendance sheet and the signatures name them. */
  chairs: Signer[];
  name: MeetingName;
  day: MeetingDay | null;
}

export interface MeetingName {
  /** In the title: "اللقاء التشاوري حول …". */
  title: string;
  /** Inside the opening sentence (indefinite where the language needs it). */
  inSentence: string;
}

const attendanceOf = (p: Participant) => p.attendance ?? 'present';

/** Who the minutes list as present, absent or excused: a participant who chairs is present. */
export function attendanceInMinutes(meeting: Meeting): (p: Participant) => NonNullable<Participant['attendance']> {
  const chairing = chairParticipantIds(meeting);
  return (p) => (chairing.has(p.id) ? 'present' : attendanceOf(p));
}

/** How the meeting is named in the title and the opening sentence. */
function meetingName(meeting: Meeting, L: MinutesLabels): MeetingName {
  const title = meeting.title.trim();
  const type = L.meetingType[meeting.type];
  if (!title) return { title: type.definite, inSentence: type.indefinite };
  if (L.titleNamesMeeting(title)) return { title, inSentence: title };
  // A title that names the meeting in another language ("اللقاء التشاوري حول …" in French minutes)
  // is quoted after the plain noun, so that the type is not said twice.
  const noun = Object.values(minutesLabels).some((other) => other.titleNamesMeeting(title)) ? L.meetingType.other : type;
  return { title: L.about(noun.definite, title), inSentence: L.about(noun.indefinite, title) };
}

export function minutesContext(meeting: Meeting, language: Language): MinutesContext {
  const L = minutesLabels[language];
  const attendance = attendanceInMinutes(meeting);
  return {
    meeting,
    language,
    L,
    template: minutesTemplates[meeting.type],
    people: new Map(meeting.participants.map((p) => [p.id, p])),
    present: meeting.participants.filter((p) => attendance(p) === 'present'),
    chairs: chairSigners(meeting, L),
    name: meetingName(meeting, L),
    day: meetingDay(meeting.date, language, meeting.hijriAdjust ?? 0),
  };
}

export const section = (id: MinutesSection['id'], title: string | null, blocks: MinutesBlock[], pageBreakBefore = false): MinutesSection => ({
  id,
  title,
  pageBreakBefore,
  blocks,
});

/** Collapses runs of spaces and trims; keeps line breaks the secretary typed. */
export function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** An empty table cell prints a dash, so a blank is seen as "none" and nothing can be written in later. */
const EMPTY_CELL = '—';
export const orDash = (text: string) => text || EMPTY_CELL;

/** A plain paragraph at the start side ("no agenda was set", "none"). */
export const note = (text: string): MinutesBlock => ({ kind: 'paragraph', align: 'start', text });
