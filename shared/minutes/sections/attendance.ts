// Attendance: those present sign the table; the absent and the excused are listed under it
// (always for a council, whose minutes account for every member; otherwise when there are any),
// then the quorum where the meeting type states one.
import type { Participant } from '../../domain.ts';
import { agree } from '../labels.ts';
import { attendanceOf, note, orDash, section, type MinutesContext } from '../context.ts';
import type { MinutesBlock, MinutesSection } from '../model.ts';
import { personOf } from '../people.ts';

export function attendanceSection({ meeting, L, template, present }: MinutesContext): MinutesSection {
  const nameOf = (p: Participant) => {
    const rep = p.representedBy?.trim();
    return rep ? L.representedBy(p.name.trim(), rep, p.gender) : p.name.trim();
  };
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
      : note(L.noAttendees),
  ];
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
