// The exported minutes of a meeting reviewed in the editor (passages assigned to agenda points, a
// decision taken by counted votes, another unanimously), rendered by LibreOffice and read back as
// a person reads the pages: the points in order, each speaker's intervention under its point, and
// the vote. PNG pages are kept in test-results/minutes-agenda/ to look at.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSchema, type Language, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { renderDocx } from '../../main/export/docx.ts';
import { logical } from './docx-pdftext.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const artefacts = join(root, 'test-results/minutes-agenda');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));

// The opening under point 1, the review under 2, the proposals under 3, the decisions under 4;
// the last words (s-0021) were given no point.
const pointOf = (id: string): string | undefined => {
  const n = Number(id.slice(2));
  return n <= 3 ? 'a-01' : n <= 6 ? 'a-02' : n <= 17 ? 'a-03' : n <= 20 ? 'a-04' : undefined;
};
const reviewed: Meeting = {
  ...sample,
  segments: sample.segments.map((s) => (pointOf(s.id) ? { ...s, agendaItemId: pointOf(s.id)! } : s)),
  decisions: [
    { ...sample.decisions[0]!, vote: { kind: 'counts', for: 12, against: 3, abstain: 2 } },
    { ...sample.decisions[1]!, vote: { kind: 'unanimous' } },
    sample.decisions[2]!,
  ],
};
// The same meeting with its agenda and place written in French, for French minutes. (With the
// Arabic place in "Fait à …" and the signers' Arabic titles, pdftotext reads the decisions page
// as right to left and moves final full stops, although LibreOffice lays it out left to right.)
const reviewedFr: Meeting = {
  ...reviewed,
  place: 'Siège de la Wilaya de la région Rabat-Salé-Kénitra',
  agenda: [
    { id: 'a-01', title: 'Allocution d’ouverture de M. le Wali' },
    { id: 'a-02', title: 'Bilan de la première phase de la numérisation' },
    { id: 'a-03', title: 'Propositions des services et de la société civile' },
    { id: 'a-04', title: 'Décisions et recommandations' },
  ],
  decisions: reviewed.decisions.map((d, i) => ({
    ...d,
    text: ['Création d’un comité régional de suivi de la numérisation.', 'Formation de 300 fonctionnaires aux nouvelles plateformes.', 'Étude du raccordement de 25 communes rurales à la fibre optique.'][i]!,
  })),
};

async function have(cmd: string, arg: string): Promise<boolean> {
  return run(cmd, [arg]).then(
    () => true,
    () => false,
  );
}
const haveTools = (await have('soffice', '--version')) && (await have('pdftotext', '-v'));

describe.skipIf(!haveTools)('minutes grouped by agenda point, with votes, rendered by LibreOffice', () => {
  const profile = join(tmpdir(), `mahdar-lo-agenda-${process.pid}-${Date.now()}`);
  const texts = new Map<Language, string>();

  beforeAll(async () => {
    rmSync(artefacts, { recursive: true, force: true });
    mkdirSync(artefacts, { recursive: true });
    for (const [lang, meeting] of [['ar', reviewed], ['fr', reviewedFr]] as const) {
      const docx = join(artefacts, `agenda-${lang}.docx`);
      writeFileSync(docx, await renderDocx(buildMinutes(meeting, lang)));
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artefacts, docx], { timeout: 180_000 });
      const pdf = join(artefacts, `agenda-${lang}.pdf`);
      // Lines are joined: a phrase may wrap at the end of a line or of a table cell.
      texts.set(lang, logical((await run('pdftotext', [pdf, '-'])).stdout).replace(/\s+/g, ' '));
      await run('pdftoppm', ['-png', '-r', '60', pdf, join(artefacts, lang)]);
    }
  }, 400_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  /** Asserts the phrases appear in this order, each after the previous one. */
  const inOrder = (t: string, phrases: string[]) => {
    let at = t.indexOf('سير الأشغال') >= 0 ? t.indexOf('سير الأشغال') : t.indexOf('Déroulement de la séance');
    expect(at, 'proceedings heading').toBeGreaterThan(-1);
    for (const p of phrases) {
      const i = t.indexOf(p, at);
      expect(i, p).toBeGreaterThan(at);
      at = i;
    }
  };

  it('prints the Arabic proceedings point by point, each speaker under the point they spoke on', () => {
    const t = texts.get('ar')!;
    inOrder(t, [
      'النقطة الأولى: كلمة افتتاحية للسيد الوالي',
      'تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة:',
      'بسم الله الرحمن الرحيم',
      'النقطة الثانية: حصيلة المرحلة الأولى من رقمنة الخدمات العمومية بالجهة',
      'تدخلت السيدة فاطمة الزهراء بناني',
      'النقطة الثالثة: مقترحات المصالح الخارجية والمنتخبين والمجتمع المدني',
      'تدخل السيد Jean Dupont، خبير في الإدارة الإلكترونية:',
      'النقطة الرابعة: القرارات والتوصيات',
      'مسائل أخرى',
      'وبهذا نختتم أشغال هذا اللقاء',
      'القرارات والتوصيات',
    ]);
  });

  it('prints each decision\'s vote under its text, in Arabic', () => {
    const t = texts.get('ar')!;
    inOrder(t, ['القرارات والتوصيات', 'إحداث لجنة جهوية لتتبع رقمنة الخدمات العمومية', 'الموافقون: 12، المعارضون: 3، الممتنعون: 2', 'تكوين 300 موظف', 'بالإجماع']);
    expect(t).toContain('الموافقون: 12، المعارضون: 3، الممتنعون: 2');
    expect(t).toContain('بالإجماع');
  });

  it('prints the French proceedings point by point and the votes', () => {
    const t = texts.get('fr')!;
    inOrder(t, [
      'Point 1 : Allocution d’ouverture de M. le Wali',
      'Point 2 : Bilan de la première phase de la numérisation',
      'Point 3 : Propositions des services et de la société civile',
      'Intervention de M. Jean Dupont',
      'Point 4 : Décisions et recommandations',
      'Questions diverses',
    ]);
    inOrder(t, ['Création d’un comité régional de suivi', 'Pour : 12, contre : 3, abstentions : 2', 'Formation de 300 fonctionnaires']);
    expect(t).toContain('À l’unanimité');
  });
});
