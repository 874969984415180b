// What a Moroccan administration checks before signing minutes: nothing stated that nobody
// established, the signers named as they are (رئيسة الجلسة for a woman), the closing formula with
// place and date, attendance by status with the quorum of a council, the convocation, the Hijri
// date of the official calendar, and approval that lists what is still untagged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MinutesPreview } from '../../renderer/features/minutes/MinutesPreview.tsx';
import { meetingSchema, type Meeting, type MeetingFields } from '../../shared/domain.ts';
import { approvalCheck } from '../../shared/minutes/approval.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { meetingDay } from '../../shared/minutes/dates.ts';
import type { MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { readSettings } from '../../main/context/settings.ts';
import { TranscriptionJobs } from '../../main/asr/job.ts';
import { meetingCommands } from '../../main/service/meetings.ts';
import { minutesCommands } from '../../main/service/minutes.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const blocksOf = (m: MinutesModel, id: string) => m.sections.find((s) => s.id === id)!.blocks;
const textOf = (m: MinutesModel, id: string) =>
  blocksOf(m, id)
    .map((b: MinutesBlock) => (b.kind === 'paragraph' ? b.text : b.kind === 'list' ? b.items.join('\n') : b.kind === 'table' ? b.rows.flat().join(' ') : ''))
    .join('\n');
const signatures = (m: MinutesModel) => blocksOf(m, 'signatures').find((b) => b.kind === 'signatures')!.blocks;

/** A freshly transcribed meeting: nobody tagged, no decision, one decision mark tapped. */
const untagged: Meeting = {
  ...sample,
  segments: sample.segments.map((s) => ({ ...s, speakerId: null })),
  decisions: [],
  marks: [{ id: 'mk-decision-1', kind: 'decision', at: 120 }],
};

describe('nothing is stated that nobody established', () => {
  it('an untagged meeting does not say that no decision was taken', () => {
    for (const [lang, claim, yet] of [
      ['ar', 'لم يتخذ أي قرار', 'لم يسجل بعد أي قرار أو توصية.'],
      ['fr', 'Aucune décision ni recommandation n’a été prise', 'n’a encore été enregistrée'],
    ] as const) {
      const t = textOf(buildMinutes(untagged, lang), 'decisions');
      expect(t).not.toContain(claim);
      expect(t).toContain(yet);
    }
  });

  it('says "no decision" once the secretary confirmed it', () => {
    const t = textOf(buildMinutes({ ...untagged, noDecisionConfirmed: true }, 'ar'), 'decisions');
    expect(t).toBe('لم يتخذ أي قرار ولم تصدر أي توصية.');
  });

  it('approval lists untagged passages, decision marks without a decision, and the unconfirmed decisions', () => {
    const c = approvalCheck(untagged);
    expect(c.untaggedSegments).toHaveLength(untagged.segments.filter((s) => s.text.trim()).length);
    expect(c.untaggedSegments[0]!.start).toBeLessThanOrEqual(c.untaggedSegments[1]!.start);
    expect(c.decisionMarksWithoutDecision).toEqual([{ id: 'mk-decision-1', at: 120 }]);
    expect(c.decisionsUnconfirmed).toBe(true);
    expect(c.clean).toBe(false);
    // The sample has one passage without a speaker; its decisions are recorded.
    const s = approvalCheck(sample);
    expect(s.untaggedSegments.map((x) => x.id)).toEqual(sample.segments.filter((x) => x.speakerId === null).map((x) => x.id));
    expect(s.decisionsUnconfirmed).toBe(false);
    // A fully tagged meeting asks nothing.
    const tagged = { ...sample, segments: sample.segments.map((x) => ({ ...x, speakerId: x.speakerId ?? 'p-alami' })) };
    expect(approvalCheck(tagged).clean).toBe(true);
  });

  it('a council session needs a vote on each decision', () => {
    const council = { ...sample, type: 'council' as const, segments: sample.segments.map((x) => ({ ...x, speakerId: x.speakerId ?? 'p-alami' })) };
    const unvoted = council.decisions.filter((d) => !d.vote && (d.kind === 'decision' || d.kind === 'recommendation'));
    expect(approvalCheck(council).decisionsWithoutVote.map((d) => d.id)).toEqual(unvoted.map((d) => d.id));
    expect(approvalCheck({ ...council, decisions: council.decisions.map((d) => ({ ...d, vote: { kind: 'unanimous' as const } })) }).clean).toBe(true);
  });
});

describe('the draft mark', () => {
  it('is set until approval', () => {
    expect(buildMinutes(sample, 'ar').draftMark).toBe('مسودة');
    expect(buildMinutes({ ...sample, status: 'review' }, 'fr').draftMark).toBe('Projet');
    expect(buildMinutes(sample, 'en').draftMark).toBe('Draft');
    expect(buildMinutes({ ...sample, status: 'approved' }, 'ar').draftMark).toBeNull();
  });
  it('shows in the preview as in the DOCX, with the stamp under the chair', () => {
    const html = (m: Meeting) => renderToStaticMarkup(createElement(MinutesPreview, { model: buildMinutes(m, 'ar') }));
    expect(html(sample)).toContain('<div class="minutes-draft-mark">مسودة</div>');
    expect(html(sample)).toContain('الخاتم');
    expect(html({ ...sample, status: 'approved' })).not.toContain('minutes-draft-mark');
  });
});

describe('signatures agree with the signer', () => {
  const womanChair: Meeting = { ...sample, chair: 'فاطمة الزهراء بناني' };
  it('a woman chair signs as رئيسة الجلسة / La présidente de séance, with honorific, title and the stamp', () => {
    const [chair] = signatures(buildMinutes(womanChair, 'ar'));
    expect(chair!.role).toBe('رئيسة الجلسة');
    expect(chair!.name).toBe('السيدة فاطمة الزهراء بناني');
    expect(chair!.title).toBe(sample.participants.find((p) => p.id === 'p-bennani')!.title);
    expect(chair!.stamp).toBe('الخاتم');
    const [fr] = signatures(buildMinutes(womanChair, 'fr'));
    expect(fr!.role).toBe('La présidente de séance');
    expect(fr!.name).toBe('Mme \u200Eفاطمة الزهراء بناني\u200E');
    expect(fr!.stamp).toBe('Cachet');
    expect(textOf(buildMinutes(womanChair, 'ar'), 'opening')).toContain('برئاسة السيدة فاطمة الزهراء بناني');
  });

  it('takes the chair gender set on the meeting for a chair who is not a participant', () => {
    const m: Meeting = { ...sample, chair: 'نادية المنصوري', chairGender: 'f' };
    const [chair] = signatures(buildMinutes(m, 'ar'));
    expect(chair).toMatchObject({ role: 'رئيسة الجلسة', name: 'السيدة نادية المنصوري' });
    expect(signatures(buildMinutes(m, 'fr'))[0]!.role).toBe('La présidente de séance');
  });

  it('calls a woman secretary كاتبة الجلسة when her gender is set on the meeting', () => {
    const m: Meeting = { ...sample, secretary: 'سناء العلوي', secretaryGender: 'f' };
    const [, secretary] = signatures(buildMinutes(m, 'ar'));
    expect(secretary).toMatchObject({ role: 'كاتبة الجلسة', name: 'السيدة سناء العلوي' });
    expect(signatures(buildMinutes(m, 'fr'))[1]!.role).toBe('La secrétaire de séance');
    expect(signatures(buildMinutes({ ...m, secretaryGender: 'unknown' }, 'ar'))[1]!.role).toBe('كاتب الجلسة');
  });

  it('leaves a line to sign for a secretary with no name set', () => {
    const [, secretary] = signatures(buildMinutes({ ...sample, secretary: '' }, 'ar'));
    expect(secretary!.role).toBe('كاتب الجلسة');
    expect(secretary!.name).toMatch(/^…+$/);
  });
});

describe('the version of the minutes', () => {
  it('is called النسخة, not المراجعة (the name of the review tab), in the document properties', () => {
    const m: Meeting = { ...sample, revision: 2 };
    expect(buildMinutes(m, 'ar').properties.description).toMatch(/؛ النسخة 2\.$/);
    expect(buildMinutes(m, 'ar').properties.description).not.toContain('المراجعة');
    expect(buildMinutes(m, 'fr').properties.description).toMatch(/\u202F; version 2\.$/);
    expect(buildMinutes(m, 'en').properties.description).toMatch(/; version 2\.$/);
  });
});

describe('the closing formula', () => {
  const m: Meeting = { ...sample, place: 'الرباط' };
  it('names the place and the date in each language', () => {
    expect(textOf(buildMinutes(m, 'ar'), 'closing')).toContain('حرر بالرباط في 12 نونبر 2026.');
    expect(textOf(buildMinutes({ ...m, place: 'Rabat' }, 'fr'), 'closing')).toContain('Fait à Rabat, le 12 novembre 2026.');
    expect(textOf(buildMinutes({ ...m, place: 'Rabat' }, 'en'), 'closing')).toContain('Done at Rabat on 12 November 2026.');
  });
  it('names the city when one is set, not the room', () => {
    const withCity: Meeting = { ...m, place: 'قاعة الاجتماعات الكبرى', city: 'الرباط' };
    expect(textOf(buildMinutes(withCity, 'ar'), 'closing')).toContain('حرر بالرباط في 12 نونبر 2026.');
    expect(textOf(buildMinutes({ ...withCity, city: 'Rabat' }, 'fr'), 'closing')).toContain('Fait à Rabat, le 12 novembre 2026.');
    expect(textOf(buildMinutes({ ...withCity, city: '  ' }, 'ar'), 'closing')).toContain('حرر بقاعة الاجتماعات الكبرى في');
  });
  it('is left out when neither is known, rather than pointing at a date that is not there', () => {
    const t = textOf(buildMinutes({ ...m, place: '', date: '' }, 'ar'), 'closing');
    expect(t).not.toContain('حرر');
    expect(t).not.toContain('المذكور أعلاه');
  });
});

describe('attendance by status, and the quorum of a council', () => {
  const withStatuses: Meeting = {
    ...sample,
    participants: sample.participants.map((p) =>
      p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p.id === 'p-dupont' ? { ...p, attendance: 'excused' } : p.id === 'p-ouazzani' ? { ...p, representedBy: 'سعيد الناصري' } : p,
    ),
  };

  it('the attendance table has only those present, a representative named; absent and excused listed under it', () => {
    const m = buildMinutes({ ...withStatuses, type: 'council' }, 'ar');
    const table = blocksOf(m, 'attendance').find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows.map((r) => r[1])).toEqual([
      'محمد العلمي', 'فاطمة الزهراء بناني', 'يوسف التازي', 'عبد الرحيم الوزاني، ممثلا من طرف سعيد الناصري', 'سعاد العمراني',
    ]);
    const t = textOf(m, 'attendance');
    // Each heading agrees with whom it lists: one woman absent, one man excused.
    expect(t).toMatch(/الغائبة:\nالسيدة خديجة الإدريسي/);
    expect(t).toMatch(/المعتذر:\nالسيد Jean Dupont/);
    expect(t).toContain('النصاب القانوني: عدد الأعضاء الحاضرين 5 من أصل 7.');
    expect(textOf(m, 'opening')).toContain('(عدد الحاضرين: 5)');
    expect(textOf(buildMinutes({ ...withStatuses, type: 'council', membersTotal: 31 }, 'fr'), 'attendance')).toContain('Quorum\u00A0: 5 membres présents sur 31.');
  });

  it('a council accounts for every member even when nobody is absent; a consultation has no quorum', () => {
    const council = textOf(buildMinutes({ ...sample, type: 'council' }, 'ar'), 'attendance');
    expect(council).toContain('الغائبون:\nلا أحد.');
    expect(council).toContain('النصاب القانوني');
    const consultation = textOf(buildMinutes(sample, 'ar'), 'attendance');
    expect(consultation).not.toContain('النصاب');
    expect(consultation).not.toContain('الغائبون');
    // …but someone marked absent is still listed as such.
    expect(textOf(buildMinutes(withStatuses, 'ar'), 'attendance')).toContain('الغائبة:');
  });
});

