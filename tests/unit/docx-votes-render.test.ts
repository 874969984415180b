// A council session and a consultation with the same decisions (a nominal vote, an agreement with
// its signatories) and annexes, exported as DOCX, rendered by LibreOffice and read back as a
// reader reads the pages: the council prints the voters' names under the counts, the consultation
// only the counts; both print the signatories and the numbered annexes; every page is marked as
// a draft; no word of a table is cut. PNG pages are kept in test-results/minutes-votes/.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSchema, type Language, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { renderDocx } from '../../main/export/docx.ts';
import { logical, parseBbox, type PdfWord } from './docx-pdftext.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const artefacts = join(root, 'test-results/minutes-votes');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

const council: Meeting = {
  ...sample,
  type: 'council',
  title: 'الدورة العادية لشهر أكتوبر',
  place: 'الرباط',
  membersTotal: 9,
  participants: sample.participants.map((p) => (p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p)),
  decisions: [
    {
      ...sample.decisions[0]!,
      vote: {
        kind: 'counts',
        for: 3,
        against: 1,
        abstain: 1,
        voters: { for: ['p-alami', 'p-bennani', 'p-tazi'], against: ['p-ouazzani'], abstain: ['p-amrani'] },
      },
    },
    { ...sample.decisions[1]!, vote: { kind: 'unanimous' } },
    {
      id: 'd-04',
      kind: 'agreement',
      text: 'اتفاقية شراكة بين ولاية الجهة ووكالة التنمية الرقمية لتمويل ربط الجماعات القروية بالألياف البصرية.',
      segmentIds: [],
      owner: 'وكالة التنمية الرقمية',
      deadline: '',
      vote: { kind: 'unanimous' },
      signatories: [{ participantId: 'p-alami', capacity: 'عن ولاية الجهة' }, { participantId: 'p-bennani' }],
    },
  ],
  annexes: [
    { id: 'x-01', title: 'نص اتفاقية الشراكة الموقعة' },
    { id: 'x-02', title: 'لائحة الحضور الموقعة' },
  ],
};
const consultation: Meeting = { ...council, type: 'consultation', title: sample.title };
const variants = {
  'council-ar': [council, 'ar'],
  'council-fr': [{ ...council, place: 'Rabat' }, 'fr'],
  'consultation-ar': [consultation, 'ar'],
  'consultation-fr': [{ ...consultation, place: 'Rabat' }, 'fr'],
} satisfies Record<string, [Meeting, Language]>;
type Variant = keyof typeof variants;

async function have(cmd: string, arg: string): Promise<boolean> {
  return run(cmd, [arg]).then(
    () => true,
    () => false,
  );
}
const haveTools = (await have('soffice', '--version')) && (await have('pdftotext', '-v'));

