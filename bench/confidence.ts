// Doubtful words: how well the engine's own token probabilities point at its wrong words
// (docs/engine.md, "Doubtful words"; not part of `npm run bench`).
//
//   npx tsx bench/confidence.ts [--work /tmp/mahdar-confidence] [--sets tune,read]
//                               [--threads 2] [--clips N] [--threshold 0.5]
//
// For each fixture set it builds one long file (every clip followed by 1 s of digital silence,
// as bench/engine-compare.ts does), decodes it once with the app's defaults (DEFAULT_DECODE
// through decodeArgs, VAD on) plus -ojf, and reads the segments the way the runner does (stdout
// lines, collapseRepeats, non-speech dropped), attaching word confidences with
// matchSegmentWords. The transcript is aligned to the reference after the Arabic normaliser;
// each hypothesis word is correct, substituted or inserted. A normalised word inherits the
// confidence of the written word it came from (normalising can split "كذا،وكذا" or drop "،").
// Reported per word score (min, geometric mean, mean, first token) and threshold:
//   recall    = flagged wrong words / wrong words (substituted + inserted)
//   flag rate = flagged words / all hypothesis words
// Engine outputs are cached in <work> (keyed by the exact arguments), so a second run only scores.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DECODE, decodeArgs } from '../main/asr/decode-options.ts';
import { collapseRepeats } from '../main/asr/repeats.ts';
import { isNonSpeech, parseSegmentLine } from '../main/asr/runner.ts';
import { matchSegmentWords, parseFullJson, scoreWord, type WordScore } from '../main/asr/token-confidence.ts';
import { normalizedWords } from '../shared/text/arabic-normalize.ts';
import { alignSteps } from '../shared/text/wer.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const { values } = parseArgs({
  options: {
    work: { type: 'string', default: '/tmp/mahdar-confidence' },
    sets: { type: 'string', default: 'tune,read' },
    threads: { type: 'string', default: '2' },
    clips: { type: 'string', default: '0' },
    threshold: { type: 'string' },
  },
});
const work = values.work!;
mkdirSync(work, { recursive: true });
const model = join(shared, 'models', 'ggml-base.bin');
const vad = join(shared, 'models', 'ggml-silero-v5.1.2.bin');
const cli = join(root, 'build', 'whisper', 'bin', 'whisper-cli');
const sets: Record<string, string> = { tune: 'msa-read-tune', read: 'msa-read' };

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

type Label = 'ok' | 'sub' | 'ins';
/** Per hypothesis word: correct, substituted or inserted, on the alignment WER counts (shared/text/wer.ts). */
export function alignLabels(ref: readonly string[], hyp: readonly string[]): { labels: Label[]; deletions: number } {
  const labels: Label[] = new Array(hyp.length);
  let deletions = 0;
  for (const s of alignSteps(ref, hyp)) {
    if (s.op === 'del') deletions++;
    else labels[s.hyp] = s.op === 'ins' ? 'ins' : s.op;
  }
  return { labels, deletions };
}

interface Scored { tokenP: number[]; label: Label }

function decodeSet(name: string): { words: Scored[]; refWords: number; deletions: number; segments: number; unmatched: number; wall: number | null; audioS: number } {
  const dir = join(shared, 'fixtures', sets[name]!);
  let refs = readFileSync(join(dir, 'refs.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split('\t')).map(([file, text]) => ({ file: file!, text: text! }));
  const clips = Number(values.clips);
  if (clips > 0) refs = refs.slice(0, clips);
  const base = join(work, `${name}-long${clips > 0 ? `-${clips}` : ''}`);
  const sil1 = join(work, 'sil1.wav');
  if (!existsSync(sil1)) sh('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', sil1, 'trim', '0', '1']);
  const wav = `${base}.wav`;
  if (!existsSync(wav)) sh('sox', [...refs.flatMap((r) => [join(dir, r.file), sil1]), wav]);
  const audioS = Number(sh('soxi', ['-D', wav]).trim());

  const args = ['-m', model, ...decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: Number(values.threads), vadModel: vad, prompt: null }), '-ojf', '-f', wav];
  const argsFile = `${base}.args`;
  let wall: number | null = null;
  if (!existsSync(argsFile) || readFileSync(argsFile, 'utf8') !== args.join('\n') || !existsSync(`${base}.json`)) {
    console.error(`decoding ${wav} (${audioS.toFixed(0)} s) ...`);
    const t0 = performance.now();
    const r = spawnSync(cli, [...args, '-of', base], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`whisper-cli failed: ${r.stderr.slice(-2000)}`);
    wall = (performance.now() - t0) / 1000;
    writeFileSync(`${base}.stdout`, r.stdout);
    writeFileSync(argsFile, args.join('\n'));
  }

  // Segments exactly as the runner streams them.
  const parsed = parseFullJson(readFileSync(`${base}.json`));
  const words: { text: string; tokenP: number[] }[] = [];
  let segments = 0;
  let unmatched = 0;
  for (const line of readFileSync(`${base}.stdout`, 'utf8').split('\n')) {
    const seg = parseSegmentLine(line);
    if (!seg) continue;
    seg.text = collapseRepeats(seg.text);
    if (isNonSpeech(seg.text)) continue;
    segments++;
    const matched = matchSegmentWords(seg, parsed);
    if (!matched) {
      unmatched++;
      // Unmatched words still count (as never flagged), so the numbers cannot flatter the method.
      for (const t of seg.text.split(/\s+/).filter(Boolean)) words.push({ text: t, tokenP: [] });
      continue;
    }
    for (const w of matched) words.push({ text: w.text, tokenP: w.tokenP });
  }
  const hyp: { word: string; tokenP: number[] }[] = [];
  for (const w of words) for (const n of normalizedWords(w.text)) hyp.push({ word: n, tokenP: w.tokenP });
  const ref = refs.flatMap((r) => normalizedWords(r.text));
  const { labels, deletions } = alignLabels(ref, hyp.map((h) => h.word));
  return { words: hyp.map((h, i) => ({ tokenP: h.tokenP, label: labels[i]! })), refWords: ref.length, deletions, segments, unmatched, wall, audioS };
}

