// The DOCX as a person sees it: rendered by LibreOffice to PDF, read back with pdftotext, and
// kept as PNG pages in test-results/minutes/ to look at (direction, alignment, joined letters,
// nothing clipped, tables readable).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
const artefacts = join(root, 'test-results/minutes');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

async function have(cmd: string, arg: string): Promise<boolean> {
  return run(cmd, [arg]).then(
    () => true,
    () => false,
  );
}
/**
 * The sample consultation in three languages, the same approved, and a council session chaired by
 * a woman, with absent and excused members, a convocation and a confirmed "no decision".
 */
const council: Meeting = {
  ...sample,
  type: 'council',
  title: 'الدورة العادية لشهر أكتوبر',
  chair: 'فاطمة الزهراء بناني',
  place: 'الرباط',
  convocationReference: '2026/112',
  convocationDate: '2026-10-28',
  legalBasis: 'المادة 33 من القانون التنظيمي رقم 113.14 المتعلق بالجماعات',
  membersTotal: 9,
  participants: sample.participants.map((p) =>
    p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p.id === 'p-dupont' ? { ...p, attendance: 'excused' } : p,
  ),
  decisions: [],
  noDecisionConfirmed: true,
};
const variants = {
  ar: [sample, 'ar'],
  fr: [sample, 'fr'],
  en: [sample, 'en'],
  'ar-approved': [{ ...sample, status: 'approved' }, 'ar'],
  'council-ar': [council, 'ar'],
  'council-fr': [{ ...council, place: 'Rabat' }, 'fr'],
} satisfies Record<string, [Meeting, Language]>;
type Variant = keyof typeof variants;

const haveTools = (await have('soffice', '--version')) && (await have('pdftotext', '-v'));



