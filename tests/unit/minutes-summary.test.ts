// Summary minutes (shared/minutes/sections/summaries.ts): the body prints each intervention's
// summary under its point, led by its speaker with a verb agreeing with them; what has no checked
// summary is flagged in the minutes and named by the approval check; the interventions word for
// word go to the annex. Verbatim minutes keep today's body.
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { approvalCheck } from '../../shared/minutes/approval.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import type { MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';
import { edit, sample, summarised, write } from './minutes-summary-fixture.ts';

const section = (m: MinutesModel, id: string) => m.sections.find((s) => s.id === id)!;
const summaries = (m: MinutesModel) => section(m, 'proceedings').blocks.filter((b): b is Extract<MinutesBlock, { kind: 'summary' }> => b.kind === 'summary');

describe('summary minutes', () => {
  it('are the default of a consultation, and print each summary led by its speaker, the verb agreeing in Arabic', () => {
    const model = buildMinutes(summarised(), 'ar');
    const [wali, director, tazi, idrissi] = summaries(model);
    expect(wali!.lead).toBe('تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة:');
    expect(wali!.text).toBe('رحب بالحاضرين وذكر بإطار اللقاء.');
    expect(wali!.flag).toBeNull();
    expect(director!.lead).toBe('تدخلت السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي:');
    expect(tazi!.status).toBe('draft');
    expect(tazi!.text).toBe('اقترح إحداث شباك رقمي موحد وتكوين الموظفين.');
    expect(tazi!.flag).toBe('[مسودة لم يراجعها الكاتب]');
    // No summary: a placeholder with the intervention's time, never a blank.
    expect(idrissi!.lead).toBe('تدخلت السيدة خديجة الإدريسي، رئيسة مصلحة الحالة المدنية:');
    expect(idrissi!).toMatchObject({ text: null, status: 'missing', flag: '[لا ملخص لهذا التدخل، 00:02:40]', start: 160.5 });
    // Every intervention is there, and no passage is printed word for word in the body.
    expect(summaries(model)).toHaveLength(11);
    expect(section(model, 'proceedings').blocks.some((b) => b.kind === 'intervention')).toBe(false);
  });

  it('agree in French: est intervenu / est intervenue / est intervenu(e)', () => {
    const leads = summaries(buildMinutes(summarised(), 'fr')).map((b) => b.lead);
    expect(leads[0]).toBe('M. \u200Eمحمد العلمي\u200E, \u200Eوالي جهة الرباط سلا القنيطرة\u200E, est intervenu\u00A0:');
    expect(leads[1]).toBe('Mme \u200Eفاطمة الزهراء بناني\u200E, \u200Eالمديرة الجهوية للتحول الرقمي\u200E, est intervenue\u00A0:');
    expect(leads[6]).toBe('M./Mme \u200Eسعاد العمراني\u200E, \u200Eممثلة جمعيات المجتمع المدني\u200E, est intervenu(e)\u00A0:');
    expect(leads[7]).toBe('Intervention (intervenant non identifié)\u00A0:');
    const untitled = { ...sample, participants: sample.participants.map((p) => ({ ...p, title: '' })) };
    expect(summaries(buildMinutes(untitled, 'fr'))[1]!.lead).toBe('Mme \u200Eفاطمة الزهراء بناني\u200E est intervenue\u00A0:');
    expect(summaries(buildMinutes(summarised(), 'fr'))[3]!.flag).toBe('[Aucune synthèse pour cette intervention, 00:02:40]');
  });

  it('flag a summary whose passages changed after it was accepted', () => {
    const m = edit(summarised(), { type: 'setText', segmentId: 's-0005', text: 'وسجلنا خلال سنة 2025 أكثر من 200000 طلب.' });
    const director = summaries(buildMinutes(m, 'ar'))[1]!;
    expect(director).toMatchObject({ status: 'toCheck', flag: '[ملخص للمراجعة: تغيرت المقاطع التي يلخصها]' });
    expect(director.text).toContain('قدمت حصيلة رقمنة الخدمات');
  });

  it('print the point discussion, the opening first and the closing last, under each agenda point', () => {
    const points: Record<string, string> = { 's-0001': 'a-01', 's-0002': 'a-01', 's-0003': 'a-01', 's-0004': 'a-02', 's-0005': 'a-02', 's-0006': 'a-02' };
    let m: Meeting = { ...summarised(), segments: sample.segments.map((s) => ({ ...s, agendaItemId: points[s.id] ?? 'a-03' })) };
    m = edit(m, { type: 'writeSummary', kind: 'point', agendaItemId: 'a-02', segmentIds: ['s-0004', 's-0005', 's-0006'], text: 'أجمع المتدخلون على أهمية الحصيلة.' });
    m = edit(m, { type: 'writeSummary', kind: 'opening', segmentIds: [], text: 'افتتح السيد الوالي اللقاء.' });
    m = edit(m, { type: 'writeSummary', kind: 'closing', segmentIds: [], text: 'واختتم اللقاء في جو من المسؤولية.' });
    const body = section(buildMinutes(m, 'ar'), 'proceedings').blocks;
    const shown = body.map((b) => (b.kind === 'agendaPoint' ? b.heading : b.kind === 'summary' ? `${b.of}:${b.lead ?? ''}${b.text ?? ''}` : b.kind));
    expect(shown[0]).toBe('opening:افتتح السيد الوالي اللقاء.');
    expect(shown[1]).toBe('النقطة الأولى: كلمة افتتاحية للسيد الوالي');
    expect(shown[2]).toMatch(/^intervention:تدخل السيد محمد العلمي/);
    expect(shown[3]).toBe('النقطة الثانية: حصيلة المرحلة الأولى من رقمنة الخدمات العمومية بالجهة');
    expect(shown[4]).toBe('point:ملخص المناقشة:أجمع المتدخلون على أهمية الحصيلة.');
    expect(shown[5]).toMatch(/^intervention:تدخلت السيدة فاطمة الزهراء بناني/);
    expect(shown).toContain('النقطة الرابعة: القرارات والتوصيات');
    expect(shown.at(-1)).toBe('closing:واختتم اللقاء في جو من المسؤولية.');
    // The decisions stay in their own section, after the proceedings.
    expect(section(buildMinutes(m, 'ar'), 'decisions').blocks.some((b) => b.kind === 'table')).toBe(true);
  });

});

