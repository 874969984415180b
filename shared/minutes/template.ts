// What each kind of meeting puts in its minutes. A council session (دورة المجلس) is a deliberative
// body: its minutes account for every member (present, absent, excused), state the quorum, and
// each decision records how it was voted, and by whom (a nominal vote: the names of those for,
// against and abstaining). A consultation has no members to count and votes nothing: a quorum
// or a list of voters would be meaningless there.
import type { Meeting } from '../domain.ts';

export interface MinutesTemplate {
  /** The absent and excused lists are printed even when empty ("none"). */
  attendanceStatuses: boolean;
  /** The quorum line (present members / total members). */
  quorum: boolean;
  /** Approval lists the decisions without a recorded vote. */
  votesRequired: boolean;
  /**
   * The voters are named: the decisions panel offers to pick them from the participants, the
   * minutes print the names under the counts, and approval lists counted votes without names.
   */
  nominalVotes: boolean;
}

export const minutesTemplates: Record<Meeting['type'], MinutesTemplate> = {
  council: { attendanceStatuses: true, quorum: true, votesRequired: true, nominalVotes: true },
  committee: { attendanceStatuses: true, quorum: false, votesRequired: false, nominalVotes: false },
  consultation: { attendanceStatuses: false, quorum: false, votesRequired: false, nominalVotes: false },
  other: { attendanceStatuses: false, quorum: false, votesRequired: false, nominalVotes: false },
};
