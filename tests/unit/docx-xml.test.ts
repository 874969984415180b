// The DOCX as XML: direction, fonts, tables, page numbers and archive properties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { bidiPieces, docxPart, firstStrongIsArabic, renderDocx } from '../../main/export/docx.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

/** Paragraphs of document.xml, as XML strings. */
const paragraphs = (xml: string) => xml.match(/<w:p>[^]*?<\/w:p>|<w:p [^>]*>[^]*?<\/w:p>/g) ?? [];
const textOf = (p: string) =>
  (p.replace(/<w:noBreakHyphen\/>/g, '<w:t>-</w:t>').match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');

describe('bidi runs', () => {
  it('gives Latin spans their own ltr runs inside Arabic text, digits and punctuation stay rtl', () => {
    expect(bidiPieces('تدخل السيد Jean Dupont، خبير:', 'rtl')).toEqual([
      { text: 'تدخل السيد ', rtl: true },
      { text: 'Jean Dupont', rtl: false },
      { text: '، خبير:', rtl: true },
    ]);
    expect(bidiPieces('عبر الموقع watiqa.ma، بنسبة 20%.', 'rtl')).toEqual([
      { text: 'عبر الموقع ', rtl: true },
      { text: 'watiqa.ma', rtl: false },
      { text: '، بنسبة 20%.', rtl: true },
    ]);
    // Between two Arabic words the punctuation belongs to the Arabic text (as the bidi algorithm
    // reads it); after the last one, the French colon stays with the French sentence.
    expect(bidiPieces('Intervention de M. محمد العلمي, والي :', 'ltr')).toEqual([
      { text: 'Intervention de M. ', rtl: false },
      { text: 'محمد العلمي, والي', rtl: true },
      { text: ' :', rtl: false },
    ]);
    expect(firstStrongIsArabic('(12) وزارة')).toBe(true);
    expect(firstStrongIsArabic('12 Agence')).toBe(false);
  });
});

describe('Arabic DOCX', () => {
  let docx: Uint8Array;
  let doc: string;
  beforeAll(async () => {
    docx = await renderDocx(buildMinutes(sample, 'ar'));
    doc = docxPart(docx, 'word/document.xml')!;
  });

  it('is a valid package with the parts Word needs', () => {
    const names = Object.keys(unzipSync(docx));
    expect(names[0]).toBe('[Content_Types].xml');
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/fontTable.xml', 'docProps/core.xml', 'docProps/custom.xml', 'docProps/app.xml', '_rels/.rels']) {
      expect(names).toContain(part);
    }
    expect(docxPart(docx, '[Content_Types].xml')).toContain('/docProps/custom.xml');
  });

  it('makes every body paragraph bidi and every Arabic run rtl', () => {
    const ps = paragraphs(doc);
    expect(ps.length).toBeGreaterThan(50);
    for (const p of ps) expect(p, textOf(p)).toContain('<w:bidi/>');
    const runs = doc.match(/<w:r>[^]*?<\/w:r>/g)!;
    for (const r of runs) {
      const t = textOf(r);
      if (/[\u0600-\u06FF]/.test(t)) expect(r, t).toContain('<w:rtl/>');
    }
  });

  it('keeps Latin names in their own runs without rtl', () => {
    const run = doc.match(/<w:r>(?:(?!<\/w:r>)[^])*>Jean Dupont<\/w:t><\/w:r>/g)!;
    expect(run.length).toBeGreaterThanOrEqual(3); // attendance, intervention heading, annex
    for (const r of run) expect(r).not.toContain('<w:rtl/>');
  });

  it('aligns to the right: jc written as Word reads bidi paragraphs (left = start), never start/end', () => {
    expect(doc).not.toMatch(/<w:jc w:val="(start|end)"\/>/);
    const heading = paragraphs(doc).find((p) => textOf(p) === 'لائحة الحضور')!;
    expect(heading).toContain('<w:jc w:val="left"/>');
    expect(heading).toContain('<w:pStyle w:val="Heading1"/>');
    const title = paragraphs(doc).find((p) => textOf(p).startsWith('محضر '))!;
    expect(title).toContain('<w:jc w:val="center"/>');
    const opening = paragraphs(doc).find((p) => textOf(p).startsWith('في يوم'))!;
    expect(opening).toContain('<w:jc w:val="both"/>');
  });

  it('sets the Arabic font on the complex script slot, with a size for it', () => {
    const styles = docxPart(docx, 'word/styles.xml')!;
    expect(styles).toMatch(/<w:rFonts w:ascii="Amiri" w:cs="Amiri" w:eastAsia="Amiri" w:hAnsi="Amiri"\/>/);
    expect(styles).toMatch(/<w:szCs w:val="28"\/>/);
    expect(styles).toContain('w:bidi="ar-MA"');
    expect(doc).toContain('<w:szCs w:val="28"/>');
    expect(doc).toContain('<w:bCs/>');
    const fonts = docxPart(docx, 'word/fontTable.xml')!;
    expect(fonts).toContain('<w:font w:name="Amiri"><w:altName w:val="Traditional Arabic"/>');
    expect(fonts).toMatch(/w:name="Amiri">[^]*?<w:charset w:val="B2"\/>/);
    for (const f of ['Noto Naskh Arabic', 'Traditional Arabic', 'Arial']) expect(fonts).toContain(`w:name="${f}"`);
  });

  it('lays every table out right to left, with a header row repeated on each page', () => {
    const tables = doc.match(/<w:tbl>[^]*?<\/w:tblPr>/g)!;
    expect(tables.length).toBe(5); // letterhead, attendance, decisions, signatures, transcript
    for (const t of tables) expect(t).toContain('<w:bidiVisual/>');
    expect((doc.match(/<w:tblHeader\/>/g) ?? []).length).toBe(3);
    const attendanceHeader = doc.indexOf('>التوقيع<');
    expect(attendanceHeader).toBeGreaterThan(0);
  });

  it('numbers pages "الصفحة X من Y" with PAGE and NUMPAGES fields', () => {
    const footer = docxPart(docx, 'word/footer1.xml')!;
    const text = footer.replace(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g, '{$1}').replace(/<[^>]+>/g, '');
    expect(text.replace(/\s+/g, ' ')).toMatch(/الصفحة \{ ?PAGE ?\}.*من \{ ?NUMPAGES ?\}/);
    expect(footer).toContain('<w:bidi/>');
    expect(footer).toContain('<w:rtl/>');
  });

  it('writes the core properties for archives, and the meeting id as a custom property', () => {
    const core = docxPart(docx, 'docProps/core.xml')!;
    expect(core).toContain('<dc:title>محضر اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية</dc:title>');
    expect(core).toContain('<dc:subject>اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية</dc:subject>');
    expect(core).toContain('<dc:creator>يوسف التازي</dc:creator>');
    expect(core).toMatch(/<cp:keywords>محضر, اجتماع, [^<]*2026\/045<\/cp:keywords>/);
    expect(core).toMatch(/<dc:description>محضر اللقاء[^<]+<\/dc:description>/);
    expect(core).toContain('<cp:contentStatus>مسودة</cp:contentStatus>');
    expect(core).toContain('<dc:identifier>m-sample-digitisation</dc:identifier>');
    expect(core).toContain('<dc:language>ar-MA</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-12T09:40:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-12T14:05:00Z</dcterms:modified>');
    const custom = docxPart(docx, 'docProps/custom.xml')!;
    expect(custom).toMatch(/name="MahdarMeetingId"><vt:lpwstr>m-sample-digitisation<\/vt:lpwstr>/);
    expect(custom).toMatch(/name="MahdarStatus"><vt:lpwstr>draft<\/vt:lpwstr>/);
    expect(custom).toMatch(/name="MahdarRevision"><vt:lpwstr>1<\/vt:lpwstr>/);
  });

  it('keeps a number range as typed, so it reads as one left-to-right number group', () => {
    // A non-breaking hyphen (U+2011) is a neutral, not a number separator: in Arabic text it would
    // turn 2022-2027 around into 2027-2022. The plain hyphen is kept, at the cost of a possible wrap.
    expect(doc).toContain('2022-2027');
    expect(doc).not.toContain('<w:noBreakHyphen/>');
  });

  it('contains every segment text and is deterministic', async () => {
    const all = paragraphs(doc).map(textOf).join('\n');
    for (const s of sample.segments) expect(all).toContain(s.text);
    const again = await renderDocx(buildMinutes(sample, 'ar'));
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
  });

  it('drops characters XML forbids (control characters, unpaired surrogates) so Word opens the file', async () => {
    const bad = structuredClone(sample);
    bad.segments[0]!.text = 'نص\u0001مع\u000bتحكم\uFFFE و\uD800 نهاية\tبعد';
    bad.secretary = 'أ\u0002ب';
    const d = await renderDocx(buildMinutes(bad, 'ar'));
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;
    for (const part of ['word/document.xml', 'docProps/core.xml', 'docProps/app.xml']) expect(docxPart(d, part)).not.toMatch(forbidden);
    expect(docxPart(d, 'word/document.xml')).toContain('نصمعتحكم و\uFFFD نهاية بعد');
    expect(docxPart(d, 'docProps/core.xml')).toContain('<dc:creator>أب</dc:creator>');
  });

  it('escapes XML in every field', async () => {
    const evil = { ...sample, title: 'a <b> & "c"', secretary: '</dc:creator><x>' };
    const d = await renderDocx(buildMinutes(evil, 'ar'));
    const core = docxPart(d, 'docProps/core.xml')!;
    expect(core).toContain('<dc:subject>a &lt;b&gt; &amp; &quot;c&quot;</dc:subject>');
    expect(core).toContain('<dc:creator>&lt;/dc:creator&gt;&lt;x&gt;</dc:creator>');
  });
});

