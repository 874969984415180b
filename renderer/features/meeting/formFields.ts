// The meeting's fields the details form edits (the rest is the transcript's and the editor's).
import type { MeetingFields } from '../../../shared/domain.ts';

export const formFieldNames = [
  'title', 'type', 'date', 'startTime', 'endTime', 'place', 'chair', 'secretary', 'reference', 'letterhead', 'language', 'participants', 'agenda',
  'chairGender', 'noDecisionConfirmed', 'convocationReference', 'convocationDate', 'legalBasis', 'hijriAdjust', 'membersTotal', 'annexes',
  'minutesStyle', 'secretaryGender', 'city', 'hijriConfirmed', 'chairs',
] as const;
export type FormFields = Pick<MeetingFields, (typeof formFieldNames)[number]>;

/** What each group of the details form gets: the fields, a change to save, and whether it is read-only. */
export interface FieldsProps {
  value: FormFields;
  onChange(patch: Partial<FormFields>): void;
  readOnly: boolean;
}
