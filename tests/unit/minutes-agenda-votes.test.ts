// The minutes grouped by agenda point, and the votes of the decisions, as the signing official reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting, type Segment } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { arabicOrdinalFeminine } from '../../shared/minutes/labels.ts';
import type { MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';
import { MinutesPreview } from '../../renderer/features/minutes/MinutesPreview.tsx';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

const proceedings = (m: MinutesModel) => m.sections.find((s) => s.id === 'proceedings')!.blocks;
const decisionsTable = (m: MinutesModel) =>
  m.sections.find((s) => s.id === 'decisions')!.blocks.find((b): b is Extract<MinutesBlock, { kind: 'table' }> => b.kind === 'table')!;
/** The proceedings as lines: point headings, and interventions as "<first segment id>…<last>". */
const outline = (m: MinutesModel) =>
  proceedings(m).map((b) =>
    b.kind === 'agendaPoint' ? `# ${b.heading}` : b.kind === 'intervention' ? b.segmentIds.join('+') : `(${b.kind === 'paragraph' ? b.text : b.kind})`,
  );

/** The sample with its segments given agenda points: id → agenda item id (others keep none). */
function withPoints(points: Record<string, string>, base: Meeting = sample): Meeting {
  return { ...base, segments: base.segments.map((s): Segment => (points[s.id] ? { ...s, agendaItemId: points[s.id] } : s)) };
}

describe('Arabic ordinals of agenda points (feminine, agreeing with النقطة)', () => {
  it('writes the first twenty and the compounds after them, then digits', () => {
    const first = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
    first.forEach((w, i) => expect(arabicOrdinalFeminine(i + 1)).toBe(w));
    expect(arabicOrdinalFeminine(11)).toBe('الحادية عشرة');
    expect(arabicOrdinalFeminine(12)).toBe('الثانية عشرة');
    expect(arabicOrdinalFeminine(19)).toBe('التاسعة عشرة');
    expect(arabicOrdinalFeminine(20)).toBe('العشرون');
    expect(arabicOrdinalFeminine(21)).toBe('الحادية والعشرون');
    expect(arabicOrdinalFeminine(35)).toBe('الخامسة والثلاثون');
    expect(arabicOrdinalFeminine(99)).toBe('التاسعة والتسعون');
    expect(arabicOrdinalFeminine(100)).toBe('100');
    expect(arabicOrdinalFeminine(150)).toBe('150');
  });
});

describe('proceedings grouped by agenda point', () => {
  // Passages spoken out of the agenda's order: the minutes still follow the agenda.
  const meeting = withPoints({
    's-0001': 'a-01',
    's-0002': 'a-01',
    's-0005': 'a-03',
    's-0006': 'a-03',
    's-0003': 'a-02',
    's-0004': 'a-02',
  });

  it('heads each point "النقطة الأولى: <title>" in the order of the agenda, with its interventions under it', () => {
    const m = buildMinutes(meeting, 'ar');
    const lines = outline(m);
    expect(lines.filter((l) => l.startsWith('# '))).toEqual([
      '# النقطة الأولى: كلمة افتتاحية للسيد الوالي',
      '# النقطة الثانية: حصيلة المرحلة الأولى من رقمنة الخدمات العمومية بالجهة',
      '# النقطة الثالثة: مقترحات المصالح الخارجية والمنتخبين والمجتمع المدني',
      '# النقطة الرابعة: القرارات والتوصيات',
      '# مسائل أخرى',
    ]);
    // Each point holds exactly its passages; consecutive passages of one speaker are one intervention.
    const under = (heading: string) => {
      const i = lines.indexOf(heading);
      const next = lines.findIndex((l, k) => k > i && l.startsWith('# '));
      return lines.slice(i + 1, next < 0 ? undefined : next);
    };
    const ids = (heading: string) => under(heading).flatMap((l) => l.split('+'));
    expect(ids('# النقطة الأولى: كلمة افتتاحية للسيد الوالي')).toEqual(['s-0001', 's-0002']);
    expect(ids('# النقطة الثانية: حصيلة المرحلة الأولى من رقمنة الخدمات العمومية بالجهة')).toEqual(['s-0003', 's-0004']);
    expect(ids('# النقطة الثالثة: مقترحات المصالح الخارجية والمنتخبين والمجتمع المدني')).toEqual(['s-0005', 's-0006']);
    // A point nobody spoke on says so rather than vanishing from the proceedings.
    expect(under('# النقطة الرابعة: القرارات والتوصيات')).toEqual(['(لم تسجل أي مداخلة في هذه النقطة.)']);
    // Every other passage is under "مسائل أخرى", none lost, none twice.
    const rest = ids('# مسائل أخرى');
    expect(rest).toEqual(sample.segments.map((s) => s.id).filter((id) => !['s-0001', 's-0002', 's-0003', 's-0004', 's-0005', 's-0006'].includes(id)));
    const iv = proceedings(m).filter((b) => b.kind === 'intervention');
    expect(iv.find((b) => b.segmentIds[0] === 's-0001')!.heading).toBe('تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة:');
  });

  it('has no "other business" heading when every passage has a point', () => {
    const all = Object.fromEntries(sample.segments.map((s, i) => [s.id, i < 10 ? 'a-02' : 'a-03']));
    const lines = outline(buildMinutes(withPoints(all), 'ar'));
    expect(lines.filter((l) => l.startsWith('# ')).map((l) => l.split(':')[0])).toEqual([
      '# النقطة الأولى',
      '# النقطة الثانية',
      '# النقطة الثالثة',
      '# النقطة الرابعة',
    ]);
  });

  it('numbers "Point 1 : …" in French and "Item 1: …" in English, with their own "other business"', () => {
    const fr = outline(buildMinutes(meeting, 'fr')).filter((l) => l.startsWith('# '));
    expect(fr[0]).toBe('# Point 1\u00A0: كلمة افتتاحية للسيد الوالي');
    expect(fr[3]).toBe('# Point 4\u00A0: القرارات والتوصيات');
    expect(fr[4]).toBe('# Questions diverses');
    const en = outline(buildMinutes(meeting, 'en')).filter((l) => l.startsWith('# '));
    expect(en[1]).toBe('# Item 2: حصيلة المرحلة الأولى من رقمنة الخدمات العمومية بالجهة');
    expect(en[4]).toBe('# Other business');
  });

  it('numbers the points as the agenda list does, past the tenth and the twentieth', () => {
    const agenda = Array.from({ length: 22 }, (_, i) => ({ id: `a-x${i + 1}`, title: `البند ${i + 1}` }));
    const segments = agenda.map((a, i): Segment => ({
      id: `s-x${i + 1}`,
      start: i * 10,
      end: i * 10 + 5,
      text: `مداخلة ${i + 1}`,
      speakerId: null,
      tags: [],
      edited: false,
      agendaItemId: a.id,
    }));
    const m = buildMinutes({ ...sample, agenda, segments, decisions: [] }, 'ar');
    const headings = outline(m).filter((l) => l.startsWith('# '));
    expect(headings).toHaveLength(22);
    expect(headings[10]).toBe('# النقطة الحادية عشرة: البند 11');
    expect(headings[19]).toBe('# النقطة العشرون: البند 20');
    expect(headings[21]).toBe('# النقطة الثانية والعشرون: البند 22');
  });

  it('keeps today\'s layout (no point headings) when no passage has a point', () => {
    const plain = buildMinutes(sample, 'ar');
    expect(proceedings(plain).every((b) => b.kind === 'intervention')).toBe(true);
    // A point that no longer exists on the agenda (an old file) counts as none.
    const stale = buildMinutes(withPoints({ 's-0001': 'a-gone' }), 'ar');
    expect(proceedings(stale)).toEqual(proceedings(plain));
  });

  it('shows the point headings in the on-screen preview, between the interventions', () => {
    const html = renderToStaticMarkup(createElement(MinutesPreview, { model: buildMinutes(meeting, 'ar') }));
    const first = html.indexOf('النقطة الأولى: كلمة افتتاحية للسيد الوالي');
    const second = html.indexOf('النقطة الثانية');
    expect(html).toContain('<h3 class="minutes-agenda-point" data-agenda-item="a-01">النقطة الأولى: كلمة افتتاحية للسيد الوالي</h3>');
    expect(first).toBeGreaterThan(-1);
    expect(html.indexOf('data-segments="s-0001 s-0002"')).toBeGreaterThan(first);
    expect(html.indexOf('data-segments="s-0001 s-0002"')).toBeLessThan(second);
  });
});

describe('votes in the decisions table', () => {
  const voted: Meeting = {
    ...sample,
    decisions: [
      { ...sample.decisions[0]!, vote: { kind: 'unanimous' } },
      { ...sample.decisions[1]!, vote: { kind: 'counts', for: 12, against: 3, abstain: 2 } },
      { ...sample.decisions[2]!, vote: null },
    ],
  };
  const texts = (lang: 'ar' | 'fr' | 'en') => decisionsTable(buildMinutes(voted, lang)).rows.map((r) => r[2]!);

  it('prints the vote on its own line under the decision\'s text (Arabic), nothing when none was recorded', () => {
    expect(texts('ar')).toEqual([
      `${sample.decisions[0]!.text}\nبالإجماع`,
      `${sample.decisions[1]!.text}\nالموافقون: 12، المعارضون: 3، الممتنعون: 2`,
      sample.decisions[2]!.text,
    ]);
    // The table keeps its five columns and their shares.
    const t = decisionsTable(buildMinutes(voted, 'ar'));
    expect(t.header).toEqual(['ر.ت', 'النوع', 'النص', 'الجهة المكلفة', 'الأجل']);
    expect(t.widths).toEqual(decisionsTable(buildMinutes(sample, 'ar')).widths);
  });

  it('writes the vote in French and English', () => {
    expect(texts('fr').map((t) => t.split('\n')[1])).toEqual(['À l’unanimité', 'Pour\u00A0: 12, contre\u00A0: 3, abstentions\u00A0: 2', undefined]);
    expect(texts('en').map((t) => t.split('\n')[1])).toEqual(['Unanimously', 'For: 12, against: 3, abstaining: 2', undefined]);
  });

  it('shows the vote line in the on-screen preview as its own line, in its own direction', () => {
    const html = renderToStaticMarkup(createElement(MinutesPreview, { model: buildMinutes(voted, 'fr') }));
    // The decision is written in Arabic (its line runs right to left), the vote in French under it.
    expect(html).toMatch(/<td dir="auto" class="minutes-pre-line"><div dir="auto">[^<]*<\/div><div dir="auto">Pour\u00A0: 12, contre\u00A0: 3, abstentions\u00A0: 2<\/div><\/td>/);
  });
});
