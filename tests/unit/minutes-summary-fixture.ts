// The sample consultation with summaries, for the tests of summary minutes (minutes-summary.test.ts,
// docx-summary-render.test.ts): checked ones for the wali and the director, a model's draft for
// Mr Tazi, the other interventions without one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { applyEdit, editSchema, journalEditSchema, type EditInput } from '../../shared/edits.ts';

const root = join(import.meta.dirname, '../..');
const fixture: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
// The fixture is set to verbatim minutes; a consultation left to its default prints summaries.
const { minutesStyle: _verbatim, ...consultation } = fixture;
export const sample: Meeting = consultation;

export const edit = (m: Meeting, input: EditInput): Meeting => applyEdit(m, editSchema.parse(input)).meeting;
export const write = (m: Meeting, segmentIds: string[], text: string): Meeting => edit(m, { type: 'writeSummary', kind: 'intervention', segmentIds, text });
const draft = (m: Meeting, segmentIds: string[], text: string): Meeting =>
  applyEdit(m, journalEditSchema.parse({ type: 'draftSummary', kind: 'intervention', segmentIds, text, model: 'tiny.gguf' })).meeting;

export function summarised(): Meeting {
  let m = write(sample, ['s-0001', 's-0002', 's-0003'], 'رحب بالحاضرين وذكر بإطار اللقاء.');
  m = write(m, ['s-0004', 's-0005', 's-0006'], 'قدمت حصيلة رقمنة الخدمات ونبهت إلى ضعف التغطية في الجماعات القروية.');
  m = draft(m, ['s-0007', 's-0008'], 'اقترح إحداث شباك رقمي موحد وتكوين الموظفين.');
  return m;
}