describe('convocation and legal basis', () => {
  it('opens with the convening letter and the legal basis when given', () => {
    const m: Meeting = { ...sample, convocationReference: '2026/112', convocationDate: '2026-10-28', legalBasis: 'المادة 33 من القانون التنظيمي رقم 113.14 المتعلق بالجماعات' };
    const [first] = blocksOf(buildMinutes(m, 'ar'), 'opening');
    expect(first!.kind === 'paragraph' && first!.text).toBe(
      'بناء على الاستدعاء رقم 2026/112 بتاريخ 28 أكتوبر 2026، واستنادا إلى المادة 33 من القانون التنظيمي رقم 113.14 المتعلق بالجماعات.',
    );
    expect(textOf(buildMinutes({ ...m, legalBasis: '' }, 'fr'), 'opening')).toContain('Vu la convocation n° 2026/112 du 28 octobre 2026.');
    expect(blocksOf(buildMinutes(sample, 'ar'), 'opening')).toHaveLength(1);
  });
});

describe('the Hijri date of the Moroccan official calendar', () => {
  it('moves by the meeting adjustment', () => {
    const date = (adj: number) => {
      const lh = blocksOf(buildMinutes({ ...sample, hijriAdjust: adj }, 'ar'), 'header')[0]!;
      return lh.kind === 'letterhead' ? lh.date : null;
    };
    expect(date(0)).toContain('2 جمادى الآخرة 1448');
    expect(date(1)).toContain('3 جمادى الآخرة 1448');
    expect(date(-1)).toContain('1 جمادى الآخرة 1448');
    // The Gregorian date does not move.
    expect(date(-1)).toContain('12 نونبر 2026');
  });

  describe('per meeting, not carried over', () => {
    let dataRoot: string;
    let ctx: ServiceContext;
    beforeEach(async () => {
      dataRoot = mkdtempSync(join(tmpdir(), 'mahdar-hijri-'));
      ctx = await createContext(dataRoot);
    });
    afterEach(() => rmSync(dataRoot, { recursive: true, force: true }));

    it('a new meeting prints the Ministry date, whatever the last meeting was adjusted by', async () => {
      const meetings = meetingCommands(ctx, new TranscriptionJobs(ctx));
      const first = await meetings.createMeeting({ fields: {} });
      await meetings.updateMeeting({ id: first.id, fields: { hijriAdjust: -1 } });
      // 17 October 2022 is 20 ربيع الأول 1444 by the Ministry's announcement (habous-month-starts.ts).
      const next = await meetings.createMeeting({ fields: { date: '2022-10-17' } });
      expect(meetingDay(next.date, 'ar', next.hijriAdjust)?.hijri).toBe('20 ربيع الأول 1444 هـ');
      // A form save that does not touch it leaves the first meeting's as it was.
      expect((await meetings.updateMeeting({ id: first.id, fields: { title: 'x' } })).hijriAdjust).toBe(-1);
    });

    it('a settings.json that still holds the old default of new meetings keeps its other settings', async () => {
      writeFileSync(join(dataRoot, 'settings.json'), JSON.stringify({ uiLanguage: 'fr', hijriAdjust: 1 }));
      expect(await readSettings(ctx)).toMatchObject({ uiLanguage: 'fr' });
      const meetings = meetingCommands(ctx, new TranscriptionJobs(ctx));
      expect((await meetings.createMeeting({ fields: {} })).hijriAdjust ?? 0).toBe(0);
    });

    it('approvalCheck answers for a stored meeting without changing it', async () => {
      const { schemaVersion: _v, id: _i, status: _s, revision: _r, createdAt: _c, updatedAt: _u, audio: _a, marks: _m, ...fields } = untagged;
      const m = await ctx.archive.create(fields as MeetingFields);
      const c = await minutesCommands(ctx, new TranscriptionJobs(ctx)).approvalCheck({ meetingId: m.id });
      expect(c.untaggedSegments.length).toBeGreaterThan(0);
      expect(c.decisionsUnconfirmed).toBe(true);
      expect((await ctx.archive.read(m.id)).updatedAt).toBe(m.updatedAt);
    });
  });
});
