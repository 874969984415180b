// Co-chairs: a consultation chaired by two officials is named so in the opening, each signs in a
// block of their own, and the attendance sheet lists them first; a file from before co-chairs (one
// `chair`) reads and prints as it did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chairFields, chairsOf, editableFieldsSchema, meetingIntegrityIssues, meetingSchema, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import type { MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';

const root = join(import.meta.dirname, '../..');
const sampleJson = JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8'));
const sample: Meeting = meetingSchema.parse(sampleJson);

const blocksOf = (m: MinutesModel, id: string) => m.sections.find((s) => s.id === id)!.blocks;
const opening = (m: MinutesModel) => (blocksOf(m, 'opening').at(-1) as Extract<MinutesBlock, { kind: 'paragraph' }>).text;
const signatures = (m: MinutesModel) => blocksOf(m, 'signatures').find((b) => b.kind === 'signatures')!.blocks;
const sheet = (m: MinutesModel) => blocksOf(m, 'attendance').find((b) => b.kind === 'table')!.rows;
/** Without the left-to-right marks the French and English minutes put around Arabic names and titles. */
const plain = (s: string) => s.replace(/\u200E/g, '');

/** The minister, a participant, chairs with the wali of another region, who is not one. */
const coChaired: Meeting = {
  ...sample,
  ...chairFields([
    { id: 'c-minister', name: 'فاطمة الزهراء بناني', gender: 'f' },
    { id: 'c-wali', name: 'عبد الرحيم بناني', title: 'والي جهة بني ملال خنيفرة', gender: 'm' },
  ]),
};

describe('a meeting with co-chairs', () => {
  it('keeps the first chair in the older fields, so a file read by them still names who chaired', () => {
    expect(coChaired.chair).toBe('فاطمة الزهراء بناني');
    expect(coChaired.chairGender).toBe('f');
    expect(meetingSchema.safeParse(coChaired).success).toBe(true);
    expect(editableFieldsSchema.partial().safeParse({ chairs: coChaired.chairs }).success).toBe(true);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `c-${i + 10}`, name: `رئيس ${i}` }));
    expect(editableFieldsSchema.partial().safeParse({ chairs: eleven }).success).toBe(false);
    // Each chair's id once, as in the other lists.
    const twice = [...coChaired.chairs!, { ...coChaired.chairs![0]!, name: 'نادية الفاسي' }];
    expect(meetingIntegrityIssues({ chairs: twice }).map((i) => i.message)).toEqual(['id c-minister is used twice in chairs']);
  });

  it('names both chairs in the opening, in order, each with the title typed or their own', () => {
    expect(opening(buildMinutes(coChaired, 'ar'))).toContain(
      'برئاسة السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي، رفقة السيد عبد الرحيم بناني، والي جهة بني ملال خنيفرة، وبحضور',
    );
    expect(plain(opening(buildMinutes(coChaired, 'fr')))).toContain(
      'sous la coprésidence de Mme فاطمة الزهراء بناني, المديرة الجهوية للتحول الرقمي, et de M. عبد الرحيم بناني, والي جهة بني ملال خنيفرة, en présence',
    );
    expect(plain(opening(buildMinutes(coChaired, 'en')))).toContain('co-chaired by Ms فاطمة الزهراء بناني, المديرة الجهوية للتحول الرقمي, and Mr عبد الرحيم بناني');
  });

  it('joins a third chair with و, et, and, a comma closing the title before them', () => {
    const three = { ...coChaired, chairs: [...coChaired.chairs!, { id: 'c-mayor', name: 'Jean Dupont', gender: 'm' as const }] };
    expect(opening(buildMinutes(three, 'ar'))).toContain('رفقة السيد عبد الرحيم بناني، والي جهة بني ملال خنيفرة، والسيد Jean Dupont، خبير في الإدارة الإلكترونية،');
    expect(plain(opening(buildMinutes(three, 'fr')))).toContain('sous la coprésidence de Mme فاطمة الزهراء بناني, المديرة الجهوية للتحول الرقمي, de M. عبد الرحيم بناني, والي جهة بني ملال خنيفرة, et de M. Jean Dupont,');
    expect(plain(opening(buildMinutes(three, 'en')))).toContain('والي جهة بني ملال خنيفرة, and Mr Jean Dupont,');
    // No title, nothing to close: «… et de M. X, en présence» stays as it was.
    const untitled = { ...three, chairs: three.chairs.map((c) => ({ ...c, title: c.id === 'c-wali' ? undefined : c.title })), participants: [] };
    expect(plain(opening(buildMinutes(untitled, 'fr')))).toContain('de M. عبد الرحيم بناني et de M. Jean Dupont');
  });

  it('gives each chair a signature block with the stamp, the role agreeing with them, then the secretary', () => {
    const blocks = (lang: 'ar' | 'fr' | 'en') => signatures(buildMinutes(coChaired, lang)).map((b) => [b.role, plain(b.name), b.title, b.stamp]);
    expect(blocks('ar')).toEqual([
      ['الرئيسة المشاركة للجلسة', 'السيدة فاطمة الزهراء بناني', 'المديرة الجهوية للتحول الرقمي', 'الخاتم'],
      ['الرئيس المشارك للجلسة', 'السيد عبد الرحيم بناني', 'والي جهة بني ملال خنيفرة', 'الخاتم'],
      ['كاتب الجلسة', 'السيد يوسف التازي', 'رئيس قسم الشؤون الإدارية', null],
    ]);
    expect(blocks('fr').map((b) => b[0])).toEqual(['La coprésidente de séance', 'Le coprésident de séance', 'Le secrétaire de séance']);
    expect(blocks('en').map((b) => b[0])).toEqual(['Co-chair', 'Co-chair', 'Secretary']);
  });

  it('lists the chairs first on the attendance sheet, the one who is not a participant too, and counts them', () => {
    const rows = sheet(buildMinutes(coChaired, 'ar'));
    expect(rows.slice(0, 3).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'فاطمة الزهراء بناني', 'المديرة الجهوية للتحول الرقمي'],
      ['2', 'عبد الرحيم بناني', 'والي جهة بني ملال خنيفرة'],
      ['3', 'محمد العلمي', 'والي جهة الرباط سلا القنيطرة'],
    ]);
    // Seven participants and the wali: each once.
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r[1] === 'فاطمة الزهراء بناني')).toHaveLength(1);
    expect(opening(buildMinutes(coChaired, 'ar'))).toContain('(عدد الحاضرين: 8)');
    // A chair marked absent among the participants still chaired: on the sheet, and counted.
    const absentChair = { ...coChaired, participants: coChaired.participants.map((p) => (p.id === 'p-bennani' ? { ...p, attendance: 'absent' as const } : p)) };
    expect(sheet(buildMinutes(absentChair, 'ar'))[0]!.slice(0, 3)).toEqual(['1', 'فاطمة الزهراء بناني', 'المديرة الجهوية للتحول الرقمي']);
    expect(opening(buildMinutes(absentChair, 'ar'))).toContain(`(عدد الحاضرين: ${sheet(buildMinutes(absentChair, 'ar')).length})`);
  });
});

