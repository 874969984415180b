// The full pass follows the recording (issue 26), with the real engine (whisper-cli, ggml-base,
// Silero VAD, greedy): real read MSA fed through appendRecording in 1 s chunks, the pass given
// time to keep up between chunks (it runs whenever enough audio is written). Its segments are
// saved during the recording, the stop transcribes only the tail, the transcript is as good as a
// pass after the stop on the same audio, a kill of the app mid-run loses and repeats nothing, a
// job started meanwhile is refused and an import leaves the pass alone, and no engine is left. The
// pass keeps where it heard speech, so a silent break is not transcribed again after the stop.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { TranscriptionJob } from '../../shared/api.ts';
import type { Segment } from '../../shared/domain.ts';
import type { RecordingState } from '../../shared/recording.ts';
import { wordErrorRate } from '../../shared/text/wer.ts';
import { TranscriptionJobs } from '../../main/asr/job.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import { readWavInfo } from '../../main/audio/wav.ts';
import type { ServiceContext } from '../../main/context/context.ts';
import { settingsStore } from '../../main/context/settings.ts';
import { createService } from '../../main/service/index.ts';
import { openMeetingAudio } from '../../main/service/media.ts';
import { recordingCommands } from '../../main/service/recording.ts';
import type { FollowListener } from '../../main/service/recording/follow.ts';
import { readFollowFile } from '../../main/service/recording/follow-file.ts';
import { readHeardSpeech } from '../../main/asr/heard-speech.ts';
import { spansToTranscribeAgain } from '../../main/asr/gap-pass.ts';
import { untranscribedSpans } from '../../shared/transcript/gaps.ts';
import { errorCodeOf } from './error-code.ts';
import { concatClips, FAST_DECODE, freshContext, haveModel, refs, tempDir } from './asr-fixtures.ts';
import { gone } from './processes.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
/**
 * Scaled down from the app's (45 s behind the edge, 60 s runs) so that a one-minute file makes
 * runs (the words are compared with the app's run length, in the first test); at the app's priority (nice 19) the engine would wait for every other process of
 * a busy test machine, so these runs take the normal one (one test checks the app's).
 */
const TEST_FOLLOW = { lagSec: 5, minRunSec: 12, searchSec: 4, priority: 0 } as const;
const CHUNK = 32000; // 1 s

/** msa-read's first `clips` clips joined (8: about a minute), with their reference text. */
function speech(clips = 8): { wav: string; pcm: Buffer; reference: string } {
  const names = Array.from({ length: clips }, (_, i) => `${String(i + 1).padStart(3, '0')}.wav`);
  const wav = concatClips(names, join(tempDir(), 'speech.wav'), 0.5);
  const bytes = readFileSync(wav);
  const reference = names.map((c) => refs().get(c)!.text).join(' ');
  return { wav, pcm: bytes.subarray(44), reference };
}

/**
 * A fresh data root whose runs take one thread: on a test computer busy with other work, two
 * threads wait on each other at every step (whisper.cpp's OpenMP barriers) and take several times longer.
 */
async function oneThread(root?: string): Promise<ServiceContext> {
  const ctx = await freshContext(root);
  await settingsStore(ctx).updateSettings({ settings: { threads: 1 } });
  return ctx;
}

const text = (segments: readonly Segment[]) => segments.map((s) => s.text).join(' ');
const words = (segments: readonly Segment[]) => text(segments).split(/\s+/).filter(Boolean).length;

/**
 * As many words as the pass after the stop, within 15%: nothing lost, nothing written twice in
 * bulk (the first test says why the WER against the readings cannot tell).
 */
function expectAsManyWords(followed: readonly Segment[], after: readonly Segment[]): void {
  expect(Math.abs(words(followed) / words(after) - 1)).toBeLessThanOrEqual(0.15);
}

/** In time order, none overlapping the one before: nothing was transcribed twice. */
function expectOrdered(segments: readonly Segment[]): void {
  segments.forEach((s, i) => i > 0 && expect(s.start).toBeGreaterThanOrEqual(segments[i - 1]!.end));
}

/** The first running state and the end state of the meeting's next job, from its events. */
function nextJob(ctx: ServiceContext, meetingId: string): { first: Promise<TranscriptionJob>; end: Promise<TranscriptionJob> } {
  let first!: (j: TranscriptionJob) => void;
  let end!: (j: TranscriptionJob) => void;
  const out = { first: new Promise<TranscriptionJob>((r) => (first = r)), end: new Promise<TranscriptionJob>((r) => (end = r)) };
  const off = ctx.events.subscribe((e) => {
    if (e.type !== 'job' || e.job.meetingId !== meetingId) return;
    first(e.job);
    if (e.job.status !== 'running') {
      off();
      end(e.job);
    }
  });
  return out;
}

