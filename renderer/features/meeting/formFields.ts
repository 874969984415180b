// The meeting's fields the details form edits (the rest is the transcript's and the editor's).
import type { MeetingFields } from '../../../shared/domain.ts';

export const formFieldNames = [
  'title', 'type', 'date', 'startTime', 'endTime', 'place', 'chair', 'secretary', 'reference', 'letterhead', 'language', 'participants', 'agenda',
  'chairGender', 'noDecisionConfirmed', 'convocationReference', 'convocationDate', 'legalBasis', 'hijriAdjust', 'membersTotal', 'annexes',
  'minutesStyle', 'secretaryGender', 'city', 'chairs',
] as const;
export type FormFields = Pick<MeetingFields, (typeof formFieldNames)[number]>;
