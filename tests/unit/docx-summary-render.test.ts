// Summary minutes as printed: rendered by LibreOffice to PDF, read back with pdftotext, and kept as
// PNG pages in test-results/minutes-summary/ to look at. Each summary under its speaker's lead,
// the flags of what the secretary has not checked, then the interventions word for word in the
// annex, in Arabic and French.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { renderDocx } from '../../main/export/docx.ts';
import { logical } from './docx-pdftext.ts';
import { summarised } from './minutes-summary-fixture.ts';

const run = promisify(execFile);
const artefacts = join(import.meta.dirname, '../../test-results/minutes-summary');

async function have(cmd: string, arg: string): Promise<boolean> {
  return run(cmd, [arg]).then(
    () => true,
    () => false,
  );
}
const haveTools = (await have('soffice', '--version')) && (await have('pdftotext', '-v'));

/** Each phrase found after the one before it. */
function inOrder(text: string, phrases: string[]) {
  let at = 0;
  for (const p of phrases) {
    const i = text.indexOf(p, at);
    expect(i, `"${p}" after offset ${at}`).toBeGreaterThanOrEqual(0);
    at = i + p.length;
  }
}

describe.skipIf(!haveTools)('summary minutes rendered by LibreOffice', () => {
  const profile = join(tmpdir(), `mahdar-lo-summary-${process.pid}-${Date.now()}`);
  const texts = new Map<Language, string>();

  beforeAll(async () => {
    rmSync(artefacts, { recursive: true, force: true });
    mkdirSync(artefacts, { recursive: true });
    for (const lang of ['ar', 'fr'] as const) {
      const docx = join(artefacts, `summary-${lang}.docx`);
      writeFileSync(docx, await renderDocx(buildMinutes(summarised(), lang)));
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artefacts, docx], { timeout: 180_000 });
      const pdf = join(artefacts, `summary-${lang}.pdf`);
      texts.set(lang, logical((await run('pdftotext', [pdf, '-'])).stdout).replace(/\s+/g, ' '));
      await run('pdftoppm', ['-png', '-r', '60', pdf, join(artefacts, lang)]);
    }
  }, 600_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('prints in Arabic each summary after its speaker, the unchecked ones flagged, the words as spoken in the annex', () => {
    inOrder(texts.get('ar')!, [
      'سير الأشغال',
      'تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة: رحب بالحاضرين وذكر بإطار اللقاء.',
      'تدخلت السيدة فاطمة الزهراء بناني، المديرة الجهوية للتحول الرقمي: قدمت حصيلة رقمنة الخدمات',
      'اقترح إحداث شباك رقمي موحد وتكوين الموظفين. [مسودة لم يراجعها الكاتب]',
      'تدخلت السيدة خديجة الإدريسي، رئيسة مصلحة الحالة المدنية: [لا ملخص لهذا التدخل، 00:02:40]',
      'القرارات والتوصيات',
      'ملحق: التفريغ الحرفي للمداخلات',
      'تدخل السيد محمد العلمي، والي جهة الرباط سلا القنيطرة:',
      'بسم الله الرحمن الرحيم',
    ]);
  });

  it('prints in French the lead agreeing with the speaker, and the annex', () => {
    inOrder(texts.get('fr')!, [
      'Déroulement de la séance',
      'Projet non relu par le secrétaire]',
      'est intervenue : [Aucune synthèse pour cette intervention, 00:02:40]',
      'M./Mme',
      'est intervenu(e) : [Aucune synthèse pour cette intervention, 00:04:26]',
      'Annexe : transcription intégrale des interventions',
      'بسم الله الرحمن الرحيم',
    ]);
  });
});
