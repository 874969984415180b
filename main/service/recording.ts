// Live recording: the page sends numbered chunks of 16 kHz mono PCM16; they are appended to
// `recording-<n>.wav` in the meeting folder (main/audio/wav-recorder.ts keeps it valid on disk
// every second). When stopped, the recording becomes the meeting's audio as an imported file does.
//
// While a recording is open, `recording.json` beside it says so (recording/state-file.ts). At the
// next start a recording.json left behind means the app, the machine or the power died while
// recording: the WAV is repaired, kept, made the meeting's audio, and reported once
// (getRecording.recovered; recording/recover.ts).
//
// One recording at a time per meeting, its commands run one at a time, and each one is checked
// against the recording's state machine (shared/recording-machine.ts) that the page follows too.
// No transcription starts on a meeting while it records (recording/hold.ts); the full pass follows
// the recording instead (recording/follow.ts), so that at the stop only the tail is left.
import { rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { MahdarService } from '../../shared/api.ts';
import type { Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { recordingStep, type RecordingInput, type RecordingPhase } from '../../shared/recording-machine.ts';
import { MAX_RECORDING_CHUNK_BYTES, type RecordingState, type RecordingStatus, type RecoveredRecording } from '../../shared/recording.ts';
import { KeyedQueue } from '../archive/keyed-queue.ts';
import { TranscriptionJobs, type StartOptions } from '../asr/job.ts';
import { LiveSession, type LiveSessionOptions } from '../asr/live/session.ts';
import { RECORDING_BYTES_PER_SEC, type WavRecorderOptions } from '../audio/wav-recorder.ts';
import type { ServiceContext } from '../context/context.ts';
import { transcribeAfter, type AfterStop } from './recording/after-stop.ts';
import { attachRecording, roundSec } from './recording/attach.ts';
import { Follower, type FollowListener, type FollowOptions } from './recording/follow.ts';
import { removeFollowFile } from './recording/follow-file.ts';
import { holdMeeting } from './recording/hold.ts';
import { openRecording, type OpenRecording } from './recording/open.ts';
import { recoverRecordings } from './recording/recover.ts';
import { removeStateFile, writeStateFile } from './recording/state-file.ts';
import { config } from '../config.ts';

export { RECORDING_STATE_FILE } from './recording/state-file.ts';
export { recoverRecordings } from './recording/recover.ts';

type Commands = Pick<
  MahdarService,
  'startRecording' | 'appendRecording' | 'pauseRecording' | 'resumeRecording' | 'stopRecording' | 'getRecording'
>;

export interface RecordingOptions extends WavRecorderOptions {
  /** Free bytes on the disk of a folder (default: the disk's own answer; tests give a nearly full one). */
  freeBytes?: (dir: string) => Promise<number>;
  /** Live text while recording (default on when a model is installed); false turns it off. */
  live?: false | LiveSessionOptions['window'];
  /**
   * The full-quality transcription after a recording stops (default on when a model is
   * installed); false turns it off; decode overrides its decoding (tests use greedy).
   */
  transcribeAfter?: boolean | { decode?: StartOptions['decode'] };
  /** The full pass during the recording (on with transcribeAfter, same decoding); false turns it off. */
  follow?: false | FollowOptions;
  /** The service's jobs (service/parts.ts); a set of its own when not given. */
  jobs?: TranscriptionJobs;
}

export async function diskFreeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** The state `input` leads to from `from`; a refusal is thrown as the contract's error. */
function advance(from: RecordingPhase, input: RecordingInput): RecordingPhase {
  const step = recordingStep(from, input);
  if ('refused' in step) throw new MahdarError(step.refused);
  return step.to;
}

/** Free disk as minutes of recording; an unanswered probe counts as plenty. */
async function freeDiskMinutes(freeBytes: (dir: string) => Promise<number>, dir: string): Promise<number> {
  const free = await freeBytes(dir).catch(() => Infinity);
  return Number.isFinite(free) ? Math.floor(free / RECORDING_BYTES_PER_SEC / 60) : 1_000_000;
}

/** The open recordings of one service, by meeting. */
class Recordings {
  private readonly open = new Map<string, OpenRecording>();
  private readonly queue = new KeyedQueue();
  private readonly jobs: TranscriptionJobs;
  private readonly freeBytes: (dir: string) => Promise<number>;
  private readonly after: AfterStop;
  /** Recovery runs once when the service starts; every command waits for it. */
  private readonly recovery: Promise<Map<string, RecoveredRecording>>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: RecordingOptions,
  ) {
    this.jobs = opts.jobs ?? new TranscriptionJobs(ctx);
    this.freeBytes = opts.freeBytes ?? diskFreeBytes;
    this.after = {
      jobs: this.jobs,
      autoJobs: new Set<string>(),
      recording: (meetingId) => this.open.has(meetingId),
      decode: typeof opts.transcribeAfter === 'object' ? opts.transcribeAfter.decode : undefined,
    };
    this.recovery = recoverRecordings(ctx, this.jobs).catch((err: unknown) => {
      console.error('mahdar: recovering interrupted recordings failed:', err);
      return new Map<string, RecoveredRecording>();
    });
  }

  /** Runs a command of the meeting's recording after the recovery and after its earlier commands. */
  async command<T>(meetingId: string, task: () => Promise<T>): Promise<T> {
    await this.recovery;
    return this.queue.run(meetingId, task);
  }

  private async stateOf(r: OpenRecording, state: RecordingState['state'] = r.info.state): Promise<RecordingState> {
    return {
      meetingId: r.meetingId,
      recordingId: r.info.recordingId,
      state,
      durationSec: roundSec(r.recorder.durationSec),
      offsetSec: r.info.offsetSec,
      nextSeq: r.nextSeq,
      freeDiskMinutes: await freeDiskMinutes(this.freeBytes, r.dir),
      followed: r.follower ? { endSec: roundSec(r.follower.progress.endSec), inTranscript: r.follower.progress.inTranscript } : null,
    };
  }

  private async announce(r: OpenRecording, state?: RecordingState['state']): Promise<RecordingState> {
    const s = await this.stateOf(r, state);
    this.ctx.events.publish({ type: 'recording', meetingId: r.meetingId, recording: s });
    return s;
  }

  /** The meeting's open recording, checked against the machine for `input` (not start). */
  private current(meetingId: string, input: Exclude<RecordingInput, 'start'>): { r: OpenRecording; to: RecordingPhase } {
    const r = this.open.get(meetingId);
    // Idle refuses every input but start: past this line a recording is open.
    const to = advance(r?.info.state ?? 'idle', input);
    return { r: r!, to };
  }

  /** Pause or resume: recording.json follows, and a change is announced (none is only reported). */
  async setState(meetingId: string, input: 'pause' | 'resume'): Promise<RecordingState> {
    const { r, to } = this.current(meetingId, input);
    if (to === r.info.state) return this.stateOf(r);
    if (to === 'paused') await r.recorder.sync();
    r.info = { ...r.info, state: to === 'paused' ? 'paused' : 'recording' };
    await writeStateFile(r.dir, r.info);
    // A break: the pass may reach the edge now (the file is synced, the live engine idle).
    r.follower?.poke();
    return this.announce(r);
  }

  async start(meetingId: string, continuing: boolean): Promise<RecordingState> {
    advance(this.open.get(meetingId)?.info.state ?? 'idle', 'start');
    // The full pass this service started after the last recording gives way (it resumes later).
    if (this.after.autoJobs.has(meetingId)) await this.jobs.cancel(meetingId);
    const meeting = await this.ctx.archive.read(meetingId);
    if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
    const release = await holdMeeting(this.jobs, meetingId);
    let r: OpenRecording;
    try {
      r = await openRecording(meeting, this.ctx.archive.meetingDir(meetingId), continuing, release, this.opts);
    } catch (err) {
      release();
      throw err;
    }
    this.open.set(meetingId, r);
    await this.startLive(r);
    await this.startFollower(r, meeting);
    return this.announce(r);
  }

  /** The full pass that follows the recording: on when the pass after the stop is, decoding as it does. */
  private async startFollower(r: OpenRecording, meeting: Meeting): Promise<void> {
    if (this.opts.transcribeAfter === false || this.opts.follow === false) return;
    const target = { dir: r.dir, file: r.info.file, recorder: r.recorder, paused: () => r.info.state === 'paused' };
    const opts = this.opts.follow ?? {};
    // After each run the page learns how far the transcript reaches (during a break no chunk comes to say it).
    // The caller's listener is asked at each call (a test sets its callbacks as it goes).
    const theirs = () => opts.listener;
    const listener: FollowListener = {
      looking: (until) => theirs()?.looking?.(until),
      started: (pid, from, to) => theirs()?.started?.(pid, from, to),
      saved: (endSec) => theirs()?.saved?.(endSec),
      ended: (result) => {
        theirs()?.ended?.(result);
        if (this.open.get(r.meetingId) === r) void this.announce(r).catch(() => undefined);
      },
    };
    r.follower = await Follower.start(this.ctx, meeting, target, r.info.continued, r.info.followInto ?? 'file', this.after.decode, { ...opts, listener });
  }

  /** The live text; never fails the recording: without a model it is null, failures become events. */
  private async startLive(r: OpenRecording): Promise<void> {
    const { meetingId } = r;
    const recordingId = r.info.recordingId;
    if (!config.live()) {
      // Turned off by whoever runs the computer: no engine listens on loopback (docs/engine.md,
      // "Who can reach the live engine"). The page says so.
      this.ctx.events.publish({ type: 'liveStatus', meetingId, recordingId, state: 'off' });
    } else if (this.opts.live !== false) {
      r.live = await LiveSession.start(this.ctx, { meetingId, recordingId, originSec: r.info.offsetSec, window: this.opts.live });
    }
  }

  async append(meetingId: string, recordingId: string, seq: number, pcm: string): Promise<RecordingState> {
    const r = this.open.get(meetingId);
    if (!r || r.info.recordingId !== recordingId) throw new MahdarError('recording.notFound');
    // Already written (a retry whose answer was lost): acknowledged again, not written twice.
    if (seq < r.nextSeq) return this.stateOf(r);
    if (seq > r.nextSeq) throw new MahdarError('recording.gap', { expected: r.nextSeq, got: seq });
    advance(r.info.state, 'append');
    const bytes = Buffer.from(pcm, 'base64');
    if (bytes.length === 0 || bytes.length % 2 || bytes.length > MAX_RECORDING_CHUNK_BYTES) throw new MahdarError('recording.badChunk');
    await r.recorder.append(bytes);
    r.nextSeq = seq + 1;
    // The live text takes its copy without waiting on the engine.
    r.live?.push(bytes);
    r.follower?.poke();
    return this.announce(r);
  }

  async stop(meetingId: string): Promise<Meeting> {
    const { r } = this.current(meetingId, 'stop');
    await r.recorder.close();
    this.open.delete(meetingId);
    // The live engine is stopped with the recording (its text lives in events only).
    await r.live?.stop().catch(() => undefined);
    // The following pass stops too (a run in flight is cut short; what it saved stays).
    await r.follower?.stop().catch(() => undefined);
    if (r.recorder.durationSec <= r.info.offsetSec) {
      // Stopped before any audio came: the meeting keeps its audio and its transcript.
      await rm(join(r.dir, r.info.file), { force: true });
      await removeFollowFile(r.dir, r.info.file);
      await removeStateFile(r.dir);
      r.release();
      await this.announce(r, 'stopped');
      return this.ctx.archive.read(meetingId);
    }
    try {
      // On failure (the meeting was approved or deleted meanwhile) the WAV and its
      // recording.json stay, and the next start recovers them.
      const meeting = await attachRecording(this.ctx, this.jobs, meetingId, r.info.file, r.info.continued, r.info.followInto ?? 'file');
      await removeStateFile(r.dir);
      await this.announce(r, 'stopped');
      this.ctx.events.publish({ type: 'meeting', meetingId });
      if (this.opts.transcribeAfter !== false) void transcribeAfter(this.ctx, meetingId, this.after);
      return meeting;
    } finally {
      r.release();
    }
  }

  /** What main holds for the meeting; a recovery is said once. */
  async status(meetingId: string): Promise<RecordingStatus> {
    const recovered = await this.recovery;
    const r = this.open.get(meetingId);
    const once = recovered.get(meetingId) ?? null;
    recovered.delete(meetingId);
    return { recording: r ? await this.stateOf(r) : null, recovered: once };
  }
}

export function recordingCommands(ctx: ServiceContext, opts: RecordingOptions = {}): Commands {
  const rec = new Recordings(ctx, opts);
  return {
    startRecording: ({ meetingId, continue: continuing }) => rec.command(meetingId, () => rec.start(meetingId, continuing)),
    appendRecording: ({ meetingId, recordingId, seq, pcm }) => rec.command(meetingId, () => rec.append(meetingId, recordingId, seq, pcm)),
    pauseRecording: ({ meetingId }) => rec.command(meetingId, () => rec.setState(meetingId, 'pause')),
    resumeRecording: ({ meetingId }) => rec.command(meetingId, () => rec.setState(meetingId, 'resume')),
    stopRecording: ({ meetingId }) => rec.command(meetingId, () => rec.stop(meetingId)),
    // Answered after the recovery, as the other commands (command() waits for it too).
    getRecording: ({ meetingId }) => rec.command(meetingId, () => rec.status(meetingId)),
  };
}
