import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { buildMinutes, groupInterventions } from '../../shared/minutes/build.ts';
import { formatDeadline, gregorianDate, hijriDate, parseIsoDate } from '../../shared/minutes/dates.ts';
import type { MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';
import { pageLabelParts } from '../../shared/minutes/model.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

const section = (m: MinutesModel, id: string) => m.sections.find((s) => s.id === id)!;
const blocks = <K extends MinutesBlock['kind']>(m: MinutesModel, id: string, kind: K) =>
  section(m, id).blocks.filter((b): b is Extract<MinutesBlock, { kind: K }> => b.kind === kind);

describe('the sample meeting', () => {
  it('is valid against meetingSchema and realistic', () => {
    expect(sample.participants.length).toBeGreaterThanOrEqual(5);
    expect(sample.participants.some((p) => p.name === 'Jean Dupont')).toBe(true);
    expect(sample.segments.length).toBeGreaterThanOrEqual(20);
    expect(sample.decisions).toHaveLength(3);
    expect(sample.letterhead[0]).toBe('المملكة المغربية');
  });
});

describe('dates', () => {
  it('formats Gregorian with Moroccan month names and Latin digits, and Hijri (Umm al-Qura outside the Habous table)', () => {
    expect(gregorianDate('2026-11-12', 'ar')).toBe('12 نونبر 2026');
    expect(gregorianDate('2026-08-03', 'ar')).toBe('3 غشت 2026');
    expect(hijriDate('2026-11-12', 'ar')).toBe('2 جمادى الآخرة 1448 هـ');
    expect(gregorianDate('2026-11-12', 'fr')).toBe('12 novembre 2026');
    expect(hijriDate('2026-11-12', 'en')).toBe('2 Jumada II 1448 AH');
    // Umm al-Qura's 1 رمضان: Morocco began رمضان on 2 March (moroccan-hijri.test.ts).
    expect(hijriDate('2025-03-01', 'ar')).toBe('30 شعبان 1446 هـ');
  });
  it('refuses impossible dates and keeps free-text deadlines', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
    expect(formatDeadline('2026-12-31', 'ar')).toBe('31 دجنبر 2026');
    expect(formatDeadline('الفصل الأول من 2027', 'ar')).toBe('الفصل الأول من 2027');
  });
});

