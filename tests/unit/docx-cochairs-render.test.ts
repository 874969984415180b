// A council session chaired by two officials (a woman first), with absent and excused members, a
// vote and an annex, exported as DOCX in Arabic and French, rendered by LibreOffice and read back
// from the PDF: both chairs in the opening and under the signatures, the vote line whole, the
// transcript annex listed; and in French, on the page, each Arabic name right after its «M.» or
// «Mme» and before its title. PNG pages are kept in test-results/minutes-cochairs/.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chairFields, meetingSchema, type Language, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { bidiPieces } from '../../shared/text/bidi.ts';
import { renderDocx } from '../../main/export/docx.ts';
import { logical, parseBbox, type PdfWord } from './docx-pdftext.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const artefacts = join(root, 'test-results/minutes-cochairs');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

const meeting: Meeting = {
  ...sample,
  type: 'council',
  ...chairFields([
    { id: 'c-minister', name: 'فاطمة الزهراء بناني', gender: 'f' },
    { id: 'c-wali', name: 'عبد الرحيم بناني', title: 'والي جهة بني ملال خنيفرة', gender: 'm' },
  ]),
  membersTotal: 9,
  participants: sample.participants.map((p) =>
    p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p.id === 'p-ouazzani' ? { ...p, attendance: 'excused' } : p,
  ),
  decisions: sample.decisions.map((d, i) => (i === 0 ? { ...d, vote: { kind: 'counts', for: 12, against: 3, abstain: 1 } } : d)),
  annexes: [{ id: 'x-01', title: 'نص الاتفاقية الموقعة' }],
};

async function have(cmd: string, arg: string): Promise<boolean> {
  return run(cmd, [arg]).then(
    () => true,
    () => false,
  );
}
const haveTools = (await have('soffice', '--version')) && (await have('pdftotext', '-v'));

/** A word without the punctuation pdftotext leaves stuck to it. */
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Where the words of `name` and `title` sit on the line of an `honorific` they follow, or null when
 * no line holds the honorific with all of them after it.
 */
function placed(words: PdfWord[], honorific: string, name: string, title: string) {
  for (const h of words.filter((w) => w.text === honorific)) {
    const after = words.filter((w) => Math.abs(w.yMin - h.yMin) < 4 && w.xMin >= h.xMax - 0.5);
    const find = (phrase: string) => phrase.split(' ').map((part) => after.find((w) => bare(w.text) === part));
    const [n, t] = [find(name), find(title)];
    if (n.every(Boolean) && t.every(Boolean)) {
      const box = (ws: (PdfWord | undefined)[]) => ({ from: Math.min(...ws.map((w) => w!.xMin)), to: Math.max(...ws.map((w) => w!.xMax)) });
      return { honorificEnd: h.xMax, name: box(n), title: box(t) };
    }
  }
  return null;
}

/** The words of each line, left to right: Arabic glyphs stand up to 2 points higher than Latin ones. */
function linesOf(words: PdfWord[]): string[] {
  const lines: PdfWord[][] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin)) {
    const line = lines.find((l) => Math.abs(l[0]!.yMin - w.yMin) < 3);
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' '));
}