describe('a chair marked absent or excused', () => {
  // A chair chairs: the minutes count them present, in every language, whatever the form says.
  const council = { ...coChaired, type: 'council' as const };
  const listed = (m: MinutesModel) => blocksOf(m, 'attendance').flatMap((b) => (b.kind === 'list' ? b.items.map(plain) : []));
  const quorum = (m: MinutesModel) => blocksOf(m, 'attendance').filter((b) => b.kind === 'paragraph').at(-1) as Extract<MinutesBlock, { kind: 'paragraph' }>;

  it('is on the attendance sheet, never among the absent or the excused, and counts for the quorum', () => {
    for (const attendance of ['absent', 'excused'] as const) {
      const m = { ...council, participants: council.participants.map((p) => (p.id === 'p-bennani' ? { ...p, attendance } : p)) };
      for (const lang of ['ar', 'fr', 'en'] as const) {
        const minutes = buildMinutes(m, lang);
        expect(listed(minutes).join('|'), `${attendance} ${lang}`).not.toContain('فاطمة الزهراء بناني');
        expect(sheet(minutes).filter((r) => r[1] === 'فاطمة الزهراء بناني'), lang).toHaveLength(1);
      }
      expect(quorum(buildMinutes(m, 'ar')).text).toBe(quorum(buildMinutes(council, 'ar')).text);
    }
  });
});

describe('a file from before co-chairs', () => {
  it('reads its one chair as a list of one, and prints the minutes it printed', () => {
    expect(Object.keys(sampleJson)).not.toContain('chairs');
    expect(chairsOf(sample)).toEqual([{ id: 'chair-1', name: 'محمد العلمي', gender: undefined }]);
    const asList = { ...sample, chairs: [{ id: 'c-1', name: 'محمد العلمي' }] };
    for (const lang of ['ar', 'fr', 'en'] as const) expect(buildMinutes(asList, lang)).toEqual(buildMinutes(sample, lang));
    expect(opening(buildMinutes(sample, 'ar'))).toContain('برئاسة السيد محمد العلمي، والي جهة الرباط سلا القنيطرة، وبحضور');
    expect(signatures(buildMinutes(sample, 'ar'))[0]).toMatchObject({ role: 'رئيس الجلسة', name: 'السيد محمد العلمي', stamp: 'الخاتم' });
  });

  it('with no chair named, leaves one block to sign by hand, agreeing with the gender set', () => {
    const none = { ...sample, chair: '', chairGender: 'f' as const };
    expect(chairsOf(none)).toEqual([]);
    expect(signatures(buildMinutes(none, 'ar')).map((b) => [b.role, b.name])).toEqual([
      ['رئيسة الجلسة', '……………………………'],
      ['كاتب الجلسة', 'السيد يوسف التازي'],
    ]);
    expect(opening(buildMinutes(none, 'ar'))).not.toContain('برئاسة');
  });
});
