// The minutes of a meeting, as a model both the DOCX writer and the preview render. Pure: the
// same meeting and language always give the same model (no clock, no disk, no locale of the
// machine). All wording comes from labels.ts, all dates from dates.ts.
import type { Language, Meeting, Participant, Segment } from '../domain.ts';
import type { Gender } from './labels.ts';
import { minutesTemplates } from './template.ts';
import { formatDeadline, gregorianDate, meetingDay } from './dates.ts';
import { agree, minutesLabels, type MinutesLabels } from './labels.ts';
import { decisionDetails } from './decisions.ts';
import { HONORIFIC_PREFIX, personOf } from './people.ts';
import { formatClock } from '../text/time.ts';
import type { MinutesBlock, MinutesImage, MinutesModel, MinutesSection } from './model.ts';

export interface BuildOptions {
  /** The institution's logo, printed beside the letterhead lines. */
  logo?: MinutesImage | null;
}

/** "01:02:05" from seconds: the same clock as the TXT and SRT exports. */
export const clock = formatClock;

/** Collapses runs of spaces and trims; keeps line breaks the secretary typed. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The same name, ignoring case and spacing; toLowerCase (not toLocaleLowerCase) so every machine agrees. */
function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return n(a) !== '' && n(a) === n(b);
}

/**
 * A signer (the chair or the secretary) as the minutes name them: matched with a participant when
 * possible, for the honorific and title. The gender set on the meeting wins over the participant's.
 */
function signer(meeting: Meeting, name: string, gender: Gender | undefined, L: MinutesLabels): { person: string; title: string; gender: Gender } {
  const n = name.trim();
  const p = n ? meeting.participants.find((x) => sameName(x.name, n)) : undefined;
  const g: Gender = gender && gender !== 'unknown' ? gender : (p?.gender ?? 'unknown');
  if (!n) return { person: '', title: '', gender: g };
  const title = p?.title.trim() ?? '';
  if (HONORIFIC_PREFIX.test(n)) return { person: n, title, gender: g };
  return { person: L.person(L.honorific[g], n, '').trim(), title, gender: g };
}

/** The chair as written in the opening: "السيدة فاطمة الزهراء بناني، رئيسة المجلس". */
function chairOf(meeting: Meeting, L: MinutesLabels): string | null {
  const s = signer(meeting, meeting.chair, meeting.chairGender, L);
  if (!s.person) return null;
  return s.title ? `${s.person}${L.comma}${s.title}` : s.person;
}

const attendanceOf = (p: Participant) => p.attendance ?? 'present';

/** An empty table cell prints a dash, so a blank is seen as "none" and nothing can be written in later. */
const EMPTY_CELL = '—';
const orDash = (text: string) => text || EMPTY_CELL;

/** How the meeting is named in the title and the opening sentence. */
function meetingName(meeting: Meeting, L: MinutesLabels): { title: string; inSentence: string } {
  const title = meeting.title.trim();
  const type = L.meetingType[meeting.type];
  if (!title) return { title: type.definite, inSentence: type.indefinite };
  if (L.titleNamesMeeting(title)) return { title, inSentence: title };
  return { title: L.about(type.definite, title), inSentence: L.about(type.indefinite, title) };
}

/** Consecutive segments of the same speaker, in time order, empty ones left out. */
export function groupInterventions(segments: readonly Segment[]): Segment[][] {
  const ordered = segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.text.trim() !== '')
    .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
    .map(({ s }) => s);
  const groups: Segment[][] = [];
  for (const seg of ordered) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.speakerId === seg.speakerId) last.push(seg);
    else groups.push([seg]);
  }
  return groups;
}