describe.skipIf(!haveTools)('the minutes of a co-chaired council, rendered by LibreOffice', () => {
  const profile = join(tmpdir(), `mahdar-lo-cochairs-${process.pid}-${Date.now()}`);
  const texts = new Map<Language, string>();
  let frWords: PdfWord[] = [];

  beforeAll(async () => {
    rmSync(artefacts, { recursive: true, force: true });
    mkdirSync(artefacts, { recursive: true });
    for (const lang of ['ar', 'fr'] as const) {
      const docx = join(artefacts, `cochairs-${lang}.docx`);
      writeFileSync(docx, await renderDocx(buildMinutes(meeting, lang)));
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artefacts, docx], { timeout: 180_000 });
      const pdf = join(artefacts, `cochairs-${lang}.pdf`);
      if (lang === 'ar') texts.set(lang, logical((await run('pdftotext', [pdf, '-'])).stdout).replace(/\s+/g, ' '));
      await run('pdftoppm', ['-png', '-r', '60', pdf, join(artefacts, `cochairs-${lang}`)]);
    }
    const html = (await run('pdftotext', ['-bbox', join(artefacts, 'cochairs-fr.pdf'), '-'])).stdout;
    frWords = html
      .split('<page ')
      .slice(1)
      .flatMap((page, i) => parseBbox(`<page ${page}`).words.map((w) => ({ ...w, yMin: w.yMin + i * 10_000 })));
    // pdftotext takes a French line holding Arabic for a right-to-left one: the text is read from
    // the words' boxes instead, line by line, left to right.
    texts.set('fr', linesOf(frWords).join(' ').replace(/\s+/g, ' '));
  }, 600_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('names both chairs in Arabic, each signing in the role that agrees with them, and lists the transcript annex', () => {
    const t = texts.get('ar')!;
    expect(t).toContain('برئاسة السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي، رفقة السيد عبد الرحيم بناني، والي جهة بني ملال خنيفرة');
    for (const s of ['الرئيسة المشاركة للجلسة', 'الرئيس المشارك للجلسة', 'كاتب الجلسة', 'الغائبة:', 'المعتذر:', 'الموافقون: 12، المعارضون: 3، الممتنعون: 1']) {
      expect(t).toContain(s);
    }
    const annexes = t.indexOf('المرفقات:');
    expect(annexes).toBeGreaterThan(-1);
    expect(t.indexOf('نص الاتفاقية الموقعة', annexes)).toBeLessThan(t.indexOf('التفريغ الحرفي الكامل للاجتماع', annexes));
    expect(t.indexOf('التفريغ الحرفي الكامل للاجتماع', annexes)).toBeLessThan(t.indexOf('حرر ب', annexes));
  });

  it('says it in French: coprésidence, coprésidente, «1448 H», the vote and the annexes', () => {
    const t = texts.get('fr')!;
    for (const s of ['sous la coprésidence de Mme', 'La coprésidente de séance', 'Le coprésident de séance', '1448 H)', 'Absente :', 'Excusé :', 'Pour : 12, contre : 3, abstentions : 1']) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('réunion de consultation');
    // The first chair's title is closed by a comma before «et de M.» (the Arabic title reads right
    // to left, so its first word, المديرة, is the one beside the comma on the page).
    expect(t).toContain('المديرة , et de M.');
    const annexes = t.indexOf('Annexes :');
    expect(annexes).toBeGreaterThan(-1);
    expect(t.indexOf('Transcription intégrale de la réunion', annexes)).toBeLessThan(t.indexOf('Fait à', annexes));
  });

  it('binds each «:» of the vote line to its word with a no-break space, so no line begins with it', () => {
    const xml = strFromU8(unzipSync(readFileSync(join(artefacts, 'cochairs-fr.docx')))['word/document.xml']!);
    expect(xml).toContain('Pour\u00A0: 12, contre\u00A0: 3, abstentions\u00A0: 1');
    for (const word of ['Pour', 'contre', 'abstentions']) {
      const w = frWords.find((x) => x.text === word)!;
      expect(frWords.some((x) => x.text.startsWith(':') && Math.abs(x.yMin - w.yMin) < 1 && x.xMin > w.xMax && x.xMin - w.xMax < 6), word).toBe(true);
    }
  });

  it('prints each Arabic name right after «M.» or «Mme», then the comma, then the title, left to right', () => {
    const people: [string, string, string][] = [
      // An intervention heading, the absent and the excused lists.
      ['M.', 'محمد العلمي', 'والي جهة الرباط سلا القنيطرة'],
      ['Mme', 'خديجة الإدريسي', 'رئيسة مصلحة الحالة المدنية'],
      ['M.', 'عبد الرحيم الوزاني', 'ممثل المجلس الجهوي'],
    ];
    for (const [honorific, name, title] of people) {
      const at = placed(frWords, honorific, name, title);
      expect(at, name).not.toBeNull();
      expect(at!.name.from - at!.honorificEnd, `${name} follows ${honorific}`).toBeLessThan(8);
      expect(at!.name.to, `${name} before its title`).toBeLessThan(at!.title.from);
    }
  });
});

describe('a French heading naming an Arabic speaker', () => {
  it('gives the writer one run for the name and one for the title, the comma between them left to right', () => {
    const heading = buildMinutes(meeting, 'fr').sections.find((s) => s.id === 'proceedings')!.blocks.find((b) => b.kind === 'intervention')!;
    if (heading.kind !== 'intervention') throw new Error('no intervention');
    expect(bidiPieces(heading.heading, 'ltr').map((p) => [p.text.replace(/\u200E/g, ''), p.rtl])).toEqual([
      ['Intervention de M. ', false],
      ['محمد العلمي', true],
      [', ', false],
      ['والي جهة الرباط سلا القنيطرة', true],
      ['\u00A0:', false],
    ]);
  });
});