describe.skipIf(!haveTools)('voters, signatories and annexes, rendered by LibreOffice', () => {
  const profile = join(tmpdir(), `mahdar-lo-votes-${process.pid}-${Date.now()}`);
  const texts = new Map<Variant, string>();
  const pageTexts = new Map<Variant, string[]>();

  beforeAll(async () => {
    rmSync(artefacts, { recursive: true, force: true });
    mkdirSync(artefacts, { recursive: true });
    const docs: string[] = [];
    for (const [key, [meeting, lang]] of Object.entries(variants) as [Variant, [Meeting, Language]][]) {
      const docx = join(artefacts, `${key}.docx`);
      writeFileSync(docx, await renderDocx(buildMinutes(meeting, lang)));
      docs.push(docx);
    }
    // One LibreOffice start for the four documents: it is the slow part on two cores.
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artefacts, ...docs], { timeout: 300_000 });
    for (const key of Object.keys(variants) as Variant[]) {
      const pdf = join(artefacts, `${key}.pdf`);
      const raw = (await run('pdftotext', [pdf, '-'])).stdout;
      // Lines are joined: a phrase may wrap at the end of a line or of a table cell.
      texts.set(key, logical(raw).replace(/\s+/g, ' '));
      pageTexts.set(key, raw.split('\f').filter((p) => p.trim()).map((p) => logical(p).replace(/\s+/g, ' ')));
      await run('pdftoppm', ['-png', '-r', '60', pdf, join(artefacts, key)]);
    }
  }, 400_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  /** Asserts the phrases appear in this order, each after the previous one. */
  const inOrder = (t: string, phrases: string[]) => {
    let at = -1;
    for (const p of phrases) {
      const i = t.indexOf(p, at + 1);
      expect(i, p).toBeGreaterThan(at);
      at = i;
    }
  };

  it('prints the voters\' names under the counts of a council\'s decision (Arabic)', () => {
    inOrder(texts.get('council-ar')!, [
      'إحداث لجنة جهوية لتتبع رقمنة الخدمات العمومية',
      'الموافقون: 3، المعارضون: 1، الممتنعون: 1',
      'صوت بالموافقة كل من: السيد محمد العلمي، السيدة فاطمة الزهراء بناني، السيد يوسف التازي',
      'صوت بالرفض: السيد عبد الرحيم الوزاني',
      'امتنع عن التصويت: سعاد العمراني',
    ]);
  });

  // pdftotext reads these French pages in a right-to-left frame (Arabic letterhead) and moves the
  // punctuation at the ends of Latin stretches: the Latin phrases are checked without it.
  it('prints the names in the French minutes of a council, each line in its own direction', () => {
    const t = texts.get('council-fr')!;
    inOrder(t, ['Pour : 3, contre : 1, abstentions : 1', 'Ont voté pour', 'A voté contre', 'S’est abstenu']);
    for (const name of ['محمد العلمي', 'فاطمة الزهراء بناني', 'يوسف التازي', 'عبد الرحيم الوزاني', 'سعاد العمراني']) expect(t).toContain(name);
  });

  it('prints only the counts in a consultation', () => {
    for (const key of ['consultation-ar', 'consultation-fr'] as const) {
      const t = texts.get(key)!;
      expect(t).not.toContain('صوت بالموافقة');
      expect(t).not.toContain('Ont voté pour');
    }
    expect(texts.get('consultation-ar')).toContain('الموافقون: 3، المعارضون: 1، الممتنعون: 1');
    expect(texts.get('consultation-fr')).toContain('Pour : 3, contre : 1, abstentions : 1');
  });

  it('prints an agreement\'s signatories under its text', () => {
    for (const key of ['council-ar', 'consultation-ar'] as const) {
      inOrder(texts.get(key)!, [
        'اتفاقية شراكة بين ولاية الجهة',
        'الموقعون:',
        'السيد محمد العلمي، عن ولاية الجهة',
        'السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي',
      ]);
    }
    // (The kind's column comes out after the text's in pdftotext's right-to-left reading.)
    expect(texts.get('council-fr')).toContain('Convention');
    inOrder(texts.get('council-fr')!, ['Signataires', 'عن ولاية الجهة', 'فاطمة الزهراء بناني']);
  });

  it('lists the annexes in the closing, numbered from 1 (not after the agenda), before the place and date', async () => {
    inOrder(texts.get('council-ar')!, ['رفعت الجلسة', 'المرفقات:', 'نص اتفاقية الشراكة الموقعة', 'لائحة الحضور الموقعة', 'حرر بالرباط في 12 نونبر 2026']);
    inOrder(texts.get('council-fr')!, ['la séance a été levée', 'Annexes', 'نص اتفاقية الشراكة الموقعة', 'لائحة الحضور الموقعة', 'Fait à Rabat']);
    // Each title on one printed line with its number, 1 and 2: the agenda's four points do not
    // carry on into the annexes' numbers (pdftotext may write "1." as ".1" in a right-to-left line).
    for (const key of ['council-ar', 'council-fr'] as const) {
      const lines = (await run('pdftotext', ['-layout', join(artefacts, `${key}.pdf`), '-'])).stdout.replace(/[\u200E\u200F\u202A-\u202E]/g, '').split('\n');
      const numberOf = (title: string) => /(?:^|\s)(?:(\d+)\.|\.(\d+))(?:\s|$)/.exec(lines.find((l) => l.includes(title)) ?? '')?.slice(1).find(Boolean);
      expect(numberOf('نص اتفاقية الشراكة الموقعة'), key).toBe('1');
      expect(numberOf('لائحة الحضور الموقعة'), key).toBe('2');
    }
  });

  it('marks every page as a draft', () => {
    for (const [key, mark] of [['council-ar', 'مسودة'], ['council-fr', 'Projet'], ['consultation-ar', 'مسودة'], ['consultation-fr', 'Projet']] as const) {
      const pages = pageTexts.get(key)!;
      expect(pages.length, key).toBeGreaterThanOrEqual(3);
      pages.forEach((p, i) => expect(p, `${key} page ${i + 1}`).toContain(mark));
    }
  });

  it('cuts no word of the decisions table in two', async () => {
    const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    for (const key of ['council-ar', 'council-fr'] as const) {
      const html = (await run('pdftotext', ['-bbox', join(artefacts, `${key}.pdf`), '-'])).stdout;
      // Pieces of one word that touch on one line are one word (pdftotext splits some Arabic words).
      const joined: PdfWord[] = [];
      for (const page of html.split('<page ').slice(1)) {
        let last: PdfWord | undefined;
        for (const w of parseBbox(`<page ${page}`).words.sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)) {
          if (last && Math.abs(last.yMin - w.yMin) < 0.5 && Math.abs(w.xMin - last.xMax) < 1) {
            last.text = /[\u0600-\u06FF]/.test(w.text + last.text) ? w.text + last.text : last.text + w.text;
            last.xMax = w.xMax;
          } else joined.push((last = { ...w }));
        }
      }
      const printed = new Set(joined.map((w) => bare(w.text)));
      const [meeting, lang] = variants[key];
      const table = buildMinutes(meeting, lang).sections.find((s) => s.id === 'decisions')!.blocks.find((b) => b.kind === 'table')!;
      if (table.kind !== 'table') throw new Error('no decisions table');
      for (const cell of table.rows.flat()) {
        for (const word of cell.split(/[\s\-–]+/).map(bare).filter(Boolean)) expect(printed.has(word), `${key}: "${word}" is cut`).toBe(true);
      }
    }
  });
});