describe('the annex of summary minutes, and verbatim minutes', () => {
  it('summary minutes put every intervention word for word in the annex, on a page of its own', () => {
    for (const [language, title] of [
      ['ar', 'ملحق: التفريغ الحرفي للمداخلات'],
      ['fr', 'Annexe\u00A0: transcription intégrale des interventions'],
      ['en', 'Annex: verbatim transcript of the interventions'],
    ] as const) {
      const annex = section(buildMinutes(summarised(), language), 'annex');
      expect(annex.title).toBe(title);
      expect(annex.pageBreakBefore).toBe(true);
      const verbatim = annex.blocks.filter((b) => b.kind === 'intervention');
      expect(verbatim).toHaveLength(11);
      const text = verbatim.flatMap((b) => b.paragraphs).join(' ');
      for (const s of sample.segments) expect(text).toContain(s.text);
    }
    expect(section(buildMinutes(summarised(), 'ar'), 'annex').blocks[1]).toMatchObject({ heading: 'تدخلت السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي:' });
  });

  it('verbatim minutes keep the interventions in the body and the transcript table in the annex', () => {
    const model = buildMinutes({ ...summarised(), minutesStyle: 'verbatim' }, 'ar');
    expect(summaries(model)).toEqual([]);
    expect(section(model, 'proceedings').blocks.filter((b) => b.kind === 'intervention')).toHaveLength(11);
    expect(section(model, 'annex').blocks[0]).toMatchObject({ kind: 'table', role: 'transcript' });
    expect(buildMinutes({ ...sample, type: 'committee' }, 'ar').sections.find((s) => s.id === 'proceedings')!.blocks[0]!.kind).toBe('intervention');
  });
});

describe('the approval check of summary minutes', () => {
  it('names each intervention without a checked summary, in order, with its time and why', () => {
    let m = summarised();
    m = edit(m, { type: 'setText', segmentId: 's-0005', text: 'وسجلنا خلال سنة 2025 أكثر من 200000 طلب.' });
    const check = approvalCheck(m);
    expect(check.clean).toBe(false);
    expect(check.interventionsWithoutSummary.slice(0, 3)).toEqual([
      { key: 's-0004', start: 69.5, status: 'toCheck' },
      { key: 's-0007', start: 123.7, status: 'draft' },
      { key: 's-0009', start: 160.5, status: 'missing' },
    ]);
    expect(check.interventionsWithoutSummary).toHaveLength(10);
  });

  it('is clean of them once every intervention has a checked summary, and ignores them in verbatim minutes', () => {
    let m: Meeting = { ...summarised(), segments: sample.segments.map((s) => ({ ...s, speakerId: s.speakerId ?? 'p-alami' })), noDecisionConfirmed: true };
    expect(approvalCheck({ ...m, minutesStyle: 'verbatim' }).interventionsWithoutSummary).toEqual([]);
    for (const key of approvalCheck(m).interventionsWithoutSummary.map((i) => i.key)) {
      const summaryId = m.summaries?.find((s) => s.segmentIds.includes(key))?.id;
      const ids = buildMinutes(m, 'ar').sections.find((s) => s.id === 'proceedings')!.blocks.find((b) => b.kind === 'summary' && b.segmentIds[0] === key);
      const segmentIds = ids && ids.kind === 'summary' ? ids.segmentIds : [];
      m = summaryId ? edit(m, { type: 'acceptSummary', summaryId, segmentIds }) : write(m, segmentIds, 'ملخص.');
    }
    expect(approvalCheck(m).interventionsWithoutSummary).toEqual([]);
    expect(summaries(buildMinutes(m, 'ar')).every((b) => b.status === 'checked' && b.flag === null)).toBe(true);
  });

  it('counts a summary stored blank as missing (the edits refuse one; a meeting file may hold it)', () => {
    const written = write(sample, ['s-0001', 's-0002', 's-0003'], 'رحب بالحاضرين.');
    const m = meetingSchema.parse({ ...written, summaries: written.summaries!.map((x) => ({ ...x, text: ' ' })) });
    expect(approvalCheck(m).interventionsWithoutSummary[0]).toEqual({ key: 's-0001', start: 12, status: 'missing' });
    expect(summaries(buildMinutes(m, 'ar'))[0]!.flag).toBe('[لا ملخص لهذا التدخل، 00:00:12]');
  });
});
