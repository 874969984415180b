// Attendance: those present sign the table, the chairs first in their order (a chair who is not
// among the participants too; one marked absent is present, as a chair chairs); the absent and the
// excused are listed under it (always for a council, whose minutes account for every member;
// otherwise when there are any), then the quorum where the meeting type states one.
import type { Participant } from '../../domain.ts';
import { agree } from '../labels.ts';
import { attendanceInMinutes, note, orDash, section, type MinutesContext } from '../context.ts';
import type { MinutesBlock, MinutesSection } from '../model.ts';
import { personOf } from '../people.ts';

/** Who signs the sheet, in its order: each chair (the participant when it is one), then the others present. */
function sheetRows({ L, present, chairs }: MinutesContext): string[][] {
  const nameOf = (p: Participant) => {
    const rep = p.representedBy?.trim();
    return rep ? L.representedBy(p.name.trim(), rep, p.gender) : p.name.trim();
  };
  const byId = new Map(present.map((p) => [p.id, p]));
  const chairRows = chairs.map((c) => {
    const p = c.participantId ? byId.get(c.participantId) : undefined;
    return p ? [nameOf(p), orDash(p.title.trim()), orDash(p.organisation.trim())] : [c.name, orDash(c.title), orDash('')];
  });
  const chairIds = new Set(chairs.map((c) => c.participantId));
  const others = present.filter((p) => !chairIds.has(p.id)).map((p) => [nameOf(p), orDash(p.title.trim()), orDash(p.organisation.trim())]);
  return [...chairRows, ...others].map((cells, i) => [String(i + 1), ...cells, '']);
}

/** How many the sheet lists: the opening sentence gives the number. */
export const sheetCount = (c: MinutesContext): number => sheetRows(c).length;

export function attendanceSection(c: MinutesContext): MinutesSection {
  const { meeting, L, template, present } = c;
  const rows = sheetRows(c);
  // Each heading agrees with who is listed under it (Absente : for one woman).
  const heading = (status: 'present' | 'absent' | 'excused', listed: readonly Participant[]): MinutesBlock => ({
    kind: 'paragraph',
    align: 'start',
    bold: true,
    text: agree(L.attendanceLists[status], listed.map((p) => p.gender)),
    keepWithNext: true,
  });
  const attendance: MinutesBlock[] = [
    ...(template.attendanceStatuses ? [heading('present', present)] : []),
    rows.length
      ? {
          kind: 'table',
          role: 'attendance',
          header: [...L.attendanceHeader],
          rows,
          widths: [7, 29, 26, 24, 14],
          signatureColumn: 4,
          centered: [0],
        }
      : note(L.noAttendees),
  ];
  const attendanceOf = attendanceInMinutes(meeting);
  for (const status of ['absent', 'excused'] as const) {
    const listed = meeting.participants.filter((p) => attendanceOf(p) === status);
    const list = listed.map((p) => personOf(p, L));
    if (!list.length && !template.attendanceStatuses) continue;
    attendance.push(heading(status, listed));
    attendance.push(list.length ? { kind: 'list', ordered: false, items: list } : note(L.attendanceLists.none));
  }
  if (template.quorum) {
    const total = meeting.membersTotal || meeting.participants.length;
    attendance.push({ kind: 'paragraph', align: 'start', bold: true, text: L.quorum(present.length, total) });
  }
  return section('attendance', L.headings.attendance, attendance);
}
