// The preview isolates each run of the other direction as the DOCX gives it its own run (one
// splitting function, in shared/), and the decisions panel shows and edits the voters' names and
// an agreement's signatories (server-rendered markup; the clicks are for the end-to-end tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { bidiPieces, paragraphDirection } from '../../shared/text/bidi.ts';
import { bidiPieces as docxBidiPieces } from '../../main/export/docx.ts';
import { MinutesPreview } from '../../renderer/features/minutes/MinutesPreview.tsx';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

/** French minutes of a meeting held in French, one passage quoting an Arabic sentence. */
const clause = 'وهي متاحة على مدار الساعة.';
const french: Meeting = {
  ...sample,
  language: 'fr',
  letterhead: ['Royaume du Maroc', 'Ministère de l’Intérieur'],
  segments: [
    { ...sample.segments[0]!, text: `Le portail est ouvert. ${clause} Merci à tous.`, speakerId: 'p-dupont' },
    { ...sample.segments[1]!, text: 'بسم الله، Monsieur le Wali، مرحبا.', speakerId: 'p-alami' },
  ],
};
const preview = (m: Meeting, lang: 'ar' | 'fr') => renderToStaticMarkup(createElement(MinutesPreview, { model: buildMinutes(m, lang) }));

describe('the preview isolates runs by direction, as the DOCX splits them', () => {
  it('uses the very function the DOCX writer uses', () => {
    expect(docxBidiPieces).toBe(bidiPieces);
    expect(paragraphDirection('Le portail', 'ltr')).toBe('ltr');
    expect(paragraphDirection('(1) بسم الله', 'ltr')).toBe('rtl');
    expect(paragraphDirection('Jean', 'rtl')).toBe('rtl');
  });

  it('puts an Arabic clause of French minutes in its own right-to-left element, its full stop inside', () => {
    const html = preview(french, 'fr');
    expect(html).toContain(`<p class="minutes-align-justify minutes-pre-line" dir="auto">Le portail est ouvert. <bdi dir="rtl" lang="ar">${clause}</bdi> Merci à tous.</p>`);
  });

  it('isolates Latin words in a paragraph that begins with Arabic, which runs right to left', () => {
    const html = preview(french, 'fr');
    expect(html).toContain('<p class="minutes-align-justify minutes-pre-line" dir="auto">بسم الله، <bdi dir="ltr">Monsieur le Wali</bdi>، مرحبا.</p>');
  });

  it('sets an Arabic title of French minutes right to left, as the DOCX does, and leaves Latin ones alone', () => {
    const html = preview({ ...sample, title: 'اللقاء التشاوري' }, 'fr');
    expect(html).toContain('<p class="minutes-subtitle" dir="rtl">');
    expect(html).toContain('<h1>Procès-verbal</h1>');
  });
});

let uiLanguage = 'ar';
let render: (el: (p: never) => ReactElement | null, props: object) => string;
let DecisionsPanel: (p: object) => ReactElement;
let VotersPicker: (p: object) => ReactElement;
let votersOffered: typeof import('../../renderer/features/editor/VotersPicker.tsx').votersOffered;

beforeAll(async () => {
  Object.assign(globalThis, {
    localStorage: { getItem: () => uiLanguage, setItem: () => undefined },
    window: { mahdarBridge: { call: async () => ({ ok: false }), onEvent: () => () => undefined, download: () => undefined } },
  });
  const { I18nProvider } = await import('../../renderer/i18n/I18nContext.tsx');
  ({ DecisionsPanel } = (await import('../../renderer/features/editor/DecisionsPanel.tsx')) as never);
  ({ VotersPicker, votersOffered } = (await import('../../renderer/features/editor/VotersPicker.tsx')) as never);
  render = (el, props) => renderToStaticMarkup(createElement(I18nProvider, null, createElement(el as never, props as never)));
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

const council: Meeting = {
  ...sample,
  type: 'council',
  participants: sample.participants.map((p) => (p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p)),
  decisions: [
    {
      ...sample.decisions[0]!,
      vote: { kind: 'counts', for: 2, against: 1, abstain: 0, voters: { for: ['p-alami', 'p-bennani'], against: ['p-tazi'], abstain: [] } },
    },
    {
      id: 'd-04',
      kind: 'agreement',
      text: 'اتفاقية شراكة.',
      segmentIds: [],
      owner: '',
      deadline: '',
      signatories: [{ participantId: 'p-alami', capacity: 'عن ولاية الجهة' }, { participantId: 'p-bennani' }],
    },
  ],
};

describe('the decisions panel', () => {
  const base = { meeting: council, selection: [] as string[], readOnly: false, onEdit: async () => undefined, onJump: () => undefined };

  it('lists a nominal vote with its names and an agreement with its signatories, as the minutes print them', () => {
    uiLanguage = 'ar';
    const t = text(render(DecisionsPanel, base));
    expect(t).toContain('التصويت الموافقون: 2، المعارضون: 1، الممتنعون: 0 صوت بالموافقة كل من: السيد محمد العلمي، السيدة فاطمة الزهراء بناني صوت بالرفض: السيد يوسف التازي');
    expect(t).toContain('اتفاقية');
    expect(t).toContain('الموقعون السيد محمد العلمي، عن ولاية الجهة السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي');
    uiLanguage = 'fr';
    const fr = text(render(DecisionsPanel, base));
    // Each Arabic name and title set apart by marks, as the French minutes print them.
    expect(fr).toContain('Ont voté pour : M. \u200Eمحمد العلمي\u200E, Mme \u200Eفاطمة الزهراء بناني\u200E');
    expect(fr).toContain('Signataires M. \u200Eمحمد العلمي\u200E, \u200Eعن ولاية الجهة\u200E');
  });

  it('offers as voters the participants present, and anyone already picked', () => {
    const offered = votersOffered(council.participants, {}).map((p) => p.id);
    expect(offered).not.toContain('p-idrissi');
    expect(offered).toContain('p-alami');
    expect(votersOffered(council.participants, { 'p-idrissi': 'for' }).map((p) => p.id)).toContain('p-idrissi');
    // A chair marked absent is present (shared/domain/chairs.ts).
    expect(votersOffered(council.participants, {}, new Set(['p-idrissi'])).map((p) => p.id)).toContain('p-idrissi');
  });

  it('draws one choice per voter, with how they voted selected, and a button for the rest', () => {
    uiLanguage = 'fr';
    const people = votersOffered(council.participants, {});
    const html = render(VotersPicker, { people, value: { 'p-alami': 'for', 'p-tazi': 'abstain' }, onChange: () => undefined, idPrefix: 'x' });
    expect(html.match(/<select /g)).toHaveLength(people.length);
    expect(html).toContain('aria-label="Vote de محمد العلمي"');
    expect(html).toMatch(/id="x-voter-p-alami"[^>]*>.*?<option value="for" selected="">Pour<\/option>/);
    expect(html).toMatch(/id="x-voter-p-tazi"[^>]*>.*?<option value="abstain" selected="">Abstention<\/option>/);
    expect(text(html)).toContain('Les autres votent pour');
  });
});
