// The DOCX against the OOXML schemas and Word's rules, as Microsoft's Open XML SDK validator checks
// them: openxml-audit (a port of it to Python, installed into .venv-tools by .ci/run) reads every
// part of the package (document.xml, styles.xml, numbering.xml, the header and footer, the
// properties) against the ECMA-376 transitional schemas: elements, their order, attribute values,
// and references between parts. LibreOffice, python-docx and pandoc forgive what Word may repair
// or refuse; this is the reader that does not.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { chairFields, meetingSchema, type Language, type Meeting } from '../../shared/domain.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { renderDocx } from '../../main/export/docx.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const out = join(root, 'test-results/docx-schema');
const validator = join(root, '.venv-tools/bin/openxml-audit');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64').toString('base64');

/** A council chaired by two, with absent members, a nominal vote, an agreement and its signatories, annexes. */
const council: Meeting = {
  ...sample,
  type: 'council',
  status: 'approved',
  ...chairFields([
    { id: 'c-minister', name: 'فاطمة الزهراء بناني', gender: 'f' },
    { id: 'c-wali', name: 'عبد الرحيم بناني', title: 'والي جهة بني ملال خنيفرة', gender: 'm' },
  ]),
  participants: sample.participants.map((p) => (p.id === 'p-idrissi' ? { ...p, attendance: 'absent' } : p)),
  decisions: [
    { ...sample.decisions[0]!, vote: { kind: 'counts', for: 2, against: 1, abstain: 0, voters: { for: ['p-alami', 'p-bennani'], against: ['p-tazi'], abstain: [] } } },
    { ...sample.decisions[1]!, kind: 'agreement', signatories: [{ participantId: 'p-alami', capacity: 'عن ولاية الجهة' }, { participantId: 'p-bennani' }] },
  ],
  annexes: [{ id: 'x-01', title: 'نص الاتفاقية الموقعة' }],
};
/** Summary minutes: summaries flagged in yellow, the interventions in the annex. */
const summarised: Meeting = { ...sample, minutesStyle: 'summary' };

const variants: Record<string, [Meeting, Language]> = {
  'sample-ar': [sample, 'ar'],
  'sample-fr': [sample, 'fr'],
  'sample-en': [sample, 'en'],
  'council-ar': [council, 'ar'],
  'council-fr': [council, 'fr'],
  'summary-ar': [summarised, 'ar'],
};

interface Finding {
  description: string;
  part_uri: string;
}
interface Report {
  file: string;
  valid: boolean;
  errors: Finding[];
  warnings?: Finding[];
}

/** Every file of the folder through the validator, as Word 2016 reads them. */
async function audit(dir: string): Promise<Report[]> {
  // It exits non-zero when a file has findings; the report is on stdout either way.
  const { stdout } = await run(validator, [dir, '--recursive', '--format', 'office2016', '--output', 'json', '--max-errors', '0']).catch((e: { stdout?: string }) => ({
    stdout: e.stdout ?? '',
  }));
  return JSON.parse(stdout) as Report[];
}

describe('the DOCX against the OOXML schemas (openxml-audit)', () => {
  it('has the validator installed, as .ci/run installs it', () => {
    expect(existsSync(validator), `${validator}: run the pip install line of .ci/run`).toBe(true);
  });

  describe.skipIf(!existsSync(validator))('each variant of the minutes', () => {
    let reports: Report[] = [];

    beforeAll(async () => {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(join(out, 'minutes'), { recursive: true });
      for (const [key, [meeting, lang]] of Object.entries(variants)) {
        const logo = key === 'council-ar' ? { mime: 'image/png' as const, base64: png, widthPt: 48, heightPt: 48 } : null;
        writeFileSync(join(out, 'minutes', `${key}.docx`), await renderDocx(buildMinutes(meeting, lang, { logo })));
      }
      reports = await audit(join(out, 'minutes'));
    }, 300_000);

    it('validates every part of every variant with no finding', () => {
      expect(reports.map((r) => r.file.replace(/^.*\//, '')).sort()).toEqual(Object.keys(variants).map((k) => `${k}.docx`).sort());
      for (const r of reports) {
        expect([...r.errors, ...(r.warnings ?? [])].map((f) => `${f.part_uri}: ${f.description}`), r.file).toEqual([]);
        expect(r.valid, r.file).toBe(true);
      }
    });
  });

  it.skipIf(!existsSync(validator))('reports an element out of its schema order in document.xml, so a real fault would not pass', async () => {
    const dir = join(out, 'broken');
    mkdirSync(dir, { recursive: true });
    const files = unzipSync(await renderDocx(buildMinutes(sample, 'fr')));
    // w:pPr must come first in a paragraph: put it after the paragraph's first run.
    const xml = strFromU8(files['word/document.xml']!).replace(/<w:p>(<w:pPr>.*?<\/w:pPr>)(<w:r>.*?<\/w:r>)/, '<w:p>$2$1');
    files['word/document.xml'] = strToU8(xml);
    writeFileSync(join(dir, 'broken.docx'), zipSync(files));
    const [report] = await audit(dir);
    expect(report!.valid).toBe(false);
    expect(report!.errors.map((f) => f.part_uri)).toContain('/word/document.xml');
  }, 120_000);
});
