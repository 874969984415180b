// Live recording through the service (main/service/recording.ts): a real crash (a child process
// recording through the service, SIGKILLed right after an acknowledged chunk) leaves a recording
// the next start repairs, keeps as the meeting's audio, reports, and lets the secretary continue;
// killed between a chunk's write and its answer, the page's continuation sends that chunk no more;
// a retried chunk is never written twice and a skipped one is refused; a paused span holds no
// audio; the stopped recording becomes the meeting's audio as an import does.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api.ts';
import type { Meeting } from '../../shared/domain.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { TranscriptionJobs } from '../../main/asr/job.ts';
import { createService, dispatch } from '../../main/service/index.ts';
import { RECORDING_STATE_FILE, recordingCommands } from '../../main/service/recording.ts';
import { Outbox, toBase64 } from '../../renderer/features/recording/outbox.ts';
import { tempDir } from './asr-fixtures.ts';
import { errorCodeOf } from './error-code.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const CHUNK_SAMPLES = 8000; // half a second

/** Chunk `seq` of a recognisable signal: each chunk's samples differ from every other chunk's. */
function chunk(seq: number, samples = CHUNK_SAMPLES): Buffer {
  const b = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) b.writeInt16LE(Math.round(8000 * Math.sin((seq * samples + i) / 9)) + seq, i * 2);
  return b;
}
const b64 = (b: Buffer) => b.toString('base64');

function ffprobeDuration(file: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  return Number(out.trim());
}

const pcmOf = (ctx: ServiceContext, m: Meeting) => readFileSync(join(ctx.archive.meetingDir(m.id), m.audio!.file)).subarray(44);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function setUp(opts: Parameters<typeof recordingCommands>[1] = {}) {
  const ctx = await createContext(tempDir());
  const jobs = new TranscriptionJobs(ctx);
  const rec = recordingCommands(ctx, { syncIntervalMs: 0, jobs, ...opts });
  const m = await ctx.archive.create({ title: 'جلسة' });
  return { ctx, jobs, rec, m };
}

/** The recording app (recording-child.ts) on the data folder `root`, once it records. */
async function startApp(root: string) {
  const app = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/unit/recording-child.ts'), root], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<NodeJS.Signals | null>((res) => app.on('exit', (_code, signal) => res(signal)));
  const ready = await new Promise<string[]>((res, rej) => {
    createInterface({ input: app.stdout! }).on('line', (line) => line.startsWith('READY ') && res(line.split(' ').slice(1)));
    app.on('exit', () => rej(new Error('the recording app exited before it was ready')));
  });
  return { app, exited, meetingId: ready[0]! };
}

/** Chunk `seq` as the page's outbox holds it. */
const samples = (seq: number) => new Int16Array(new Uint8Array(chunk(seq)).buffer);

