// Part of `npm run bench -- recording` (issue 26): the full pass follows the recording. For each
// session length (RECORDING_FOLLOW_MINUTES, default 3,6,12), real read MSA (msa-read's clips,
// looped, with their references) goes through appendRecording in 1 s chunks at the pace the
// following pass keeps up with: after each chunk the bench waits until the pass has nothing left
// to start (it runs whenever `lagSec` + `minRunSec` of new audio are written, as in the app). Then
// the stop, right after the last word: the tail time is from the stop to the full transcript
// saved (the job after the stop done). The reference, in the same run and alternating the order,
// is the pass after the stop on the same WAV from zero. Both report WER against the readings.
//
// A session paced at real time (RECORDING_FOLLOW_REALTIME_MINUTES, default 3; 0 skips it), with the
// live text on and the pass at its app priority (nice 19), says whether the pass keeps up when it
// gets only what the recorder and the live engine leave: the audio still untranscribed at the
// stop is the tail's size. RECORDING_FOLLOW_DECODE=default uses the app's decoding (DEFAULT_DECODE's beam);
// greedy by default, to keep the bench short on a shared computer. RECORDING_FOLLOW_THREADS sets
// the engine's threads in every session (the pass during the recording takes one anyway).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Segment } from '../shared/domain.ts';
import { wordErrorRate } from '../shared/text/wer.ts';
import { DEFAULT_DECODE } from '../main/asr/decode-options.ts';
import { TranscriptionJobs, type StartOptions } from '../main/asr/job.ts';
import { importAudioFile } from '../main/audio/import.ts';
import { wavHeader } from '../main/audio/wav.ts';
import { createContext, type ServiceContext } from '../main/context/context.ts';
import { settingsStore } from '../main/context/settings.ts';
import { recordingCommands } from '../main/service/recording.ts';
import type { FollowListener } from '../main/service/recording/follow.ts';
import { machineLine } from './machine.ts';

const SHARED = resolve(import.meta.dirname, '..', '..', 'shared');
const MODELS = join(SHARED, 'models');
const MSA = join(SHARED, 'fixtures', 'msa-read');
const CHUNK = 32000;
const GREEDY = { beamSize: 1, bestOf: 1 } as const;

interface Speech {
  pcm: Buffer;
  reference: string;
}