/** A listener that records the engines started and lets the caller wait for the pass to be idle. */
function watch(): FollowListener & { idle: () => Promise<void>; pids: number[]; runs: [number, number][] } {
  let until: Promise<void> = Promise.resolve();
  const pids: number[] = [];
  const runs: [number, number][] = [];
  return {
    pids,
    runs,
    idle: () => until,
    looking: (p) => (until = p),
    started: (pid, from, to) => {
      pids.push(pid);
      runs.push([from, to]);
    },
  };
}

/** A service whose recordings the pass follows at the tests' pace, one thread, and a new meeting. */
async function followedMeeting() {
  const { pcm } = speech();
  const ctx = await oneThread();
  const listener = watch();
  const service = await createService(ctx, { recording: { syncIntervalMs: 0, live: false, transcribeAfter: { decode: FAST_DECODE }, follow: { ...TEST_FOLLOW, listener } } });
  const m = await service.createMeeting({ fields: { title: 'جلسة' } });
  return { pcm, ctx, listener, service, m };
}

/** The pass after the stop on the same audio, from zero: the reference. */
async function passAfterStop(ctx: ServiceContext, wav: string): Promise<Segment[]> {
  const m = await ctx.archive.create({ title: 'مرجع' });
  await importAudioFile(ctx, m.id, wav, 'speech.wav');
  const jobs = new TranscriptionJobs(ctx);
  await jobs.start({ meetingId: m.id, decode: FAST_DECODE });
  expect((await jobs.wait(m.id))?.status).toBe('done');
  return (await ctx.archive.read(m.id)).segments;
}