export function buildMinutes(meeting: Meeting, language: Language = meeting.language, options: BuildOptions = {}): MinutesModel {
  const L = minutesLabels[language];
  const people = new Map(meeting.participants.map((p) => [p.id, p]));
  const name = meetingName(meeting, L);
  const day = meetingDay(meeting.date, language, meeting.hijriAdjust ?? 0);
  const template = minutesTemplates[meeting.type];
  const present = meeting.participants.filter((p) => attendanceOf(p) === 'present');
  const startTime = meeting.startTime.trim() || null;
  const endTime = meeting.endTime.trim() || null;

  const sections: MinutesSection[] = [];
  const section = (id: MinutesSection['id'], title: string | null, blocks: MinutesBlock[], pageBreakBefore = false) =>
    sections.push({ id, title, pageBreakBefore, blocks });

  // Letterhead, reference, date and title.
  section('header', null, [
    {
      kind: 'letterhead',
      lines: meeting.letterhead.map((l) => l.trim()).filter(Boolean),
      logo: options.logo ?? null,
      reference: meeting.reference.trim() ? L.reference(meeting.reference.trim()) : null,
      date: day ? L.date(day.gregorian, day.hijri) : null,
    },
    { kind: 'title', text: L.documentTitle(name.title), subtitle: L.documentSubtitle(meeting.title.trim() || name.title) },
  ]);

  // Opening: the convocation and legal basis when given, then the opening paragraph.
  const convocation = L.convocation({
    reference: meeting.convocationReference?.trim() || null,
    date: meeting.convocationDate ? gregorianDate(meeting.convocationDate, language) : null,
    legalBasis: clean(meeting.legalBasis ?? '') || null,
  });
  section('opening', null, [
    ...(convocation ? [{ kind: 'paragraph' as const, align: 'justify' as const, text: convocation }] : []),
    {
      kind: 'paragraph',
      align: 'justify',
      text: L.opening({
        weekday: day?.weekday ?? null,
        gregorian: day?.gregorian ?? null,
        hijri: day?.hijri ?? null,
        startTime,
        place: meeting.place.trim() || null,
        what: name.inSentence,
        chair: chairOf(meeting, L),
        attendees: present.length,
      }),
    },
  ]);

  // Attendance: those present sign the table; the absent and the excused are listed under it
  // (always for a council, whose minutes account for every member; otherwise when there are any).
  const nameOf = (p: Participant) => {
    const rep = p.representedBy?.trim();
    return rep ? L.representedBy(p.name.trim(), rep, p.gender) : p.name.trim();
  };
  // Each heading agrees with who is listed under it (Absente : for one woman).
  const heading = (status: 'present' | 'absent' | 'excused', listed: readonly Participant[]) =>
    agree(L.attendanceLists[status], listed.map((p) => p.gender));
  const attendance: MinutesBlock[] = [
    ...(template.attendanceStatuses
      ? [{ kind: 'paragraph' as const, align: 'start' as const, bold: true, text: heading('present', present), keepWithNext: true }]
      : []),
    present.length
      ? {
          kind: 'table',
          role: 'attendance',
          header: [...L.attendanceHeader],
          rows: present.map((p, i) => [String(i + 1), nameOf(p), orDash(p.title.trim()), orDash(p.organisation.trim()), '']),
          widths: [7, 29, 26, 24, 14],
          signatureColumn: 4,
          centered: [0],
        }
      : { kind: 'paragraph', align: 'start', text: L.noAttendees },
  ];
  for (const status of ['absent', 'excused'] as const) {
    const listed = meeting.participants.filter((p) => attendanceOf(p) === status);
    const list = listed.map((p) => personOf(p, L));
    if (!list.length && !template.attendanceStatuses) continue;
    attendance.push({ kind: 'paragraph', align: 'start', bold: true, text: heading(status, listed), keepWithNext: true });
    attendance.push(list.length ? { kind: 'list', ordered: false, items: list } : { kind: 'paragraph', align: 'start', text: L.attendanceLists.none });
  }
  if (template.quorum) {
    const total = meeting.membersTotal || meeting.participants.length;
    attendance.push({ kind: 'paragraph', align: 'start', bold: true, text: L.quorum(present.length, total) });
  }
  section('attendance', L.headings.attendance, attendance);

  // Agenda.
  const agenda = meeting.agenda.map((a) => clean(a.title)).filter(Boolean);
  section('agenda', L.headings.agenda, [
    agenda.length ? { kind: 'list', ordered: true, items: agenda } : { kind: 'paragraph', align: 'start', text: L.noAgenda },
  ]);

  // Proceedings, intervention by intervention; grouped by agenda point once passages carry one.
  const interventionBlock = (g: Segment[]): MinutesBlock => {
    const speakerId = g[0]!.speakerId;
    const found = speakerId ? people.get(speakerId) : undefined;
    // A participant without a name is printed as an unidentified speaker, not "تدخل السيد :".
    const p = found?.name.trim() ? found : undefined;
    const text = clean(g.map((s) => s.text).join('\n').replace(/\n(?!\n)/g, ' '));
    return {
      kind: 'intervention',
      heading: p ? L.intervention(personOf(p, L)) : L.unknownSpeakerIntervention,
      paragraphs: text ? [text] : [],
      speakerId: p ? p.id : null,
      segmentIds: g.map((s) => s.id),
      start: g[0]!.start,
      end: g[g.length - 1]!.end,
    };
  };
  const spoken = meeting.segments.filter((s) => s.text.trim() !== '');
  // The points as the agenda section lists and numbers them (items with a title).
  const points = meeting.agenda.filter((a) => clean(a.title) !== '');
  const pointIds = new Set(points.map((a) => a.id));
  const pointOf = (s: Segment) => (s.agendaItemId && pointIds.has(s.agendaItemId) ? s.agendaItemId : null);
  let proceedings: MinutesBlock[];
  if (!spoken.length) {
    proceedings = [{ kind: 'paragraph', align: 'start', text: L.noInterventions }];
  } else if (!spoken.some((s) => pointOf(s) !== null)) {
    proceedings = groupInterventions(spoken).map(interventionBlock);
  } else {
    // Every point of the agenda, in its order, even one nobody spoke on: the signing official
    // sees that it was on the agenda and that nothing was recorded under it.
    proceedings = [];
    points.forEach((a, i) => {
      proceedings.push({ kind: 'agendaPoint', heading: L.agendaPoint(i + 1, clean(a.title)), agendaItemId: a.id });
      const groups = groupInterventions(spoken.filter((s) => pointOf(s) === a.id));
      if (groups.length) proceedings.push(...groups.map(interventionBlock));
      else proceedings.push({ kind: 'paragraph', align: 'start', text: L.noInterventionsOnPoint });
    });
    const rest = groupInterventions(spoken.filter((s) => pointOf(s) === null));
    if (rest.length) proceedings.push({ kind: 'agendaPoint', heading: L.otherBusiness, agendaItemId: null }, ...rest.map(interventionBlock));
  }
  section('proceedings', L.headings.proceedings, proceedings);

  // Decisions and recommendations.
  // A decision's vote (and its voters' names, its signatories) are lines of their own under its
  // text, in the same cell: a sixth column would leave the text column too narrow on an A4 page.
  const decisionCell = (d: Meeting['decisions'][number]) => {
    const { vote, signing } = decisionDetails(d, meeting.participants, L, template);
    return [clean(d.text), ...vote, ...signing].filter(Boolean).join('\n');
  };
  section('decisions', L.headings.decisions, [
    meeting.decisions.length
      ? {
          kind: 'table',
          role: 'decisions',
          header: [...L.decisionsHeader],
          rows: meeting.decisions.map((d, i) => [
            String(i + 1),
            L.decisionKinds[d.kind],
            decisionCell(d),
            orDash(d.owner.trim()),
            orDash(formatDeadline(d.deadline, language)),
          ]),
          // The kind is one word: a small share, the decision text takes the room (it wraps most).
          widths: [7, 12, 49, 16, 16],
          signatureColumn: null,
          centered: [0],
        }
      : // "No decision" is a statement the signers make: printed only when the secretary confirmed it.
        { kind: 'paragraph', align: 'start', text: meeting.noDecisionConfirmed ? L.noDecisions : L.noDecisionsYet },
  ]);

  // Closing, the annexes the secretary listed (nothing when none), the place and date it was
  // drawn up, and the signatures.
  const drawnUp = L.drawnUp(meeting.place.trim() || null, day?.gregorian ?? null);
  const annexes = (meeting.annexes ?? []).map((a) => clean(a.title)).filter(Boolean);
  section('closing', null, [
    { kind: 'paragraph', align: 'justify', text: L.closing(endTime), keepWithNext: true },
    ...(annexes.length
      ? [
          { kind: 'paragraph' as const, align: 'start' as const, bold: true, text: L.annexes(annexes.length), keepWithNext: true },
          { kind: 'list' as const, ordered: true, items: annexes },
        ]
      : []),
    ...(drawnUp ? [{ kind: 'paragraph' as const, align: 'end' as const, text: drawnUp, keepWithNext: true }] : []),
  ]);
  const chair = signer(meeting, meeting.chair, meeting.chairGender, L);
  const secretary = signer(meeting, meeting.secretary, undefined, L);
  // Under a signature an unknown gender gives the bare name, not "السيد(ة)".
  const signed = (x: typeof chair, typed: string) => (x.gender === 'unknown' && x.person ? typed.trim() : x.person) || L.blankName;
  section('signatures', L.headings.signatures, [
    {
      kind: 'signatures',
      blocks: [
        { role: L.chairRole[chair.gender], name: signed(chair, meeting.chair), title: chair.title, stamp: L.stamp },
        { role: L.secretaryRole[secretary.gender], name: signed(secretary, meeting.secretary), title: secretary.title, stamp: null },
      ],
    },
  ]);

  // Annex: the verbatim transcript with times and speakers.
  const transcriptRows = [...meeting.segments]
    .filter((s) => s.text.trim() !== '')
    .sort((a, b) => a.start - b.start)
    .map((s) => [clock(s.start), (s.speakerId && people.get(s.speakerId)?.name.trim()) || L.unknownSpeaker, clean(s.text)]);
  section(
    'annex',
    L.headings.annex,
    [
      transcriptRows.length
        ? {
            kind: 'table',
            role: 'transcript',
            header: [...L.transcriptHeader],
            rows: transcriptRows,
            widths: [12, 22, 66],
            signatureColumn: null,
            centered: [0],
          }
        : { kind: 'paragraph', align: 'start', text: L.noTranscript },
    ],
    true,
  );

  const dateText = meeting.date ? gregorianDate(meeting.date, language) : '';
  const subtitle = L.documentSubtitle(meeting.title.trim() || name.title);
  const titleText = L.documentTitle(name.title) + (subtitle ? ` — ${subtitle}` : '');
  const keywords = [...L.keywords, L.meetingType[meeting.type].definite, meeting.place.trim(), dateText, meeting.reference.trim()]
    .map((k) => k.trim())
    .filter((k, i, all) => k !== '' && all.indexOf(k) === i);

  return {
    language,
    direction: L.direction,
    pageLabel: L.pageLabel,
    draftMark: meeting.status === 'approved' ? null : L.draftMark,
    properties: {
      title: titleText,
      subject: meeting.title.trim() || name.title,
      author: meeting.secretary.trim(),
      keywords,
      description: L.description({
        name: name.title,
        date: dateText,
        place: meeting.place.trim(),
        attendees: present.length,
        decisions: meeting.decisions.length,
        revision: meeting.revision,
      }),
      status: meeting.status,
      statusLabel: L.status[meeting.status],
      meetingId: meeting.id,
      revision: meeting.revision,
      created: meeting.createdAt,
      modified: meeting.updatedAt,
      languageTag: L.languageTag,
    },
    sections,
  };
}