/** msa-read's clips in order, looped, until `minutes` are reached (whole clips, 0.5 s of silence after each). */
function speechOf(minutes: number): Speech {
  const rows = readFileSync(join(MSA, 'refs.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((r) => r[0] && r[1]);
  const parts: Buffer[] = [];
  const words: string[] = [];
  let bytes = 0;
  const gap = Buffer.alloc(16000);
  for (let i = 0; bytes < minutes * 60 * CHUNK; i = (i + 1) % rows.length) {
    const [file, text] = rows[i]!;
    const wav = readFileSync(join(MSA, file!));
    parts.push(wav.subarray(44), gap);
    words.push(text!);
    bytes += wav.length - 44 + gap.length;
  }
  return { pcm: Buffer.concat(parts), reference: words.join(' ') };
}

/** A data root for one session; RECORDING_FOLLOW_THREADS sets its engine threads (default: the app's). */
async function contextAt(dir: string): Promise<ServiceContext> {
  const ctx = await createContext(dir, [MODELS]);
  const threads = Number(process.env.RECORDING_FOLLOW_THREADS ?? 0);
  if (threads > 0) await settingsStore(ctx).updateSettings({ settings: { threads } });
  return ctx;
}

const text = (segments: readonly Segment[]) => segments.map((s) => s.text).join(' ');
const load = () => loadavg()[0]!.toFixed(1);

/** Resolves with the meeting's next job once it has ended, and the offset it started at. */
function jobEnd(ctx: ServiceContext, meetingId: string): Promise<{ status: string; startSec: number }> {
  let startSec = -1;
  return new Promise((res) => {
    const off = ctx.events.subscribe((e) => {
      if (e.type !== 'job' || e.job.meetingId !== meetingId) return;
      if (startSec < 0) startSec = e.job.doneSec;
      if (e.job.status !== 'running') {
        off();
        res({ status: e.job.status, startSec });
      }
    });
  });
}

interface FollowRow {
  minutes: number;
  runs: number;
  /** Seconds of audio the pass ran on per second of its runs' time. */
  passSpeed: number;
  tailAudioSec: number;
  tailSec: number;
  wer: number;
  loadBefore: string;
  loadAfter: string;
}

/** One session with the pass following: pushed at its pace, then stopped; the tail timed. */
async function followSession(root: string, speech: Speech, minutes: number, decode: StartOptions['decode'], realTime: boolean): Promise<FollowRow> {
  const loadBefore = load();
  const ctx = await contextAt(join(root, `follow-${minutes}-${realTime ? 'rt' : 'kept'}`));
  let until: Promise<void> = Promise.resolve();
  let runs = 0;
  let ranSec = 0;
  let runStart = 0;
  let runAudio = 0;
  let busySec = 0;
  const listener: FollowListener = {
    looking: (p) => (until = p),
    started: (_pid, from, to) => {
      runs++;
      runStart = performance.now();
      runAudio = to - from;
    },
    ended: (r) => {
      if (r.status !== 'done') return;
      ranSec += runAudio;
      busySec += (performance.now() - runStart) / 1000;
    },
  };
  const rec = recordingCommands(ctx, {
    live: realTime ? undefined : false,
    transcribeAfter: { decode },
    follow: { listener, ...(realTime ? {} : { priority: 0 }) },
  });
  const m = await ctx.archive.create({ title: 'bench follow' });
  const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
  const chunks = Math.ceil(speech.pcm.length / CHUNK);
  const t0 = performance.now();
  for (let seq = 0; seq < chunks; seq++) {
    await rec.appendRecording({ meetingId: m.id, recordingId, seq, pcm: speech.pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
    if (realTime) await new Promise((r) => setTimeout(r, Math.max(0, t0 + (seq + 1) * 1000 - performance.now())));
    else await until;
    // A long session says how far it is every 10 minutes of audio (a run stopped midway shows where).
    if ((seq + 1) % 600 === 0) console.log(`follow ${minutes} min: ${(seq + 1) / 60} min pushed, ${runs} runs, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const ended = jobEnd(ctx, m.id);
  const stopAt = performance.now();
  await rec.stopRecording({ meetingId: m.id });
  const job = await ended;
  const tailSec = (performance.now() - stopAt) / 1000;
  if (job.status !== 'done') throw new Error(`the pass after the stop ended ${job.status}`);
  const saved = await ctx.archive.read(m.id);
  return {
    minutes,
    runs,
    passSpeed: busySec ? ranSec / busySec : 0,
    tailAudioSec: saved.audio!.durationSec - job.startSec,
    tailSec,
    wer: wordErrorRate(speech.reference, text(saved.segments)).wer,
    loadBefore,
    loadAfter: load(),
  };
}

/** The reference: the pass after the stop on the same audio, from zero. */
async function passAfterStop(root: string, speech: Speech, minutes: number, decode: StartOptions['decode']): Promise<{ sec: number; wer: number; loadBefore: string; loadAfter: string }> {
  const loadBefore = load();
  const ctx = await contextAt(join(root, `after-${minutes}`));
  const wav = join(root, `speech-${minutes}.wav`);
  writeFileSync(wav, Buffer.concat([wavHeader(speech.pcm.length), speech.pcm]));
  const m = await ctx.archive.create({ title: 'bench after stop' });
  await importAudioFile(ctx, m.id, wav, 'speech.wav');
  const jobs = new TranscriptionJobs(ctx);
  const t0 = performance.now();
  await jobs.start({ meetingId: m.id, decode });
  const job = await jobs.wait(m.id);
  const sec = (performance.now() - t0) / 1000;
  if (job?.status !== 'done') throw new Error(`the pass after the stop ended ${job?.status}`);
  const wer = wordErrorRate(speech.reference, text((await ctx.archive.read(m.id)).segments)).wer;
  return { sec, wer, loadBefore, loadAfter: load() };
}

export async function followBench(): Promise<{ table: string; data: unknown }> {
  if (!existsSync(join(MODELS, 'ggml-base.bin'))) return { table: '(no model: the pass that follows the recording was not measured)', data: null };
  const lengths = (process.env.RECORDING_FOLLOW_MINUTES ?? '3,6,12').split(',').map(Number).filter((n) => n > 0);
  const realTimeMinutes = Number(process.env.RECORDING_FOLLOW_REALTIME_MINUTES ?? 3);
  const beam = process.env.RECORDING_FOLLOW_DECODE === 'default';
  const decode = beam ? {} : GREEDY;
  const root = mkdtempSync(join(tmpdir(), 'mahdar-bench-follow-'));
  const rows: string[] = [];
  const data: unknown[] = [];
  try {
    for (const [i, minutes] of lengths.entries()) {
      const speech = speechOf(minutes);
      // Alternated: A B, then B A.
      let follow: FollowRow;
      let after: Awaited<ReturnType<typeof passAfterStop>> | null;
      // RECORDING_FOLLOW_AFTER=0: no pass after the stop from zero to compare with (a 3-hour session's would take half an hour more).
      const compare = process.env.RECORDING_FOLLOW_AFTER !== '0';
      if (i % 2 === 0) {
        follow = await followSession(root, speech, minutes, decode, false);
        after = compare ? await passAfterStop(root, speech, minutes, decode) : null;
      } else {
        after = compare ? await passAfterStop(root, speech, minutes, decode) : null;
        follow = await followSession(root, speech, minutes, decode, false);
      }
      data.push({ follow, after });
      // Each row is printed as it comes: a long run stopped midway keeps what it measured.
      console.log(JSON.stringify({ follow, after }));
      rows.push(
        after
          ? `| ${minutes} min, kept up (${i % 2 ? 'after, then follow' : 'follow, then after'}) | ${follow.runs} | ${follow.passSpeed.toFixed(1)}x | ${follow.tailAudioSec.toFixed(0)} s | **${follow.tailSec.toFixed(1)} s** | ${after.sec.toFixed(1)} s | ${(follow.tailSec / after.sec).toFixed(2)} | ${follow.wer.toFixed(3)} / ${after.wer.toFixed(3)} (${(follow.wer - after.wer >= 0 ? '+' : '') + (follow.wer - after.wer).toFixed(3)}) | ${follow.loadBefore}→${follow.loadAfter}; ${after.loadBefore}→${after.loadAfter} |`
          : `| ${minutes} min, kept up (no pass after the stop to compare) | ${follow.runs} | ${follow.passSpeed.toFixed(1)}x | ${follow.tailAudioSec.toFixed(0)} s | **${follow.tailSec.toFixed(1)} s** | – | – | ${follow.wer.toFixed(3)} | ${follow.loadBefore}→${follow.loadAfter} |`,
      );
    }
    if (realTimeMinutes > 0) {
      const follow = await followSession(root, speechOf(realTimeMinutes), realTimeMinutes, decode, true);
      data.push({ realTime: follow });
      rows.push(
        `| ${realTimeMinutes} min at real time, live text on, nice 19 | ${follow.runs} | ${follow.passSpeed.toFixed(1)}x | ${follow.tailAudioSec.toFixed(0)} s | **${follow.tailSec.toFixed(1)} s** | – | – | ${follow.wer.toFixed(3)} | ${follow.loadBefore}→${follow.loadAfter} |`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const table = [
    `The full pass follows the recording: ${machineLine()}; ggml-base, ${beam ? `the app decoding (beam ${DEFAULT_DECODE.beamSize})` : 'greedy'}, VAD; the pass: 45 s behind the edge, runs of 60 s or more, 1 thread; the pass after the stop: ${process.env.RECORDING_FOLLOW_THREADS ?? 'the app\'s'} threads.`,
    '',
    '| session | runs during recording | pass speed (audio s per s) | audio left at the stop | tail: stop → transcript saved | pass after stop, whole file | tail / whole | WER follow / after stop (diff) | load 1 min, before→after (follow; after) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return { table, data: { machine: machineLine(), decode: beam ? 'default' : 'greedy', rows: data } };
}