describe.runIf(haveModel)('the full pass follows the recording (real engine)', () => {
  it('saves into the transcript while recording, where the secretary tags it at once; the stop transcribes only the tail; the words equal a pass after the stop', async () => {
    // The app's runs (60 s or more, cut in the 15 s before the target), 5 s behind the edge so that
    // 2.5 minutes make two: runs of 12 s gave Whisper short padded windows and lost 0.10 of WER.
    const { wav, pcm, reference } = speech(20);
    const ctx = await oneThread();
    const listener = watch();
    const follow = { lagSec: 5, priority: 0, listener };
    const service = await createService(ctx, { recording: { syncIntervalMs: 0, live: false, transcribeAfter: { decode: FAST_DECODE }, follow } });
    const chair = { id: 'p-chair', name: 'الرئيس', gender: 'm' as const, title: '', organisation: '' };
    const m = await service.createMeeting({ fields: { title: 'جلسة', participants: [chair] } });
    // The secretary tags each segment the moment it reaches the transcript, while the pass goes on
    // appending to the same meeting: edits chained on the version each answered, as the editor does.
    const tagged: string[] = [];
    let version = (await service.getEditState({ meetingId: m.id })).version;
    let chain: Promise<unknown> = Promise.resolve();
    const off = ctx.events.subscribe((e) => {
      if (e.type !== 'segment' || e.meetingId !== m.id || tagged.includes(e.segment.id)) return;
      tagged.push(e.segment.id);
      chain = chain.then(async () => {
        const out = await service.applyEdit({ meetingId: m.id, baseVersion: version, edit: { type: 'assignSpeaker', range: { ids: [e.segment.id] }, speakerId: chair.id } });
        version = out.version;
      });
    });
    const { recordingId } = await service.startRecording({ meetingId: m.id, continue: false });
    const chunks = Math.ceil(pcm.length / CHUNK);
    let state: RecordingState | null = null;
    for (let seq = 0; seq < chunks; seq++) {
      state = await service.appendRecording({ meetingId: m.id, recordingId, seq, pcm: pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
      await listener.idle();
    }
    await chain;
    off();
    // During the recording: several runs, each from where the last one's segments end, in the
    // meeting's transcript (nothing beside the WAV), every one tagged.
    expect(listener.runs.length).toBeGreaterThanOrEqual(2);
    const dir = ctx.archive.meetingDir(m.id);
    expect(await readFollowFile(dir, 'recording-1.wav')).toEqual([]);
    const during = (await service.getMeeting({ id: m.id })).segments;
    expect(during.length).toBeGreaterThan(0);
    expect(during.map((s) => s.id)).toEqual(tagged);
    expect(during.every((s) => s.speakerId === chair.id)).toBe(true);
    const state2 = (await service.getRecording({ meetingId: m.id })).recording!;
    expect(state2.followed).toEqual({ endSec: during.at(-1)!.end, inTranscript: true });
    expect(state?.followed?.inTranscript).toBe(true);
    // The player plays the recording as far as it is written, while the meeting has no audio yet.
    const played = await openMeetingAudio(ctx, m.id);
    expect((await played.handle.stat()).size).toBe((await stat(join(dir, 'recording-1.wav'))).size);
    await played.handle.close();

    const job = nextJob(ctx, m.id);
    const stopped = await service.stopRecording({ meetingId: m.id });
    // The stop keeps them, tags and all, as the transcript; the pass after it starts at their end.
    expect(stopped.segments.map((s) => s.id)).toEqual(tagged);
    expect(stopped.segments.every((s) => s.speakerId === chair.id)).toBe(true);
    const adoptedEnd = during.at(-1)!.end;
    expect((await job.first).doneSec).toBe(adoptedEnd);
    expect((await job.end).status).toBe('done');
    const final = (await ctx.archive.read(m.id)).segments;
    expect(final.slice(0, tagged.length).map((s) => [s.id, s.speakerId])).toEqual(tagged.map((id) => [id, chair.id]));
    expect(final.length).toBeGreaterThan(tagged.length);
    expectOrdered(final);
    for (const pid of listener.pids) expect(await gone(pid)).toBe(true);

    const after = await passAfterStop(ctx, wav);
    const werFollow = wordErrorRate(reference, text(final)).wer;
    const werAfter = wordErrorRate(reference, text(after)).wer;
    const between = wordErrorRate(text(after), text(final)).wer;
    const info = await readWavInfo(join(dir, stopped.audio!.file));
    console.log(
      `follow: ${listener.runs.length} runs over ${info.durationSec.toFixed(0)} s, tail from ${adoptedEnd.toFixed(1)} s; WER ${werFollow.toFixed(3)} vs ${werAfter.toFixed(3)} after the stop (between them ${between.toFixed(3)})`,
    );
    // Nothing lost, nothing written twice in bulk: as many words as the pass after the stop, within
    // 15%. The WER against the readings cannot tell that on its own: base gets most of these words
    // wrong, so a lost run turns substitutions into deletions and the WER barely moves. On a Zen 4
    // host, dropping this test's second run (51 s of its 155 s) took the WER from 0.717 to 0.724
    // only, and the words from 323 to 208 (the pass after the stop: 307).
    expectAsManyWords(final, after);
    // No worse than the pass after the stop by more than 0.05: base greedy moves by a few words
    // either way with the cuts, and on these 155 s one window decides. The issue asks 0.01, met at
    // 6 and 30 minutes by the bench (docs/engine.md, "The full pass follows the recording"). Two
    // hosts came close to this bound with two different accidents of greedy decoding. On an AMD
    // EPYC Zen 3 the second run, which starts where a sentence begins (54.28 s), skipped that
    // sentence and the next, 7 s of speech: 0.667 against 0.623 (whisper-cli alone on the same cut
    // does the same; starting 0.02 s later it does not; 30 other cuts of real speech lost nothing,
    // docs/engine.md, "On an AMD EPYC with AVX-512 (Zen 4)"). On a Zen 4 the followed pass kept
    // that sentence but wrote one phrase twice more than the pass after the stop: 0.717 against
    // 0.670.
    expect(werFollow - werAfter).toBeLessThanOrEqual(0.05);
  }, 900_000);

  it('a recording that will replace a transcript leaves it as it is until the stop, and the player on the old audio', async () => {
    const { pcm, ctx, listener, service, m } = await followedMeeting();
    await importAudioFile(ctx, m.id, join(REPO, '..', 'shared', 'fixtures', 'msa-read', '020.wav'), 'old.wav');
    const jobs = new TranscriptionJobs(ctx);
    await jobs.start({ meetingId: m.id, decode: FAST_DECODE });
    expect((await jobs.wait(m.id))?.status).toBe('done');
    const old = await ctx.archive.read(m.id);
    expect(old.segments.length).toBeGreaterThan(0);

    const { recordingId } = await service.startRecording({ meetingId: m.id, continue: false });
    const firstRun = new Promise<void>((res) => (listener.saved = () => res()));
    let state: RecordingState | null = null;
    for (let seq = 0; seq < 30; seq++) {
      state = await service.appendRecording({ meetingId: m.id, recordingId, seq, pcm: pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
    }
    await firstRun;
    await listener.idle();
    expect((await ctx.archive.read(m.id)).segments).toEqual(old.segments);
    expect((await readFollowFile(ctx.archive.meetingDir(m.id), 'recording-1.wav')).length).toBeGreaterThan(0);
    expect(state?.followed?.inTranscript).toBe(false);
    const played = await openMeetingAudio(ctx, m.id);
    expect((await played.handle.stat()).size).toBe((await stat(join(ctx.archive.meetingDir(m.id), old.audio!.file))).size);
    await played.handle.close();
    const job = nextJob(ctx, m.id);
    const stopped = await service.stopRecording({ meetingId: m.id });
    expect(stopped.segments.some((s) => old.segments.some((o) => o.id === s.id))).toBe(false);
    expect((await job.end).status).toBe('done');
  }, 900_000);

});

describe.runIf(haveModel)('the full pass that follows a recording, beside other work (real engine)', () => {
  it('a job started meanwhile is refused, an import leaves the pass alone; the recording becomes the audio', async () => {
    const { pcm, ctx, listener, service, m } = await followedMeeting();
    const { recordingId } = await service.startRecording({ meetingId: m.id, continue: false });
    const firstRun = new Promise<void>((res) => (listener.saved = () => res()));
    const seconds = 30;
    for (let seq = 0; seq < seconds; seq++) {
      await service.appendRecording({ meetingId: m.id, recordingId, seq, pcm: pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
    }
    await firstRun;
    expect(await errorCodeOf(service.startTranscription({ meetingId: m.id }))).toBe('meeting.busy');
    const clip = readFileSync(join(REPO, '..', 'shared', 'fixtures', 'msa-read', '020.wav'));
    const { uploadId } = await service.beginUpload({ name: 'other.wav', size: clip.length });
    await service.uploadChunk({ uploadId, offset: 0, data: clip.toString('base64') });
    expect((await service.importAudio({ meetingId: m.id, uploadId })).audio?.originalName).toBe('other.wav');
    await listener.idle();
    const job = nextJob(ctx, m.id);
    const stopped = await service.stopRecording({ meetingId: m.id });
    expect(stopped.audio?.file).toBe('recording-1.wav');
    expect(stopped.segments.length).toBeGreaterThan(0);
    expect((await job.first).doneSec).toBe(stopped.segments.at(-1)!.end);
    expect((await job.end).status).toBe('done');
    expectOrdered((await ctx.archive.read(m.id)).segments);
    for (const pid of listener.pids) expect(await gone(pid)).toBe(true);
  }, 900_000);

  it('runs at the lowest priority; a stop mid-run leaves no engine and the pass after it does the rest', async () => {
    const { pcm } = speech();
    const ctx = await oneThread();
    const { priority: _normal, ...appPriority } = TEST_FOLLOW;
    const listener = watch();
    const engine = new Promise<number>((res) => (listener.started = (pid) => res(pid)));
    const rec = recordingCommands(ctx, { syncIntervalMs: 0, live: false, transcribeAfter: { decode: FAST_DECODE }, follow: { ...appPriority, listener } });
    const m = await ctx.archive.create({ title: 'جلسة' });
    const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
    for (let seq = 0; seq < 20; seq++) {
      await rec.appendRecording({ meetingId: m.id, recordingId, seq, pcm: pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
    }
    const pid = await engine;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 19 of /proc/<pid>/stat, the nice value: the second after the state is field 3.
    expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])).toBe(19);
    const job = nextJob(ctx, m.id);
    await rec.stopRecording({ meetingId: m.id });
    expect(await gone(pid)).toBe(true);
    expect((await job.end).status).toBe('done');
    expectOrdered((await ctx.archive.read(m.id)).segments);
  }, 900_000);

});

describe.runIf(haveModel)('the full pass that follows a recording, and a crash (real engine)', () => {
  it('a kill of the app mid-run, then a restart: what was saved is adopted, the rest transcribed once', async () => {
    const { wav, reference } = speech();
    const root = tempDir();
    const app = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/unit/follow-child.ts'), root, wav], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(app, 'exit');
    let meetingId = '';
    let enginePid = 0;
    // Killed when the second run's engine has started: the first run's segments are on disk.
    for await (const line of createInterface({ input: app.stdout! })) {
      const [word, a, b] = line.split(' ');
      if (word === 'READY') meetingId = a!;
      if (word === 'RUN' && Number(b) > 0) {
        enginePid = Number(a);
        break;
      }
    }
    expect(enginePid).toBeGreaterThan(0);
    app.kill('SIGKILL');
    await exited;
    expect(await gone(enginePid)).toBe(true);

    const ctx = await oneThread(root);
    // The first run's segments are in the transcript already (the meeting had none).
    const saved = (await ctx.archive.read(meetingId)).segments;
    expect(saved.length).toBeGreaterThan(0);
    expect(await readFollowFile(ctx.archive.meetingDir(meetingId), 'recording-1.wav')).toEqual([]);
    const rec = recordingCommands(ctx, { transcribeAfter: false });
    expect((await rec.getRecording({ meetingId })).recovered?.attached).toBe(true);
    const recovered = await ctx.archive.read(meetingId);
    expect(recovered.segments).toEqual(saved);
    const jobs = new TranscriptionJobs(ctx);
    const job = nextJob(ctx, meetingId);
    await jobs.start({ meetingId, decode: FAST_DECODE });
    expect((await job.first).doneSec).toBe(saved.at(-1)!.end);
    expect((await job.end).status).toBe('done');
    const final = (await ctx.archive.read(meetingId)).segments;
    expect(final.slice(0, saved.length)).toEqual(saved);
    expectOrdered(final);
    // Nothing lost, nothing twice: as many words as a pass after the stop, and as close to the reading.
    const after = await passAfterStop(ctx, wav);
    expectAsManyWords(final, after);
    const werAfter = wordErrorRate(reference, text(after)).wer;
    expect(wordErrorRate(reference, text(final)).wer).toBeLessThanOrEqual(werAfter + 0.05);
  }, 900_000);

  it('a silent break in the followed part is not transcribed again after the stop: the pass kept where it heard speech', async () => {
    // Speech, 25 s of silence (a break), speech: the break is a hole of 10-60 s, which the second
    // look after the stop would transcribe again if it did not know the followed runs heard nothing there.
    const first = speech(4);
    const second = concatClips(['005.wav', '006.wav', '007.wav', '008.wav'], join(tempDir(), 'second.wav'), 0.5);
    const pcm = Buffer.concat([first.pcm, Buffer.alloc(25 * CHUNK), readFileSync(second).subarray(44)]);
    const ctx = await oneThread();
    const listener = watch();
    const service = await createService(ctx, { recording: { syncIntervalMs: 0, live: false, transcribeAfter: { decode: FAST_DECODE }, follow: { ...TEST_FOLLOW, listener } } });
    const m = await service.createMeeting({ fields: { title: 'جلسة' } });
    const { recordingId } = await service.startRecording({ meetingId: m.id, continue: false });
    for (let seq = 0; seq * CHUNK < pcm.length; seq++) {
      await service.appendRecording({ meetingId: m.id, recordingId, seq, pcm: pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
      await listener.idle();
    }
    const breakStart = first.pcm.length / CHUNK;
    // The runs during the recording reached past the break, and said where they heard speech.
    expect(listener.runs.at(-1)![1]).toBeGreaterThan(breakStart + 25);
    const dir = ctx.archive.meetingDir(m.id);
    const heard = await readHeardSpeech(dir, 'recording-1.wav');
    expect(heard?.from).toBe(0);
    expect(heard!.spans.some((s) => s.end > breakStart + 25)).toBe(true);
    expect(heard!.spans.every((s) => s.end <= breakStart + 1 || s.start >= breakStart + 24)).toBe(true);

    const job = nextJob(ctx, m.id);
    const looks: NonNullable<TranscriptionJob['secondLook']>[] = [];
    // The transcript as the second look found it (its first span's words go in only when that run ends).
    let before: Promise<Segment[]> | null = null;
    const off = ctx.events.subscribe((e) => {
      if (e.type !== 'job' || e.job.meetingId !== m.id || !e.job.secondLook) return;
      looks.push(e.job.secondLook);
      before ??= ctx.archive.read(m.id).then((x) => x.segments);
    });
    await service.stopRecording({ meetingId: m.id });
    expect((await job.end).status).toBe('done');
    off();
    const final = await ctx.archive.read(m.id);
    const inBreak = (h: { start: number; end: number }) => h.start < breakStart + 2 && h.end > breakStart + 23;
    // The break is still a hole of the transcript, one the second look would take without the record.
    expect(spansToTranscribeAgain(final.segments, final.audio!.durationSec, null).some(inBreak)).toBe(true);
    // It was not transcribed again: the second look (if any hole with speech called for one; the
    // tail's greedy run may leave one) took no more spans than the holes of 5 s or more outside the break.
    if (looks.length) {
      const holes = untranscribedSpans(await before!, final.audio!.durationSec, 5).filter((h) => !inBreak(h));
      expect(looks[0]!.total).toBeLessThanOrEqual(holes.length);
    }
    for (const pid of listener.pids) expect(await gone(pid)).toBe(true);
  }, 900_000);
});
