// `mahdar export MEETING_DIR --format … --out FILE`, run as a user would.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { docxPart } from '../../main/export/docx.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/meeting-sample');
const out = mkdtempSync(join(tmpdir(), 'mahdar-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function mahdar(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run('npx', ['tsx', 'main/cli/index.ts', ...args], { cwd: root, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('mahdar export', () => {
  it('exports the minutes as DOCX, in the meeting language or another one', async () => {
    const file = join(out, 'minutes.docx');
    const r = await mahdar('export', fixture, '--format', 'docx', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(file));
    expect(r.stdout.trim()).toBe(`${file}\t${createHash('sha256').update(bytes).digest('hex')}`);
    expect(docxPart(bytes, 'word/document.xml')).toContain('محضر اللقاء التشاوري');
    const fr = join(out, 'pv.docx');
    expect((await mahdar('export', fixture, '--format', 'docx', '--language', 'fr', '--out', fr)).code).toBe(0);
    expect(docxPart(new Uint8Array(readFileSync(fr)), 'word/document.xml')).toContain('Procès-verbal');
    // The meeting folder is only read.
    expect(readdirSync(fixture)).toEqual(['meeting.json']);
  });

  it('exports the transcript formats', async () => {
    for (const format of ['txt', 'srt', 'vtt', 'json']) {
      const file = join(out, `t.${format}`);
      const r = await mahdar('export', fixture, '--format', format, '--out', file);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(readFileSync(join(out, 't.srt'), 'utf8')).toMatch(/^1\n00:00:12,000 --> 00:00:[0-9]{2},[0-9]{3}\nمحمد العلمي: بسم الله/);
    expect(readFileSync(join(out, 't.vtt'), 'utf8').startsWith('WEBVTT\n')).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 't.json'), 'utf8')).segments).toHaveLength(21);
  }, 240_000);

  it('fails with one line and a non-zero exit on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['export', join(out, 'missing'), '--format', 'docx', '--out', join(out, 'x.docx')], /is not a meeting folder/],
      [['export', out, '--format', 'docx', '--out', join(out, 'x.docx')], /has no meeting\.json/],
      [['export', fixture, '--format', 'pdf', '--out', join(out, 'x.pdf')], /--format must be one of/],
      [['export', fixture, '--format', 'docx', '--language', 'de', '--out', join(out, 'x.docx')], /--language must be one of/],
      [['export', fixture, '--format', 'docx'], /--out is required/],
      [['export', fixture, '--format', 'txt', '--out', join(out, 'no', 'such', 'dir.txt')], /cannot write/],
    ];
    const damaged = join(out, 'damaged');
    mkdirSync(damaged);
    writeFileSync(join(damaged, 'meeting.json'), '{"schemaVersion":1,"id":"m-x"');
    cases.push([['export', damaged, '--format', 'txt', '--out', join(out, 'd.txt')], /damaged/]);
    for (const [args, message] of cases) {
      const r = await mahdar(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^mahdar: /);
      expect(lines[0]).toMatch(message);
    }
    expect(readdirSync(out).filter((f) => f.startsWith('x.') || f.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('exports a copied meeting folder with its logo', async () => {
    const copy = join(out, 'with-logo');
    cpSync(fixture, copy, { recursive: true });
    writeFileSync(join(copy, 'logo.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    const file = join(out, 'logo.docx');
    expect((await mahdar('export', copy, '--format', 'docx', '--out', file)).code).toBe(0);
    expect(docxPart(new Uint8Array(readFileSync(file)), 'word/document.xml')).toContain('<pic:pic');
  });
});
