// Approval names what the minutes would print blank or unverified in the details: a Hijri date
// neither announced by the Ministry of Habous nor confirmed, no secretary, no reference number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Language, type Meeting } from '../../shared/domain.ts';
import { approvalCheck } from '../../shared/minutes/approval.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { approvalItems } from '../../renderer/features/minutes/approvalItems.ts';
import { format, messages, type MessageKey } from '../../renderer/i18n/messages.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
// The sample's only open point is one passage without a speaker: tag it, so what remains is ours.
const tagged: Meeting = { ...sample, segments: sample.segments.map((s) => ({ ...s, speakerId: s.speakerId ?? 'p-alami' })) };
const items = (m: Meeting, lang: Language) => approvalItems(approvalCheck(m), (key, params) => format(messages[lang][key as MessageKey], params), lang);

describe('approval and the Hijri date', () => {
  it('asks nothing for a date the secretary confirmed, or one the Ministry announced', () => {
    expect(approvalCheck(tagged)).toMatchObject({ hijriUnconfirmed: null, clean: true });
    expect(approvalCheck({ ...tagged, date: '2022-10-17', hijriConfirmed: undefined })).toMatchObject({ hijriUnconfirmed: null, clean: true });
  });

  it('names the computed date once the meeting date moves past the confirmation', () => {
    const moved = { ...tagged, date: '2026-11-13' };
    expect(approvalCheck(moved)).toMatchObject({ hijriUnconfirmed: { year: 1448, month: 6, day: 3 }, clean: false });
    expect(items(moved, 'ar')).toEqual([expect.stringContaining('3 جمادى الآخرة 1448 هـ')]);
    expect(items(moved, 'fr')).toEqual([expect.stringContaining('3 joumada II 1448\u00A0H')]);
    // The date the warning names is the one the minutes print.
    expect(JSON.stringify(buildMinutes(moved, 'ar'))).toContain('3 جمادى الآخرة 1448 هـ');
  });

  it('names a day of the table moved by the adjustment', () => {
    const adjusted = { ...tagged, date: '2022-10-17', hijriAdjust: 1, hijriConfirmed: undefined };
    expect(approvalCheck(adjusted).hijriUnconfirmed).toEqual({ year: 1444, month: 3, day: 21 });
  });
});

describe('approval and the blank details', () => {
  it('warns when the secretary or the reference number is empty', () => {
    const blank = { ...tagged, secretary: ' ', reference: '' };
    expect(approvalCheck(blank)).toMatchObject({ secretaryMissing: true, referenceMissing: true, clean: false });
    expect(items(blank, 'ar')).toEqual([expect.stringContaining('كاتب الجلسة'), expect.stringContaining('المرجع')]);
    expect(items(blank, 'en')).toEqual([expect.stringContaining('secretary'), expect.stringContaining('reference')]);
  });
});