describe('buildMinutes (Arabic)', () => {
  const m = buildMinutes(sample, 'ar');

  it('is right to left with every section in order', () => {
    expect(m.direction).toBe('rtl');
    expect(m.sections.map((s) => s.id)).toEqual([
      'header', 'opening', 'attendance', 'agenda', 'proceedings', 'decisions', 'closing', 'signatures', 'annex',
    ]);
    expect(m.sections.filter((s) => s.title).map((s) => s.title)).toEqual([
      'لائحة الحضور', 'جدول الأعمال', 'سير الأشغال', 'القرارات والتوصيات', 'التوقيعات', 'ملحق: التفريغ الحرفي الكامل للاجتماع',
    ]);
    expect(section(m, 'annex').pageBreakBefore).toBe(true);
    expect(pageLabelParts(m.pageLabel)).toEqual(['الصفحة ', { field: 'page' }, ' من ', { field: 'pages' }]);
  });

  it('has the letterhead, reference, both dates and the title', () => {
    const [lh] = blocks(m, 'header', 'letterhead');
    expect(lh!.lines).toEqual(sample.letterhead);
    expect(lh!.reference).toBe('المرجع: 2026/045');
    expect(lh!.date).toBe('التاريخ: 12 نونبر 2026\nالموافق لـ 2 جمادى الآخرة 1448 هـ');
    const [title] = blocks(m, 'header', 'title');
    expect(title!.text).toBe('محضر اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية');
  });

  it('opens with the date in both calendars, the time, the place, the chair and the attendance', () => {
    const [p] = blocks(m, 'opening', 'paragraph');
    expect(p!.text).toContain('في يوم الخميس 12 نونبر 2026 الموافق لـ 2 جمادى الآخرة 1448 هـ');
    expect(p!.text).toContain('على الساعة 10:00');
    expect(p!.text).toContain('بمقر ولاية جهة الرباط سلا القنيطرة');
    expect(p!.text).toContain('برئاسة السيد محمد العلمي، والي جهة الرباط سلا القنيطرة');
    expect(p!.text).toContain('(عدد الحاضرين: 7)');
  });

  it('lists attendance with an empty signature column', () => {
    const [t] = blocks(m, 'attendance', 'table');
    expect(t!.header).toEqual(['ر.ت', 'الاسم الكامل', 'الصفة', 'الجهة', 'التوقيع']);
    expect(t!.rows).toHaveLength(7);
    expect(t!.rows[5]).toEqual(['6', 'Jean Dupont', 'خبير في الإدارة الإلكترونية', 'Agence française de développement', '']);
    expect(t!.signatureColumn).toBe(4);
    expect(t!.widths.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('groups consecutive segments of one speaker into one intervention with honorific and title, the verb agreeing with a woman', () => {
    const iv = blocks(m, 'proceedings', 'intervention');
    expect(iv.map((b) => b.heading.split('،')[0])).toEqual([
      'تدخل السيد محمد العلمي',
      'تدخلت السيدة فاطمة الزهراء بناني',
      'تدخل السيد يوسف التازي',
      'تدخلت السيدة خديجة الإدريسي',
      'تدخل السيد Jean Dupont',
      'تدخل السيد عبد الرحيم الوزاني',
      'تدخل السيد(ة) سعاد العمراني',
      'مداخلة (لم يحدد المتدخل):',
      'تدخل السيد محمد العلمي',
      'تدخلت السيدة فاطمة الزهراء بناني',
      'تدخل السيد محمد العلمي',
    ]);
    expect(iv[0]!.heading).toBe('تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة:');
    expect(iv[0]!.segmentIds).toEqual(['s-0001', 's-0002', 's-0003']);
    // Verbatim (as edited): every segment's text is there, in order.
    expect(iv[0]!.paragraphs.join(' ')).toBe(sample.segments.slice(0, 3).map((s) => s.text).join(' '));
    const all = iv.flatMap((b) => b.paragraphs).join(' ');
    for (const s of sample.segments) expect(all).toContain(s.text);
  });

  it('tables the decisions with kind, owner and deadline', () => {
    const [t] = blocks(m, 'decisions', 'table');
    expect(t!.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['قرار', 'قسم الشؤون الإدارية', '1 دجنبر 2026'],
      ['إجراء', 'وكالة التنمية الرقمية', '31 دجنبر 2026'],
      ['توصية', 'مجلس جهة الرباط سلا القنيطرة', 'الفصل الأول من 2027'],
    ]);
  });

  it('closes with the end time, signature blocks, and the full transcript as annex', () => {
    expect(blocks(m, 'closing', 'paragraph')[0]!.text).toContain('على الساعة 12:30');
    // The closing formula names the place and the day the minutes were drawn up.
    // After the list of annexes: the transcript annexed to these minutes.
    expect(blocks(m, 'closing', 'paragraph')[1]!.text).toBe('المرفق:');
    expect(blocks(m, 'closing', 'list')[0]!.items).toEqual(['التفريغ الحرفي الكامل للاجتماع']);
    expect(blocks(m, 'closing', 'paragraph')[2]!.text).toBe('حرر بمقر ولاية جهة الرباط سلا القنيطرة، قاعة الاجتماعات الكبرى في 12 نونبر 2026.');
    // The chair signs with honorific and title (matched among the participants), above the stamp.
    expect(blocks(m, 'signatures', 'signatures')[0]!.blocks).toEqual([
      { role: 'رئيس الجلسة', name: 'السيد محمد العلمي', title: 'والي جهة الرباط سلا القنيطرة', stamp: 'الخاتم' },
      { role: 'كاتب الجلسة', name: 'السيد يوسف التازي', title: 'رئيس قسم الشؤون الإدارية', stamp: null },
    ]);
    const [t] = blocks(m, 'annex', 'table');
    expect(t!.rows).toHaveLength(sample.segments.length);
    expect(t!.rows[0]).toEqual(['00:00:12', 'محمد العلمي', sample.segments[0]!.text]);
    expect(t!.rows[16]![1]).toBe('—');
  });

  it('carries the document properties', () => {
    expect(m.properties).toMatchObject({
      title: 'محضر اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية',
      subject: sample.title,
      author: 'يوسف التازي',
      status: 'draft',
      statusLabel: 'مسودة',
      meetingId: 'm-sample-digitisation',
      revision: 1,
      created: sample.createdAt,
      modified: sample.updatedAt,
      languageTag: 'ar-MA',
    });
    expect(m.properties.keywords).toContain('محضر');
    expect(m.properties.keywords).toContain('2026/045');
  });

  it('is pure: the same meeting gives the same model', () => {
    expect(buildMinutes(structuredClone(sample), 'ar')).toEqual(m);
  });
});

describe('buildMinutes (French and English)', () => {
  it('writes a procès-verbal with Intervention de M./Mme', () => {
    const m = buildMinutes({ ...sample, title: 'Consultation régionale sur la digitalisation' }, 'fr');
    expect(m.direction).toBe('ltr');
    const [title] = blocks(m, 'header', 'title');
    expect(title).toMatchObject({ text: 'Procès-verbal', subtitle: 'Consultation régionale sur la digitalisation' });
    const iv = blocks(m, 'proceedings', 'intervention');
    expect(iv[0]!.heading.startsWith('Intervention de M. \u200Eمحمد العلمي\u200E, ')).toBe(true);
    expect(iv[1]!.heading.startsWith('Intervention de Mme ')).toBe(true);
    expect(iv[6]!.heading.startsWith('Intervention de M./Mme ')).toBe(true);
    expect(blocks(m, 'opening', 'paragraph')[0]!.text).toMatch(/^Le jeudi 12 novembre 2026 \(2 joumada II 1448\u00A0H\), à 10 h 00, s’est tenue /);
    expect(m.sections.filter((s) => s.title).map((s) => s.title)).toEqual([
      'Liste de présence', 'Ordre du jour', 'Déroulement de la séance', 'Décisions et recommandations', 'Signatures',
      'Annexe\u00A0: transcription intégrale de la réunion',
    ]);
    expect(m.pageLabel).toBe('Page {page} sur {pages}');
  });

  it('names a meeting whose Arabic title already says what it is by the plain noun, so consultation is said once', () => {
    const opening = (lang: 'fr' | 'en') => blocks(buildMinutes(sample, lang), 'opening', 'paragraph')[0]!.text;
    expect(opening('fr')).toContain('s’est tenue une réunion «\u00A0اللقاء التشاوري الجهوي حول رقمنة الخدمات العمومية\u00A0»');
    expect(opening('fr')).not.toContain('consultation');
    expect(opening('en')).toContain('a meeting “اللقاء التشاوري الجهوي');
    // A title that names only the topic keeps the type.
    expect(blocks(buildMinutes({ ...sample, title: 'la digitalisation' }, 'fr'), 'opening', 'paragraph')[0]!.text).toContain('une réunion de consultation «\u00A0la digitalisation\u00A0»');
  });

  it('writes English minutes with Mr/Ms', () => {
    const m = buildMinutes(sample, 'en');
    expect(blocks(m, 'proceedings', 'intervention')[1]!.heading.startsWith('Intervention by Ms ')).toBe(true);
    expect(blocks(m, 'closing', 'paragraph')[0]!.text).toContain('closed at 12:30');
    expect(blocks(m, 'decisions', 'table')[0]!.rows[0]![4]).toBe('1 December 2026');
  });
});

describe('edge cases', () => {
  it('builds minutes of an empty meeting without crashing', () => {
    const empty: Meeting = {
      ...sample, title: '', date: '', startTime: '', endTime: '', place: '', chair: '', secretary: '', reference: '',
      letterhead: [], participants: [], agenda: [], segments: [], decisions: [],
    };
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const m = buildMinutes(empty, lang);
      expect(m.sections).toHaveLength(9);
      const [lh] = blocks(m, 'header', 'letterhead');
      expect(lh).toMatchObject({ reference: null, date: null, lines: [] });
    }
    const ar = buildMinutes(empty, 'ar');
    expect(blocks(ar, 'opening', 'paragraph')[0]!.text).toBe('انعقد لقاء تشاوري، وبحضور السيدات والسادة أعضاء الاجتماع.');
    expect(blocks(ar, 'proceedings', 'paragraph')[0]!.text).toBe('لم تسجل أي مداخلة.');
    expect(blocks(ar, 'closing', 'paragraph')[0]!.text).not.toContain('الساعة');
  });

  it('makes the verb agree with a feminine meeting noun', () => {
    const m = buildMinutes({ ...sample, title: 'الدورة العادية لشهر أكتوبر', type: 'council' }, 'ar');
    expect(blocks(m, 'opening', 'paragraph')[0]!.text).toContain('انعقدت الدورة العادية لشهر أكتوبر');
    const topic = buildMinutes({ ...sample, title: 'الميزانية', type: 'council' }, 'ar');
    expect(blocks(topic, 'opening', 'paragraph')[0]!.text).toContain('انعقدت دورة المجلس حول الميزانية');
  });

  it('names the meeting from its type when the title is only a topic', () => {
    const m = buildMinutes({ ...sample, title: 'رقمنة الخدمات العمومية', type: 'committee' }, 'ar');
    expect(blocks(m, 'header', 'title')[0]!.text).toBe('محضر اجتماع اللجنة حول رقمنة الخدمات العمومية');
  });

  it('keeps a title already starting with محضر, and a chair not among participants', () => {
    const m = buildMinutes({ ...sample, title: 'محضر اجتماع المجلس', chair: 'أحمد السعدي' }, 'ar');
    expect(blocks(m, 'header', 'title')[0]!.text).toBe('محضر اجتماع المجلس');
    expect(blocks(m, 'opening', 'paragraph')[0]!.text).toContain('انعقد اجتماع المجلس');
    expect(blocks(m, 'opening', 'paragraph')[0]!.text).toContain('برئاسة السيد(ة) أحمد السعدي');
  });

  it('groups by speaker in time order and skips empty segments', () => {
    const seg = (id: string, start: number, speakerId: string | null, text = 'نص') => ({ id, start, end: start + 1, text, speakerId, tags: [], edited: false });
    const groups = groupInterventions([seg('s-3', 3, 'p-a'), seg('s-1', 1, 'p-a'), seg('s-2', 2, 'p-a', '  '), seg('s-4', 4, null), seg('s-5', 5, 'p-b')]);
    expect(groups.map((g) => g.segments.map((s) => s.id))).toEqual([['s-1', 's-3'], ['s-4'], ['s-5']]);
  });

  it('prints a participant without a name as an unidentified speaker', () => {
    const m = buildMinutes({ ...sample, participants: sample.participants.map((p) => (p.id === 'p-alami' ? { ...p, name: ' ' } : p)) }, 'ar');
    expect(blocks(m, 'proceedings', 'intervention')[0]!.heading).toBe('مداخلة (لم يحدد المتدخل):');
  });

  it('uses a speakerId that is not a participant as an unidentified intervention', () => {
    const m = buildMinutes({ ...sample, segments: [{ ...sample.segments[0]!, speakerId: 'p-gone' }] }, 'ar');
    expect(blocks(m, 'proceedings', 'intervention')[0]!.heading).toBe('مداخلة (لم يحدد المتدخل):');
  });
});

describe('shared/minutes stays pure', () => {
  it('imports nothing from node, electron or the DOM', () => {
    const dir = join(root, 'shared/minutes');
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/from ['"](node:|fs|path|electron|react)/);
      expect(src, f).not.toMatch(/\b(document|window|process)\./);
    }
  });
});

describe('docs/meeting-format.md', () => {
  it('has an example that meetingSchema accepts and documents every field of the schema', () => {
    const md = readFileSync(join(root, 'docs/meeting-format.md'), 'utf8');
    const json = md.slice(md.lastIndexOf('```json') + 7, md.lastIndexOf('```'));
    expect(meetingSchema.safeParse(JSON.parse(json)).success).toBe(true);
    for (const field of Object.keys(meetingSchema.shape)) expect(md, field).toContain(`\`${field}\``);
  });
});