describe('recording through the service', () => {
  it('survives a SIGKILL right after an acknowledged chunk: the next start repairs, keeps and reports it, and it can be continued', async () => {
    const root = tempDir();
    const { app, exited, meetingId } = await startApp(root);

    // Chunks are sent ahead of their answers, as the page streams them; the app is killed the
    // moment chunk KILL_AT is acknowledged, with later chunks still in flight.
    const TOTAL = 14;
    const KILL_AT = 9;
    let acked = -1;
    let sentKill = false;
    const killed = new Promise<void>((res) => {
      app.on('message', (msg: { ack?: number; error?: string }) => {
        if (msg.error) throw new Error(msg.error);
        // Answers already in the pipe still arrive after the kill; the dead app gets no more chunks.
        if (sentKill) return;
        acked = Math.max(acked, msg.ack!);
        if (msg.ack === KILL_AT) {
          sentKill = true;
          app.kill('SIGKILL');
          res();
        } else if (msg.ack! + 3 < TOTAL) app.send({ seq: msg.ack! + 3, pcm: b64(chunk(msg.ack! + 3)) });
      });
    });
    for (let seq = 0; seq < 3; seq++) app.send({ seq, pcm: b64(chunk(seq)) });
    await killed;
    expect(await exited).toBe('SIGKILL');
    const ackedSec = ((KILL_AT + 1) * CHUNK_SAMPLES) / 16000;

    // The next start on the same data folder.
    const ctx = await createContext(root);
    const service = await createService(ctx);
    const events: ApiEvent[] = [];
    ctx.events.subscribe((e) => events.push(e));
    const status = await service.getRecording({ meetingId });
    expect(status.recording).toBeNull();
    const recovered = status.recovered!;
    expect(recovered.attached).toBe(true);
    // After a kill nothing acknowledged is lost (every append reached the kernel before its
    // answer), and no more than was sent is there.
    expect(recovered.durationSec).toBeGreaterThanOrEqual(ackedSec);
    expect(recovered.durationSec).toBeLessThanOrEqual((TOTAL * CHUNK_SAMPLES) / 16000);
    const meeting = await service.getMeeting({ id: meetingId });
    expect(meeting.audio!.durationSec).toBe(recovered.durationSec);
    const file = join(ctx.archive.meetingDir(meetingId), meeting.audio!.file);
    const kept = readFileSync(file);
    expect(meeting.audio!.sha256).toBe(sha256(kept));
    // What was kept is exactly the start of what was sent, in order, nothing doubled.
    const sent = Buffer.concat(Array.from({ length: TOTAL }, (_, i) => chunk(i)));
    expect(kept.subarray(44).equals(sent.subarray(0, kept.length - 44))).toBe(true);
    expect(ffprobeDuration(file)).toBeCloseTo(recovered.durationSec, 2);
    expect(existsSync(join(ctx.archive.meetingDir(meetingId), RECORDING_STATE_FILE))).toBe(false);
    // Told once.
    expect((await service.getRecording({ meetingId })).recovered).toBeNull();

    // The secretary continues the meeting's recording: the clock goes on from where it stopped.
    const again = await service.startRecording({ meetingId, continue: true });
    expect(again.offsetSec).toBe(recovered.durationSec);
    expect(again.durationSec).toBe(recovered.durationSec);
    await service.appendRecording({ meetingId, recordingId: again.recordingId, seq: 0, pcm: b64(chunk(100)) });
    await service.appendRecording({ meetingId, recordingId: again.recordingId, seq: 1, pcm: b64(chunk(101)) });
    const done = await service.stopRecording({ meetingId });
    expect(done.audio!.durationSec).toBe(recovered.durationSec + 1);
    expect(pcmOf(ctx, done).equals(Buffer.concat([kept.subarray(44), chunk(100), chunk(101)]))).toBe(true);
    // The recovered file was copied, then replaced: only the continued one remains.
    expect(existsSync(file)).toBe(false);
    expect(events.some((e) => e.type === 'recording' && e.recording?.state === 'stopped')).toBe(true);
  }, 60_000);

  it("a SIGKILL between a chunk's write and its answer: continuing as the page does puts each chunk in the audio exactly once", async () => {
    const root = tempDir();
    const { app, exited, meetingId } = await startApp(root);
    // The page sends one chunk at a time and waits for its answer: 0..ACKED are answered; chunk
    // ACKED+1 is written, and the app is killed before it answers.
    const ACKED = 5;
    const answered = (seq: number, hold = false) =>
      new Promise<void>((res, rej) => {
        app.once('message', (msg: { ack?: number; written?: number; error?: string }) =>
          (hold ? msg.written : msg.ack) === seq ? res() : rej(new Error(msg.error ?? `unexpected answer ${JSON.stringify(msg)}`)),
        );
        app.send({ seq, pcm: b64(chunk(seq)), hold });
      });
    for (let seq = 0; seq <= ACKED; seq++) await answered(seq);
    await answered(ACKED + 1, true);
    app.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const ackedSec = ((ACKED + 1) * CHUNK_SAMPLES) / 16000;

    // The page holds the unanswered chunk and two captured while the server was down.
    const outbox = new Outbox();
    outbox.renumberFrom(ACKED + 1);
    for (let seq = ACKED + 1; seq <= ACKED + 3; seq++) outbox.pushChunk(samples(seq));

    const ctx = await createContext(root);
    const service = await createService(ctx);
    const { recovered } = await service.getRecording({ meetingId });
    // The written chunk is in the recovered file, though the page never had its answer.
    expect(recovered!.durationSec).toBe(ackedSec + 0.5);

    // As the page's continueAfterCrash does (recorder.ts), then its queue is sent and stopped.
    const state = await service.startRecording({ meetingId, continue: true });
    outbox.keepChunksAndStop();
    outbox.dropHeld(recovered!.durationSec, ackedSec);
    outbox.renumberFrom(state.nextSeq);
    for (const item of outbox.items) {
      if (item.kind === 'pcm') await service.appendRecording({ meetingId, recordingId: state.recordingId, seq: item.seq, pcm: toBase64(item.pcm) });
    }
    const done = await service.stopRecording({ meetingId });
    const sent = Buffer.concat(Array.from({ length: ACKED + 4 }, (_, i) => chunk(i)));
    expect(done.audio!.durationSec).toBe(((ACKED + 4) * CHUNK_SAMPLES) / 16000);
    expect(pcmOf(ctx, done).equals(sent)).toBe(true);
  }, 60_000);

  it('acknowledges a retried chunk without writing it twice, and refuses a chunk that skips one', async () => {
    const { ctx, rec, m } = await setUp();
    const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
    const append = (seq: number, data = chunk(seq)) => rec.appendRecording({ meetingId: m.id, recordingId, seq, pcm: b64(data) });
    expect((await append(0)).durationSec).toBe(0.5);
    expect((await append(1)).durationSec).toBe(1);
    // The answer to chunk 1 was lost; the page sends it again.
    const retry = await append(1);
    expect(retry).toMatchObject({ durationSec: 1, nextSeq: 2 });
    // Chunk 2 was lost on the way; 3 arrives first.
    const gap = await rec.appendRecording({ meetingId: m.id, recordingId, seq: 3, pcm: b64(chunk(3)) }).catch((e: unknown) => e);
    expect(gap).toMatchObject({ code: 'recording.gap', params: { expected: 2, got: 3 } });
    await append(2);
    await append(3);
    expect(await errorCodeOf(rec.appendRecording({ meetingId: m.id, recordingId: 'rec-other', seq: 4, pcm: b64(chunk(4)) }))).toBe('recording.notFound');
    expect(await errorCodeOf(append(4, Buffer.alloc(3)))).toBe('recording.badChunk');
    const meeting = await rec.stopRecording({ meetingId: m.id });
    expect(pcmOf(ctx, meeting).equals(Buffer.concat([chunk(0), chunk(1), chunk(2), chunk(3)]))).toBe(true);
    expect(meeting.audio).toMatchObject({ durationSec: 2, file: 'recording-1.wav' });
  });

  it('a paused span holds no audio: the duration is the sum of the chunks recorded', async () => {
    const { ctx, rec, m } = await setUp();
    const events: ApiEvent[] = [];
    ctx.events.subscribe((e) => events.push(e));
    const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
    const append = (seq: number) => rec.appendRecording({ meetingId: m.id, recordingId, seq, pcm: b64(chunk(seq)) });
    await append(0);
    await append(1);
    expect(await rec.pauseRecording({ meetingId: m.id })).toMatchObject({ state: 'paused', durationSec: 1 });
    // A chunk captured while paused is refused, not added.
    expect(await errorCodeOf(append(2))).toBe('recording.paused');
    expect((await rec.getRecording({ meetingId: m.id })).recording).toMatchObject({ state: 'paused', durationSec: 1, nextSeq: 2 });
    expect(await rec.resumeRecording({ meetingId: m.id })).toMatchObject({ state: 'recording', durationSec: 1 });
    await append(2);
    const meeting = await rec.stopRecording({ meetingId: m.id });
    expect(meeting.audio!.durationSec).toBe(1.5);
    expect(pcmOf(ctx, meeting).equals(Buffer.concat([chunk(0), chunk(1), chunk(2)]))).toBe(true);
    const states = events.flatMap((e) => (e.type === 'recording' && e.recording ? [`${e.recording.state}@${e.recording.durationSec}`] : []));
    expect(states).toEqual(['recording@0', 'recording@0.5', 'recording@1', 'paused@1', 'recording@1', 'recording@1.5', 'stopped@1.5']);
  });

  it('warns before the disk runs out: each answer says how many minutes of recording are left', async () => {
    let free = 45 * 60 * 32000 + 100;
    const { rec, m } = await setUp({ freeBytes: async () => free });
    const { recordingId, freeDiskMinutes } = await rec.startRecording({ meetingId: m.id, continue: false });
    expect(freeDiskMinutes).toBe(45);
    free = 12 * 60 * 32000;
    expect((await rec.appendRecording({ meetingId: m.id, recordingId, seq: 0, pcm: b64(chunk(0)) })).freeDiskMinutes).toBe(12);
  });

  it('one recording at a time; none on an approved meeting; a new recording replaces the transcript, a continued one keeps it', async () => {
    const { ctx, rec, m } = await setUp();
    const first = await rec.startRecording({ meetingId: m.id, continue: false });
    expect(await errorCodeOf(rec.startRecording({ meetingId: m.id, continue: false }))).toBe('recording.active');
    await rec.appendRecording({ meetingId: m.id, recordingId: first.recordingId, seq: 0, pcm: b64(chunk(0)) });
    await rec.stopRecording({ meetingId: m.id });
    expect(await errorCodeOf(rec.stopRecording({ meetingId: m.id }))).toBe('recording.notFound');

    const segment = { id: 's-001', start: 0, end: 0.5, text: 'بسم الله', speakerId: null, tags: [], edited: false };
    await ctx.archive.update(m.id, (x) => ({ ...x, segments: [segment] }));
    const cont = await rec.startRecording({ meetingId: m.id, continue: true });
    expect(cont.offsetSec).toBe(0.5);
    await rec.appendRecording({ meetingId: m.id, recordingId: cont.recordingId, seq: 0, pcm: b64(chunk(1)) });
    const continued = await rec.stopRecording({ meetingId: m.id });
    expect(continued.segments).toEqual([segment]);
    expect(continued.audio).toMatchObject({ file: 'recording-2.wav', durationSec: 1 });

    // Stopped before any audio came: nothing is replaced.
    await rec.startRecording({ meetingId: m.id, continue: false });
    expect(await rec.stopRecording({ meetingId: m.id })).toMatchObject({ segments: [segment], audio: { file: 'recording-2.wav' } });
    expect(existsSync(join(ctx.archive.meetingDir(m.id), 'recording-3.wav'))).toBe(false);

    const fresh = await rec.startRecording({ meetingId: m.id, continue: false });
    await rec.appendRecording({ meetingId: m.id, recordingId: fresh.recordingId, seq: 0, pcm: b64(chunk(2)) });
    const replaced = await rec.stopRecording({ meetingId: m.id });
    expect(replaced.segments).toEqual([]);
    expect(replaced.audio).toMatchObject({ file: 'recording-3.wav', durationSec: 0.5 });
    // The replaced audio is deleted (no approved revision names it).
    expect(existsSync(join(ctx.archive.meetingDir(m.id), 'recording-2.wav'))).toBe(false);

    await ctx.archive.update(m.id, (x) => ({ ...x, status: 'approved' }));
    expect(await errorCodeOf(rec.startRecording({ meetingId: m.id, continue: false }))).toBe('meeting.readOnly');
  });

  it('no transcription starts while the meeting records; after the stop the hold is gone', async () => {
    const { jobs, rec, m } = await setUp();
    await rec.startRecording({ meetingId: m.id, continue: false });
    expect(await errorCodeOf(jobs.start({ meetingId: m.id }))).toBe('meeting.busy');
    await rec.stopRecording({ meetingId: m.id });
    // Refused now for another reason (this meeting has no model set up), no longer for the recording.
    expect(await errorCodeOf(jobs.start({ meetingId: m.id, modelId: 'no-such-model' }))).not.toBe('meeting.busy');
  });

  it('approving while the meeting records is refused as busy; the recording goes on and the meeting stays a draft', async () => {
    const { ctx, jobs, rec, m } = await setUp();
    await rec.startRecording({ meetingId: m.id, continue: false });
    const { minutesCommands } = await import('../../main/service/minutes.ts');
    expect(await errorCodeOf(minutesCommands(ctx, jobs).approveMeeting({ meetingId: m.id }))).toBe('meeting.busy');
    expect((await ctx.archive.read(m.id)).status).toBe('draft');
    expect((await rec.getRecording({ meetingId: m.id })).recording).not.toBeNull();
    await rec.stopRecording({ meetingId: m.id });
  });

  it('refuses a chunk that is not base64 or longer than two seconds, and writes nothing of it', async () => {
    const ctx = await createContext(tempDir());
    const service = await createService(ctx);
    const m = await service.createMeeting({ fields: {} });
    const { recordingId } = await service.startRecording({ meetingId: m.id, continue: false });
    const send = (pcm: string) => dispatch(service, 'appendRecording', { meetingId: m.id, recordingId, seq: 0, pcm });
    expect(await send('not base64!')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await send(b64(chunk(0, 40000)))).toMatchObject({ ok: false, error: { code: 'validation' } });
    // One sample over two seconds still fits the base64 bound; the service refuses it.
    expect(await send(b64(chunk(0, 32001)))).toMatchObject({ ok: false, error: { code: 'recording.badChunk' } });
    expect(await send(b64(chunk(0, 32000)))).toMatchObject({ ok: true, value: { durationSec: 2 } });
  });

  it('refuses to continue a meeting without audio', async () => {
    const { ctx, rec, m } = await setUp();
    expect(await errorCodeOf(rec.startRecording({ meetingId: m.id, continue: true }))).toBe('recording.cannotContinue');
    // Nothing is left behind, and a plain recording can start.
    expect(existsSync(join(ctx.archive.meetingDir(m.id), RECORDING_STATE_FILE))).toBe(false);
    expect((await rec.startRecording({ meetingId: m.id, continue: false })).offsetSec).toBe(0);
  });
});
