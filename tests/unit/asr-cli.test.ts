// `mahdar transcribe` end to end with the real engine: any supported audio in, the transcript
// out in the asked format; every error is one line on stderr and a non-zero exit.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveModel, MODEL, MSA, tempDir } from './asr-fixtures.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = (args: string[]) => spawnSync(tsx, [join(root, 'main', 'cli', 'index.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe.runIf(haveModel)('mahdar transcribe', () => {
  const dir = tempDir('mahdar-cli-test-');

  it('transcribes an ogg file to the json the issue specifies', async () => {
    const ogg = join(dir, 'clip.ogg');
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', join(MSA, '002.wav'), '-c:a', 'libvorbis', ogg]);
    const out = join(dir, 'out.json');
    const r = cli(['transcribe', ogg, '--model', MODEL, '--language', 'ar', '--threads', '2', '--format', 'json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as { segments: { start: number; end: number; text: string }[] };
    expect(doc.segments.length).toBeGreaterThan(0);
    for (const s of doc.segments) {
      expect(Object.keys(s).sort()).toEqual(['end', 'start', 'text']);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
      expect(s.end).toBeLessThanOrEqual(5.6);
    }
    expect(doc.segments.map((s) => s.text).join(' ')).toMatch(/[\u0600-\u06ff]{3}/);
  });

  it('transcribes with flash attention off (-nfa), the speed option docs/engine.md measured', async () => {
    const out = join(dir, 'nfa.txt');
    // Without the second look too (`--second-look off`: the bench's row without it).
    const r = cli(['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--flash-attention', 'off', '--second-look', 'off', '--format', 'txt', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/[\u0600-\u06ff]{3}/);
  });

  it('any error: one line on stderr, non-zero exit, no output file', async () => {
    const text = join(dir, 'notes.mp3');
    await writeFile(text, 'not audio\n'.repeat(100));
    const out = join(dir, 'never.json');
    const cases = [
      ['transcribe', text, '--model', MODEL, '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', text, '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--format', 'docx', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--format', 'json'],
      ['transcribe', join(dir, 'missing.wav'), '--model', MODEL, '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--beam', '0', '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--context', '300', '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--threads', '2.5', '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--flash-attention', 'no', '--format', 'json', '--out', out],
      ['transcribe', join(MSA, '001.wav'), '--model', MODEL, '--second-look', 'maybe', '--format', 'json', '--out', out],
    ];
    for (const args of cases) {
      const r = cli(args);
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^mahdar: /);
    }
    expect(cli(cases[0]!).stderr).toMatch(/cannot be read/);
    expect(cli(cases[1]!).stderr).toMatch(/not a valid Whisper model/);
    expect(cli(cases[5]!).stderr).toMatch(/--beam must be an integer from 1 to 8/);
    expect(cli(cases[6]!).stderr).toMatch(/--context must be an integer from -1 \(all\) to 224/);
    expect(cli(cases[7]!).stderr).toMatch(/--threads must be an integer from 1 to 64/);
    expect(cli(cases[8]!).stderr).toMatch(/--flash-attention must be on or off/);
    expect(cli(cases[9]!).stderr).toMatch(/--second-look must be on or off/);
    await expect(readFile(out)).rejects.toThrow();
  });
});