describe('mixed Latin and Arabic text (issue: minutes a Moroccan administration can sign)', () => {
  /** Runs of one paragraph: text and whether the run is rtl. */
  const runsOf = (p: string) =>
    (p.match(/<w:r>[^]*?<\/w:r>/g) ?? []).map((r) => ({ text: textOf(r), rtl: r.includes('<w:rtl/>') })).filter((r) => r.text);
  const mixed = 'La plateforme est en ligne : وهي متاحة على مدار الساعة، وبدون انقطاع. كما أنها مجانية. Elle est gratuite.';

  it('keeps an Arabic clause with its punctuation in one rtl run inside a Latin paragraph', async () => {
    expect(bidiPieces(mixed, 'ltr')).toEqual([
      { text: 'La plateforme est en ligne : ', rtl: false },
      { text: 'وهي متاحة على مدار الساعة، وبدون انقطاع. كما أنها مجانية.', rtl: true },
      { text: ' Elle est gratuite.', rtl: false },
    ]);
    const m = structuredClone(sample);
    m.segments[0]!.text = mixed;
    for (const lang of ['fr', 'en'] as const) {
      const doc = docxPart(await renderDocx(buildMinutes(m, lang)), 'word/document.xml')!;
      // The clause's closing full stop is followed by a right-to-left mark, for LibreOffice.
      const p = paragraphs(doc).find((x) => textOf(x) === mixed.replace('مجانية.', 'مجانية.\u200F'))!;
      expect(p, lang).toBeDefined();
      expect(p).not.toContain('<w:bidi/>');
      expect(runsOf(p).map((r) => ({ ...r, text: r.text.replace('\u200F', '') }))).toEqual(bidiPieces(mixed, 'ltr'));
    }
    // Latin inside an Arabic paragraph keeps its own ltr run.
    expect(bidiPieces('برنامج France Services أظهرت.', 'rtl')).toEqual([
      { text: 'برنامج ', rtl: true },
      { text: 'France Services', rtl: false },
      { text: ' أظهرت.', rtl: true },
    ]);
  });

  it('prints the Arabic letterhead at the top right in French and English, as in Arabic', async () => {
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const doc = docxPart(await renderDocx(buildMinutes(sample, lang)), 'word/document.xml')!;
      const letterhead = doc.match(/<w:tbl>[^]*?<\/w:tbl>/)![0];
      expect(letterhead, lang).toContain('<w:bidiVisual/>');
      for (const line of sample.letterhead) {
        const p = paragraphs(letterhead).find((x) => textOf(x) === line)!;
        expect(p, `${lang} ${line}`).toContain('<w:bidi/>');
        expect(p).toContain('<w:jc w:val="center"/>');
        for (const r of runsOf(p)) expect(r.rtl).toBe(true);
      }
    }
  });

  it('prints a dash in empty cells of the attendance and decisions tables', async () => {
    const m = structuredClone(sample);
    m.participants[0]!.title = '';
    m.participants[0]!.organisation = ' ';
    m.decisions[0]!.owner = '';
    m.decisions[0]!.deadline = '';
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const tables = buildMinutes(m, lang).sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table');
      const attendance = tables.find((t) => t.role === 'attendance')!;
      const decisions = tables.find((t) => t.role === 'decisions')!;
      expect(attendance.rows[0]!.slice(2, 4)).toEqual(['—', '—']);
      expect(attendance.rows[0]![4]).toBe(''); // the signature column stays blank for the hand
      expect(decisions.rows[0]!.slice(3, 5)).toEqual(['—', '—']);
      for (const t of tables) for (const row of t.rows) row.forEach((c, i) => i === t.signatureColumn || expect(c, lang).not.toBe(''));
    }
  });
});

describe('French DOCX', () => {
  it('is left to right, Arabic paragraphs inside it run right to left, tables are not mirrored', async () => {
    const d = await renderDocx(buildMinutes(sample, 'fr'));
    const doc = docxPart(d, 'word/document.xml')!;
    // Only the letterhead runs right to left: its Arabic lines stay at the top right.
    expect((doc.match(/<w:bidiVisual\/>/g) ?? []).length).toBe(1);
    const heading = paragraphs(doc).find((p) => textOf(p) === 'Liste de présence')!;
    expect(heading).not.toContain('<w:bidi/>');
    const arabicCell = paragraphs(doc).find((p) => textOf(p) === 'محمد العلمي')!;
    expect(arabicCell).toContain('<w:bidi/>');
    expect(docxPart(d, 'word/footer1.xml')!).toContain('Page ');
    expect(docxPart(d, 'docProps/core.xml')).toContain('<cp:contentStatus>Projet</cp:contentStatus>');
    expect(docxPart(d, 'styles.xml' as string)).toBeNull();
    expect(docxPart(d, 'word/styles.xml')!).toMatch(/w:ascii="Times New Roman" w:cs="Amiri"/);
  });
});
