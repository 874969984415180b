// Live recording: the page sends numbered chunks of 16 kHz mono PCM16; they are appended to
// `recording-<n>.wav` in the meeting folder (main/audio/wav-recorder.ts keeps it valid on disk
// every second). When stopped, the recording becomes the meeting's audio as an imported file does.
//
// While a recording is open, `recording.json` beside it says so (written atomically at start,
// pause and resume, removed once the recording is the meeting's audio). At the next start a
// recording.json left behind means the app, the machine or the power died while recording: the
// WAV is repaired, kept, made the meeting's audio, and reported once (getRecording.recovered).
//
// One recording at a time per meeting; no transcription starts on a meeting while it records
// (the recording holds the meeting through TranscriptionJobs.exclusive, as an import does).
import { open as openFile, readdir, readFile, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { MahdarService } from '../../shared/api.ts';
import { idSchema, newId, type Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import {
  MAX_RECORDING_CHUNK_BYTES,
  type RecordingState,
  type RecoveredRecording,
} from '../../shared/recording.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import { hashFile } from '../archive/file-hash.ts';
import { KeyedQueue } from '../archive/keyed-queue.ts';
import { clearJobRecord, TranscriptionJobs, type StartOptions } from '../asr/job.ts';
import { LiveSession, type LiveSessionOptions } from '../asr/live/session.ts';
import { resolveModel } from '../asr/models.ts';
import { readSettings } from '../context/settings.ts';
import { RECORDING_BYTES_PER_SEC, repairWav, WavRecorder, type WavRecorderOptions } from '../audio/wav-recorder.ts';
import { readWavInfo } from '../audio/wav.ts';
import type { ServiceContext } from '../context/context.ts';
import { revisionsNeedAudio } from '../export/approve.ts';

export const RECORDING_STATE_FILE = 'recording.json';
const recordingFileName = /^recording-([1-9][0-9]{0,8})\.wav$/;

const stateFileSchema = z.strictObject({
  recordingId: idSchema,
  file: z.string().regex(recordingFileName),
  /** The recording began with the meeting's audio: the transcript stays valid when it replaces it. */
  continued: z.boolean(),
  offsetSec: z.number().min(0),
  state: z.enum(['recording', 'paused']),
  startedAt: z.string().max(40),
});
type StateFile = z.infer<typeof stateFileSchema>;

interface OpenRecording {
  meetingId: string;
  info: StateFile;
  recorder: WavRecorder;
  nextSeq: number;
  /** Ends the recording's hold on the meeting (no transcription meanwhile). */
  release: () => void;
  /** The live text (main/asr/live/), when a model is installed. */
  live: LiveSession | null;
}

type Commands = Pick<
  MahdarService,
  'startRecording' | 'appendRecording' | 'pauseRecording' | 'resumeRecording' | 'stopRecording' | 'getRecording'
>;

export interface RecordingOptions extends WavRecorderOptions {
  /** Free bytes on the disk of a folder (tests simulate a nearly full disk). */
  freeBytes?: (dir: string) => Promise<number>;
  /** Live text while recording (default on when a model is installed); false turns it off. */
  live?: false | LiveSessionOptions['window'];
  /**
   * The full-quality transcription after a recording stops (default on when a model is
   * installed); false turns it off; decode overrides its decoding (tests use greedy).
   */
  transcribeAfter?: boolean | { decode?: StartOptions['decode'] };
  /** The service's jobs (service/parts.ts); a set of its own when not given. */
  jobs?: TranscriptionJobs;
}

async function diskFreeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/**
 * MAHDAR_TEST_FREE_DISK_BYTES, for the end-to-end tests only: they cannot fill the test machine's
 * disk to see the page warn, so serve mode reports this much free space instead. Unset, the
 * disk's own answer is used.
 */
function freeBytesFromEnv(): ((dir: string) => Promise<number>) | null {
  const raw = process.env.MAHDAR_TEST_FREE_DISK_BYTES;
  if (!raw || !/^[0-9]+$/.test(raw)) return null;
  const bytes = Number(raw);
  return async () => bytes;
}

const round = (t: number) => Math.round(t * 1000) / 1000;

/** The name of the next recording file: one more than the highest number in the folder. */
async function nextRecordingFile(dir: string): Promise<string> {
  let n = 0;
  for (const name of await readdir(dir)) {
    const k = recordingFileName.exec(name)?.[1];
    if (k) n = Math.max(n, Number(k));
  }
  return `recording-${n + 1}.wav`;
}

/**
 * Makes a finished (or recovered) recording the meeting's audio, as importing a file does: its
 * duration and sha256 in meeting.json, the old file deleted unless an approved revision needs it.
 * A recording that did not begin with the old audio replaces its transcript too.
 */
async function attachRecording(ctx: ServiceContext, jobs: TranscriptionJobs, meetingId: string, file: string, continued: boolean): Promise<Meeting> {
  const dir = ctx.archive.meetingDir(meetingId);
  const path = join(dir, file);
  const { durationSec } = await readWavInfo(path);
  const sha256 = await hashFile(path);
  let previous: string | null = null;
  const saved = await ctx.archive.update(meetingId, (m) => {
    if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
    previous = m.audio?.file ?? null;
    const clear = !continued && m.segments.length > 0;
    return {
      ...m,
      audio: { file, durationSec: round(durationSec), sha256, originalName: file },
      segments: clear ? [] : m.segments,
      decisions: clear ? m.decisions.map((d) => ({ ...d, segmentIds: [] })) : m.decisions,
    };
  });
  // The job record names the old file and hash: a transcription starts afresh on the new audio
  // (resuming from the last saved segment when the transcript was kept).
  await clearJobRecord(ctx, meetingId).catch(() => undefined);
  jobs.forget(meetingId);
  const old: string | null = previous;
  if (old && old !== file && !(await revisionsNeedAudio(dir, old))) await rm(join(dir, old), { force: true }).catch(() => undefined);
  return saved;
}

/**
 * Finds the recordings a crash left open, repairs them and makes each its meeting's audio.
 * Returns what was recovered, by meeting id.
 */
export async function recoverRecordings(ctx: ServiceContext, jobs: TranscriptionJobs): Promise<Map<string, RecoveredRecording>> {
  const found = new Map<string, RecoveredRecording>();
  for (const id of await readdir(ctx.archive.meetingsRoot).catch(() => [] as string[])) {
    if (!idSchema.safeParse(id).success) continue;
    const dir = join(ctx.archive.meetingsRoot, id);
    const stateFile = join(dir, RECORDING_STATE_FILE);
    let info: StateFile;
    try {
      info = stateFileSchema.parse(JSON.parse(await readFile(stateFile, 'utf8')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      // Written atomically, so an unreadable one was not written by us: leave it for a person.
      console.error(`mahdar: ${stateFile} cannot be read; the recording it names was left as it is.`);
      continue;
    }
    const wav = join(dir, info.file);
    let durationSec: number;
    try {
      durationSec = (await repairWav(wav)).durationSec;
    } catch {
      // Killed before the header reached the disk: nothing was recorded.
      durationSec = 0;
    }
    // No chunk reached the file (a continued one holds only the copy of the meeting's audio):
    // the meeting keeps the audio it has.
    if (durationSec <= info.offsetSec) {
      await rm(wav, { force: true });
      await rm(stateFile, { force: true });
      continue;
    }
    let attached = true;
    try {
      await attachRecording(ctx, jobs, id, info.file, info.continued);
    } catch (err) {
      if (!(err instanceof MahdarError) || err.code !== 'meeting.readOnly') throw err;
      attached = false; // approved meanwhile: the file stays in the folder, named in the report
    }
    await rm(stateFile, { force: true });
    const recovered: RecoveredRecording = { recordingId: info.recordingId, durationSec: round(durationSec), attached, file: info.file };
    found.set(id, recovered);
    ctx.events.publish({ type: 'recording', meetingId: id, recording: null, recovered });
  }
  return found;
}

export function recordingCommands(ctx: ServiceContext, opts: RecordingOptions = {}): Commands {
  const open = new Map<string, OpenRecording>();
  const queue = new KeyedQueue();
  const jobs = opts.jobs ?? new TranscriptionJobs(ctx);
  const freeBytes = opts.freeBytes ?? freeBytesFromEnv() ?? diskFreeBytes;
  /** Meetings whose full pass was started by transcribeAfter (a new recording cancels it). */
  const autoJobs = new Set<string>();
  // Recovery runs once when the service starts; every command waits for it.
  const recovery = recoverRecordings(ctx, jobs).catch((err: unknown) => {
    console.error('mahdar: recovering interrupted recordings failed:', err);
    return new Map<string, RecoveredRecording>();
  });

  const writeState = (r: OpenRecording) =>
    writeFileAtomic(join(ctx.archive.meetingDir(r.meetingId), RECORDING_STATE_FILE), JSON.stringify(r.info, null, 2));

  async function stateOf(r: OpenRecording, state: RecordingState['state'] = r.info.state): Promise<RecordingState> {
    const free = await freeBytes(ctx.archive.meetingDir(r.meetingId)).catch(() => Infinity);
    return {
      meetingId: r.meetingId,
      recordingId: r.info.recordingId,
      state,
      durationSec: round(r.recorder.durationSec),
      offsetSec: r.info.offsetSec,
      nextSeq: r.nextSeq,
      freeDiskMinutes: Number.isFinite(free) ? Math.floor(free / RECORDING_BYTES_PER_SEC / 60) : 1_000_000,
    };
  }

  async function announce(r: OpenRecording, state?: RecordingState['state']): Promise<RecordingState> {
    const s = await stateOf(r, state);
    ctx.events.publish({ type: 'recording', meetingId: r.meetingId, recording: s });
    return s;
  }

  function current(meetingId: string, recordingId?: string): OpenRecording {
    const r = open.get(meetingId);
    if (!r || (recordingId !== undefined && r.info.recordingId !== recordingId)) throw new MahdarError('recording.notFound');
    return r;
  }

  /** Holds the meeting against transcription until `release`; refused while a job runs. */
  async function hold(meetingId: string): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((res) => (release = res));
    let entered!: () => void;
    const inside = new Promise<void>((res) => (entered = res));
    const held = jobs.exclusive(meetingId, 'job.running', async () => {
      entered();
      await released;
    });
    await Promise.race([inside, held]);
    void held.catch(() => undefined);
    return release;
  }

  async function start(meetingId: string, continuing: boolean): Promise<RecordingState> {
    if (open.has(meetingId)) throw new MahdarError('recording.active');
    // The full pass this service started after the last recording gives way (it resumes later).
    if (autoJobs.has(meetingId)) await jobs.cancel(meetingId);
    const meeting = await ctx.archive.read(meetingId);
    if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
    const release = await hold(meetingId);
    const dir = ctx.archive.meetingDir(meetingId);
    let recorder: WavRecorder | null = null;
    let file = '';
    try {
      file = await nextRecordingFile(dir);
      recorder = await WavRecorder.create(join(dir, file), opts);
      if (continuing) {
        // The meeting's audio is copied, never appended to in place: an approved revision's
        // manifest may name that file and its sha256.
        const source = meeting.audio ? join(dir, meeting.audio.file) : null;
        const info = source ? await readWavInfo(source).catch(() => null) : null;
        if (!source || !info || info.sampleRate !== 16000 || info.channels !== 1 || info.bitsPerSample !== 16) {
          throw new MahdarError('recording.cannotContinue');
        }
        await copyPcm(source, info.dataOffset, info.dataBytes - (info.dataBytes % 2), recorder);
        await recorder.sync();
      }
      const r: OpenRecording = {
        meetingId,
        recorder,
        nextSeq: 0,
        release,
        live: null,
        info: {
          recordingId: newId('rec'),
          file,
          continued: continuing,
          offsetSec: round(recorder.durationSec),
          state: 'recording',
          startedAt: new Date().toISOString(),
        },
      };
      await writeState(r);
      open.set(meetingId, r);
      // Never fails the recording: without a model it is null, and failures become events.
      if (process.env.MAHDAR_LIVE === '0') {
        // Turned off by whoever runs the computer: no engine listens on loopback (docs/engine.md,
        // "Who can reach the live engine"). The page says so.
        ctx.events.publish({ type: 'liveStatus', meetingId, recordingId: r.info.recordingId, state: 'off' });
      } else if (opts.live !== false) {
        r.live = await LiveSession.start(ctx, { meetingId, recordingId: r.info.recordingId, originSec: r.info.offsetSec, window: opts.live });
      }
      return await announce(r);
    } catch (err) {
      await recorder?.close().catch(() => undefined);
      if (file) await rm(join(dir, file), { force: true }).catch(() => undefined);
      release();
      throw err;
    }
  }

  /**
   * After a recording: the full-quality pass (the resumable job) over the whole file, which
   * replaces the live text, then the live marks applied to its segments (applyMarks) once it
   * ends done. Nothing happens without an installed model; the secretary starts it later.
   */
  async function transcribeAfter(meetingId: string): Promise<void> {
    // The recording's hold on the meeting ends when stopRecording's command has returned.
    for (let i = 0; i < 1000 && jobs.isHeld(meetingId); i++) await new Promise((res) => setImmediate(res));
    // Checked first: a job that fails its own checks would hold the meeting meanwhile.
    const settings = await readSettings(ctx).catch(() => null);
    if (!settings || !(await resolveModel(ctx, settings.modelId).then(() => true, () => false))) return;
    if (open.has(meetingId)) return; // recording again already
    autoJobs.add(meetingId);
    try {
      await jobs.start({ meetingId, decode: typeof opts.transcribeAfter === 'object' ? opts.transcribeAfter.decode : undefined });
    } catch {
      autoJobs.delete(meetingId);
      return; // a job or another command came first
    }
    const job = await jobs.wait(meetingId);
    autoJobs.delete(meetingId);
    if (job?.status !== 'done') return;
    try {
      const { version } = await ctx.journals.state(meetingId);
      const out = await ctx.journals.apply(meetingId, version, { type: 'applyMarks', overwrite: false });
      if (out.version !== version) ctx.events.publish({ type: 'meeting', meetingId });
    } catch (err) {
      // Approved or deleted meanwhile: the marks stay, and applyMarks can be run by hand.
      console.error(`mahdar: applying the marks of meeting ${meetingId} failed:`, err);
    }
  }

  return {
    async startRecording({ meetingId, continue: continuing }) {
      await recovery;
      return queue.run(meetingId, () => start(meetingId, continuing));
    },

    async appendRecording({ meetingId, recordingId, seq, pcm }) {
      await recovery;
      return queue.run(meetingId, async () => {
        const r = current(meetingId, recordingId);
        // Already written (a retry whose answer was lost): acknowledged again, not written twice.
        if (seq < r.nextSeq) return stateOf(r);
        if (seq > r.nextSeq) throw new MahdarError('recording.gap', { expected: r.nextSeq, got: seq });
        if (r.info.state === 'paused') throw new MahdarError('recording.paused');
        const bytes = Buffer.from(pcm, 'base64');
        if (bytes.length === 0 || bytes.length % 2 || bytes.length > MAX_RECORDING_CHUNK_BYTES) throw new MahdarError('recording.badChunk');
        await r.recorder.append(bytes);
        r.nextSeq = seq + 1;
        // The live text takes its copy without waiting on the engine.
        r.live?.push(bytes);
        return announce(r);
      });
    },

    async pauseRecording({ meetingId }) {
      await recovery;
      return queue.run(meetingId, async () => {
        const r = current(meetingId);
        if (r.info.state === 'paused') return stateOf(r);
        await r.recorder.sync();
        r.info = { ...r.info, state: 'paused' };
        await writeState(r);
        return announce(r);
      });
    },

    async resumeRecording({ meetingId }) {
      await recovery;
      return queue.run(meetingId, async () => {
        const r = current(meetingId);
        if (r.info.state === 'recording') return stateOf(r);
        r.info = { ...r.info, state: 'recording' };
        await writeState(r);
        return announce(r);
      });
    },

    async stopRecording({ meetingId }) {
      await recovery;
      return queue.run(meetingId, async () => {
        const r = current(meetingId);
        await r.recorder.close();
        open.delete(meetingId);
        // The live engine is stopped with the recording (its text lives in events only).
        await r.live?.stop().catch(() => undefined);
        const dir = ctx.archive.meetingDir(meetingId);
        if (r.recorder.durationSec <= r.info.offsetSec) {
          // Stopped before any audio came: the meeting keeps its audio and its transcript.
          await rm(join(dir, r.info.file), { force: true });
          await rm(join(dir, RECORDING_STATE_FILE), { force: true });
          r.release();
          await announce(r, 'stopped');
          return ctx.archive.read(meetingId);
        }
        try {
          // On failure (the meeting was approved or deleted meanwhile) the WAV and its
          // recording.json stay, and the next start recovers them.
          const meeting = await attachRecording(ctx, jobs, meetingId, r.info.file, r.info.continued);
          await rm(join(dir, RECORDING_STATE_FILE), { force: true });
          await announce(r, 'stopped');
          ctx.events.publish({ type: 'meeting', meetingId });
          if (opts.transcribeAfter !== false) void transcribeAfter(meetingId);
          return meeting;
        } finally {
          r.release();
        }
      });
    },

    async getRecording({ meetingId }) {
      const recovered = await recovery;
      return queue.run(meetingId, async () => {
        const r = open.get(meetingId);
        const once = recovered.get(meetingId) ?? null;
        recovered.delete(meetingId);
        return { recording: r ? await stateOf(r) : null, recovered: once };
      });
    },
  };
}

/** Copies PCM data from a WAV into a recorder, a megabyte at a time. */
async function copyPcm(source: string, offset: number, bytes: number, recorder: WavRecorder): Promise<void> {
  const fh = await openFile(source, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let done = 0;
    while (done < bytes) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, bytes - done), offset + done);
      if (bytesRead <= 0) break;
      await recorder.append(buf.subarray(0, bytesRead - (bytesRead % 2)));
      done += bytesRead - (bytesRead % 2);
      if (bytesRead % 2) break;
    }
  } finally {
    await fh.close();
  }
}