/** Probability that a wrong word scores lower than a correct one (ties count half): ROC AUC. */
function auc(wrong: number[], right: number[]): number {
  const all = [...wrong.map((s) => ({ s, w: 1 })), ...right.map((s) => ({ s, w: 0 }))].sort((a, b) => a.s - b.s);
  let below = 0; // correct words with a lower score than the current one
  let sum = 0;
  let k = 0;
  while (k < all.length) {
    let e = k;
    while (e < all.length && all[e]!.s === all[k]!.s) e++;
    const rightHere = all.slice(k, e).filter((x) => !x.w).length;
    const wrongHere = e - k - rightHere;
    // Wrong words here beat every correct word with a higher score; ties count half.
    sum += wrongHere * (right.length - below - rightHere + rightHere / 2);
    below += rightHere;
    k = e;
  }
  return sum / Math.max(1, wrong.length * right.length);
}

const scores: WordScore[] = ['min', 'geomean', 'mean', 'first'];
const thresholds = [0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9];
for (const name of values.sets!.split(',')) {
  const r = decodeSet(name);
  const wrong = r.words.filter((w) => w.label !== 'ok');
  const subs = wrong.filter((w) => w.label === 'sub').length;
  const ins = wrong.length - subs;
  const wer = (subs + ins + r.deletions) / r.refWords;
  console.log(`\n## ${sets[name]}${Number(values.clips) > 0 ? ` (first ${values.clips} clips)` : ''}: ${r.audioS.toFixed(1)} s, ${r.refWords} reference words, ` +
    `${r.words.length} hypothesis words, WER ${wer.toFixed(3)} (S/D/I ${subs}/${r.deletions}/${ins}); ` +
    `${r.segments} segments, ${r.unmatched} without confidence${r.wall ? `; decode ${r.wall.toFixed(0)} s` : ' (cached decode)'}`);
  console.log(`wrong words: ${wrong.length} of ${r.words.length} (${((100 * wrong.length) / r.words.length).toFixed(1)}%)`);
  console.log('\n| word score | ROC AUC |\n|---|---|');
  for (const s of scores) {
    const sc = (w: Scored) => (w.tokenP.length ? scoreWord(w.tokenP, s) : 1);
    console.log(`| ${s} | ${auc(wrong.map(sc), r.words.filter((w) => w.label === 'ok').map(sc)).toFixed(3)} |`);
  }
  for (const s of scores) {
    const sc = (w: Scored) => (w.tokenP.length ? scoreWord(w.tokenP, s) : 1);
    console.log(`\n${s}: | threshold | flag rate | recall (wrong flagged) | precision (flagged wrong) | correct flagged | recall - correct flagged |\n|---|---|---|---|---|---|`);
    const extra = values.threshold ? [Number(values.threshold)] : [];
    for (const t of [...new Set([...thresholds, ...extra])].sort((a, b) => a - b)) {
      const flagged = r.words.filter((w) => sc(w) < t);
      const fw = flagged.filter((w) => w.label !== 'ok').length;
      const right = r.words.length - wrong.length;
      const fpr = (flagged.length - fw) / Math.max(1, right);
      const rec = fw / Math.max(1, wrong.length);
      console.log(`| ${t} | ${(flagged.length / r.words.length).toFixed(3)} | ${rec.toFixed(3)} | ${(fw / Math.max(1, flagged.length)).toFixed(3)} | ${fpr.toFixed(3)} | ${(rec - fpr).toFixed(3)} |`);
    }
  }
}
