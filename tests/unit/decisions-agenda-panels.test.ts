// The review editor's side panels as first drawn (server-rendered markup, no DOM here): what the
// secretary sees of the decisions and the agenda points, in Arabic and French, and what a
// read-only (approved) meeting still offers. The clicks, Enter and Escape are for the editor's
// end-to-end test, where the panels are mounted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import type { DecisionsPanelProps } from '../../renderer/features/editor/DecisionsPanel.tsx';
import type { AgendaOutlineProps } from '../../renderer/features/editor/AgendaOutline.tsx';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const meeting: Meeting = {
  ...sample,
  segments: sample.segments.map((s) =>
    ['s-0004', 's-0005', 's-0006'].includes(s.id) ? { ...s, agendaItemId: 'a-02' } : s.id === 's-0003' ? { ...s, agendaItemId: 'a-01' } : s,
  ),
  decisions: [
    { ...sample.decisions[0]!, vote: { kind: 'counts', for: 12, against: 3, abstain: 2 } },
    { ...sample.decisions[1]!, vote: { kind: 'unanimous' } },
    { ...sample.decisions[2]!, segmentIds: [] },
  ],
};

let uiLanguage = 'ar';
let render: (el: (p: never) => ReactElement | null, props: object) => string;
let DecisionsPanel: (p: DecisionsPanelProps) => ReactElement;
let AgendaOutline: (p: AgendaOutlineProps) => ReactElement;

beforeAll(async () => {
  // The renderer reads its language from localStorage and talks through window.mahdarBridge:
  // give it both before loading it, so nothing reaches for a browser.
  Object.assign(globalThis, {
    localStorage: { getItem: () => uiLanguage, setItem: () => undefined },
    window: { mahdarBridge: { call: async () => ({ ok: false }), onEvent: () => () => undefined, download: () => undefined } },
  });
  const { I18nProvider } = await import('../../renderer/i18n/I18nContext.tsx');
  ({ DecisionsPanel } = await import('../../renderer/features/editor/DecisionsPanel.tsx'));
  ({ AgendaOutline } = await import('../../renderer/features/editor/AgendaOutline.tsx'));
  render = (el, props) => renderToStaticMarkup(createElement(I18nProvider, null, createElement(el as never, props as never)));
});

const base = { meeting, selection: [] as string[], readOnly: false, onEdit: async () => undefined, onJump: () => undefined };
const buttons = (html: string) => [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((m) => ({ attrs: m[1]!, text: m[2]! }));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('DecisionsPanel', () => {
  it('lists each decision with its kind, text, owner, deadline as the minutes print it, and its vote (Arabic)', () => {
    uiLanguage = 'ar';
    const t = text(render(DecisionsPanel, base));
    expect(t).toContain('القرارات والتوصيات');
    expect(t).toContain('قرار');
    expect(t).toContain(sample.decisions[0]!.text);
    expect(t).toContain('الجهة المكلفة قسم الشؤون الإدارية');
    expect(t).toContain('الأجل 1 دجنبر 2026');
    expect(t).toContain('التصويت الموافقون: 12، المعارضون: 3، الممتنعون: 2');
    expect(t).toContain('التصويت بالإجماع');
    expect(t).toContain('الأجل الفصل الأول من 2027');
  });

  it('links a decision back to its passage only when it cites one, and names every button', () => {
    uiLanguage = 'ar';
    const b = buttons(render(DecisionsPanel, base));
    expect(b.filter((x) => x.text === 'الانتقال إلى المقطع')).toHaveLength(2);
    expect(b.filter((x) => x.text === 'تعديل')).toHaveLength(3);
    expect(b.filter((x) => x.text === 'حذف')).toHaveLength(3);
    // Each per-decision button is described by that decision's text, so a screen reader tells them apart.
    for (const x of b.filter((x) => x.text !== 'قرار من المقاطع المحددة (0)')) expect(x.attrs).toMatch(/aria-describedby="[^"]+-text-\d"/);
    for (const x of b) expect(x.text.trim()).not.toBe('');
  });

  it('offers to draw a decision only from a selection', () => {
    uiLanguage = 'ar';
    const none = render(DecisionsPanel, base);
    expect(buttons(none).find((x) => x.text === 'قرار من المقاطع المحددة (0)')!.attrs).toContain('disabled');
    expect(text(none)).toContain('حدد مقاطع من التفريغ لاستخراج قرار منها.');
    const two = render(DecisionsPanel, { ...base, selection: ['s-0018', 's-0019'] });
    expect(buttons(two).find((x) => x.text === 'قرار من المقاطع المحددة (2)')!.attrs).not.toContain('disabled');
  });

  it('shows an approved meeting\'s decisions read-only: no create, edit or delete, the passage links stay', () => {
    uiLanguage = 'fr';
    const html = render(DecisionsPanel, { ...base, readOnly: true, selection: ['s-0001'] });
    expect(buttons(html).map((x) => x.text)).toEqual(['Aller au passage', 'Aller au passage']);
    expect(text(html)).toContain('Vote Pour : 12, contre : 3, abstentions : 2');
    expect(text(html)).toContain('Échéance 1 décembre 2026');
  });
});

describe('AgendaOutline', () => {
  it('shows where each agenda item starts and how many passages it holds (Arabic)', () => {
    uiLanguage = 'ar';
    const html = render(AgendaOutline, { ...base, selection: ['s-0007', 's-0008'] });
    const t = text(html);
    expect(t).toContain('نقط جدول الأعمال');
    // Point 1 starts at its only passage (s-0003, 55.1 s); point 2 at its earliest (s-0004, 69.5 s:
    // 1:09, the whole second, as the exports write 00:01:09).
    expect(t).toMatch(/1\. كلمة افتتاحية للسيد الوالي تبدأ عند 0:55 عدد المقاطع: 1/);
    expect(t).toMatch(/2\. حصيلة المرحلة الأولى من رقمنة الخدمات العمومية بالجهة تبدأ عند 1:09 عدد المقاطع: 3/);
    expect(t).toMatch(/3\. مقترحات المصالح الخارجية والمنتخبين والمجتمع المدني لم يُسند إليها أي مقطع بعد\./);
    const assign = buttons(html).filter((x) => x.text === 'إسناد المقاطع المحددة (2) إلى هذه النقطة');
    expect(assign).toHaveLength(4);
    for (const x of assign) expect(x.attrs).not.toContain('disabled');
    // The selection has no point yet: nothing to remove it from.
    expect(t).not.toContain('فصل المقاطع المحددة');
  });

  it('offers to remove a selection from its point, and nothing to change when read-only (French)', () => {
    uiLanguage = 'fr';
    const html = render(AgendaOutline, { ...base, selection: ['s-0004'] });
    expect(buttons(html).map((x) => x.text)).toContain('Détacher la sélection (1) de son point');
    const ro = render(AgendaOutline, { ...base, selection: ['s-0004'], readOnly: true });
    expect(buttons(ro).map((x) => x.text)).toEqual(['Commence à 0:55', 'Commence à 1:09']);
  });
});