describe.skipIf(!haveTools)('the minutes rendered by LibreOffice', () => {
  const profile = join(tmpdir(), `mahdar-lo-${process.pid}-${Date.now()}`);
  const texts = new Map<Variant, string>();
  const pages = new Map<Variant, number>();
  /** Each page's text, for what must be on every page (the draft mark). */
  const pageTexts = new Map<Variant, string[]>();

  beforeAll(async () => {
    rmSync(artefacts, { recursive: true, force: true });
    mkdirSync(artefacts, { recursive: true });
    for (const [key, [meeting, lang]] of Object.entries(variants) as [Variant, [Meeting, Language]][]) {
      const docx = join(artefacts, `minutes-${key}.docx`);
      writeFileSync(docx, await renderDocx(buildMinutes(meeting, lang)));
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artefacts, docx], { timeout: 180_000 });
      const pdf = join(artefacts, `minutes-${key}.pdf`);
      // Lines are joined: a phrase may wrap at the end of a line.
      const raw = (await run('pdftotext', [pdf, '-'])).stdout;
      texts.set(key, logical(raw).replace(/\s+/g, ' '));
      pageTexts.set(key, raw.split('\f').filter((p) => p.trim()).map((p) => logical(p).replace(/\s+/g, ' ')));
      await run('pdftoppm', ['-png', '-r', '60', pdf, join(artefacts, key)]);
      pages.set(key, readdirSync(artefacts).filter((f) => new RegExp(`^${key}-\\d+\\.png$`).test(f)).length);
    }
  }, 600_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('keeps the Arabic text in logical order, letters joined into words', () => {
    const t = texts.get('ar')!;
    expect(t).toContain('المملكة المغربية');
    expect(t).toContain('وزارة الداخلية');
    expect(t).toContain('محضر اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية');
    expect(t).toContain('في يوم الخميس 12 نونبر 2026 الموافق لـ 2 جمادى الآخرة 1448 هـ');
    expect(t).toContain('تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة:');
    expect(t).toContain('تدخلت السيدة فاطمة الزهراء بناني');
    // A Latin name inside Arabic text, and a Latin web address, come out whole and in place.
    expect(t).toContain('تدخل السيد Jean Dupont، خبير في الإدارة الإلكترونية:');
    expect(t).toContain('watiqa.ma');
    expect(t).toContain('القانون رقم 55.19');
    expect(t).toContain('رفعت الجلسة على الساعة 12:30');
  });

  it('has every section heading, in order', () => {
    const t = texts.get('ar')!;
    const headings = ['لائحة الحضور', 'جدول الأعمال', 'سير الأشغال', 'القرارات والتوصيات', 'التوقيعات', 'ملحق: التفريغ الحرفي الكامل للاجتماع'];
    let at = 0;
    for (const h of headings) {
      const i = t.indexOf(h, at);
      expect(i, h).toBeGreaterThan(-1);
      at = i;
    }
    for (const s of ['رئيس الجلسة', 'كاتب الجلسة', 'الجهة المكلفة', 'التوقيع', 'المرجع: 2026/045']) expect(t).toContain(s);
  });

  it('numbers the pages "الصفحة X من Y"', () => {
    const n = pages.get('ar')!;
    expect(n).toBeGreaterThanOrEqual(3);
    const t = texts.get('ar')!;
    for (let i = 1; i <= n; i++) expect(t).toContain(`الصفحة ${i} من ${n}`);
  });

  it('renders the French and English variants', () => {
    const fr = texts.get('fr')!;
    for (const s of ['Procès-verbal', 'Liste de présence', 'Ordre du jour', 'Déroulement de la séance', 'Décisions et recommandations', 'Annexe : transcription intégrale', `Page 1 sur ${pages.get('fr')}`]) {
      expect(fr).toContain(s);
    }
    const en = texts.get('en')!;
    for (const s of ['Minutes', 'Attendance', 'Agenda', 'Proceedings', 'Decisions and recommendations', 'Annex: full transcript', `Page 1 of ${pages.get('en')}`]) {
      expect(en).toContain(s);
    }
  });

  // Column widths come from the content (main/export/docx.ts), so no word of a table is cut in
  // two whichever Latin font stands in for Times New Roman (Liberation Serif where installed,
  // else DejaVu Serif): every word of every cell comes out whole, as one word of the PDF.
  it('breaks no word inside a table cell', async () => {
    const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const html = (await run('pdftotext', ['-bbox', join(artefacts, `minutes-${lang}.pdf`), '-'])).stdout;
      // pdftotext sometimes splits one Arabic word where a glyph sits a hair apart (0.1 pt):
      // pieces that touch on one line of one page are one word (the right piece first in Arabic).
      const joined: PdfWord[] = [];
      for (const page of html.split('<page ').slice(1)) {
        const { words } = parseBbox(`<page ${page}`);
        let last: PdfWord | undefined;
        for (const w of words.sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)) {
          if (last && Math.abs(last.yMin - w.yMin) < 0.5 && Math.abs(w.xMin - last.xMax) < 1) {
            last.text = /[\u0600-\u06FF]/.test(w.text + last.text) ? w.text + last.text : last.text + w.text;
            last.xMax = w.xMax;
          } else joined.push((last = { ...w }));
        }
      }
      const printed = new Set(joined.map((w) => bare(w.text)));
      const model = buildMinutes(sample, lang);
      let checked = 0;
      for (const block of model.sections.flatMap((s) => s.blocks)) {
        if (block.kind !== 'table') continue;
        for (const cell of [block.header, ...block.rows].flat()) {
          // A line may end after a hyphen (2022-2027, procès-verbal): its parts are words here.
          for (const word of cell.split(/[\s\-–]+/).map(bare).filter(Boolean)) {
            expect(printed.has(word), `${lang} ${block.role}: "${word}" is cut`).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    }
  });

  it('lays Arabic pages out from the right: headings, paragraphs and table columns', async () => {
    const { width, words } = parseBbox((await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(artefacts, 'minutes-ar.pdf'), '-'])).stdout);
    const margin = 56.7; // 2 cm
    const find = (text: string): PdfWord => {
      const w = words.find((x) => x.text === text);
      expect(w, text).toBeDefined();
      return w!;
    };
    // A heading (the second "لائحة" of the page: the first is in the opening paragraph) and the
    // first word of the opening paragraph touch the right margin.
    const heading = words.filter((x) => x.text === 'لائحة').at(-1)!;
    expect(heading.xMax).toBeCloseTo(width - margin, -1);
    expect(find('يوم').xMax).toBeGreaterThan(width - margin - 40);
    // The letterhead sits on the right half, the reference and date on the left half.
    expect(find('المملكة').xMin).toBeGreaterThan(width / 2);
    expect(find('2026/045').xMin).toBeLessThan(width / 2);
    // The attendance table runs right to left: number column rightmost, signature column leftmost.
    const num = find('ر.ت');
    const sig = find('التوقيع');
    const name = find('الكامل');
    expect(num.xMin).toBeGreaterThan(name.xMax);
    expect(sig.xMax).toBeLessThan(name.xMin);
    expect(num.xMax).toBeGreaterThan(width - margin - 30);
    // The page number is centred.
    const page = find('الصفحة');
    expect(Math.abs((page.xMin + page.xMax) / 2 - width / 2)).toBeLessThan(60);
  });

  it('lays French pages out from the left', async () => {
    const { width, words } = parseBbox((await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(artefacts, 'minutes-fr.pdf'), '-'])).stdout);
    const find = (text: string) => words.find((x) => x.text === text)!;
    expect(find('Liste').xMin).toBeCloseTo(56.7, -1);
    expect(find('N°').xMax).toBeLessThan(find('Signature').xMin);
    expect(find('Signature').xMax).toBeLessThan(width - 50);
  });

  it('marks every page of a draft as a draft, and no page once approved', () => {
    for (const [key, mark] of [['ar', 'مسودة'], ['fr', 'Projet'], ['en', 'Draft']] as const) {
      const each = pageTexts.get(key)!;
      expect(each.length, key).toBeGreaterThanOrEqual(3);
      each.forEach((text, i) => expect(text, `${key} page ${i + 1}`).toContain(mark));
    }
    const approved = pageTexts.get('ar-approved')!;
    expect(approved.length).toBeGreaterThanOrEqual(3);
    for (const text of approved) expect(text).not.toContain('مسودة');
  });

  it('a council session signed by a woman chair, with attendance by status, quorum and the closing formula', () => {
    const ar = texts.get('council-ar')!;
    for (const s of [
      'بناء على الاستدعاء رقم 2026/112 بتاريخ 28 أكتوبر 2026',
      'برئاسة السيدة فاطمة الزهراء بناني',
      // Each list's heading agrees with whom it lists: one woman absent, one man excused.
      'الغائبة:',
      'السيدة خديجة الإدريسي',
      'المعتذر:',
      'النصاب القانوني: عدد الأعضاء الحاضرين 5 من أصل 9.',
      'لم يتخذ أي قرار ولم تصدر أي توصية.',
      'حرر بالرباط في 12 نونبر 2026.',
      'رئيسة الجلسة',
      'الخاتم',
    ])
      expect(ar).toContain(s);
    expect(ar).not.toContain('رئيس الجلسة');
    const fr = texts.get('council-fr')!;
    // pdftotext sets these French pages in a right-to-left frame (Arabic letterhead): a final
    // full stop may come out at the start of its line, so phrases are checked without it.
    for (const s of ['Vu la convocation n° 2026/112 du 28 octobre 2026', 'La présidente de séance', 'Cachet', 'Absente', 'Excusé', 'Quorum : 5 membres présents sur 9', 'Fait à Rabat, le 12 novembre 2026'])
      expect(fr).toContain(s);
  });

  it('keeps PNG pages as artefacts', () => {
    for (const lang of ['ar', 'fr', 'en'] as const) expect(pages.get(lang)).toBeGreaterThanOrEqual(3);
  });
});
