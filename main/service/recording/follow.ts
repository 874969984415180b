// The full pass follows the recording (issue 26): while a meeting records, and while it is paused,
// the full-quality engine transcribes the audio already written, from the end of what it saved to
// a pause (the quietest moment, live/pause.ts) `lagSec` or more behind the live edge, where the
// live engine works. One run at a time, at the lowest priority (nice 19: the recorder and the live
// text come first), on one thread while recording (the other core is theirs), with the decoding
// of the pass after the stop (job.ts, jobEngine). Its segments go into the meeting's transcript
// when the recording's text is to be that transcript (follow-meeting.ts: the secretary reviews and
// tags them during the recording), else to recording-<n>.segments.json (follow-file.ts) until the
// stop; attach.ts keeps or adopts them, so the pass after the stop resumes at their end and only
// the tail is left. After a crash, recovery does the same with what was saved.
//
// No job runs on the meeting meanwhile: the recording holds it (hold.ts).
import { open } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import type { Meeting, Segment } from '../../../shared/domain.ts';
import type { Span } from '../../../shared/transcript/gaps.ts';
import { extendHeard, readHeardSpeech, writeHeardSpeech, type HeardRecord } from '../../asr/heard-speech.ts';
import { jobEngine, resumePoint, type StartOptions } from '../../asr/job.ts';
import { segmentStream } from '../../asr/segment-saver.ts';
import { quietestPointSec } from '../../asr/live/pause.ts';
import { runWhisper, type RunHandle, type RunResult } from '../../asr/runner.ts';
import { RECORDING_BYTES_PER_SEC, type WavRecorder } from '../../audio/wav-recorder.ts';
import { readWavInfo } from '../../audio/wav.ts';
import type { ServiceContext } from '../../context/context.ts';
import { FollowFile } from './follow-file.ts';
import { MeetingFollowStore, type FollowInto } from './follow-meeting.ts';
import type { FollowStore } from './follow-store.ts';

/** The engine's priority: the lowest (nice 19 on Linux and macOS, IDLE on Windows). */
const FOLLOW_PRIORITY = osConstants.priority.PRIORITY_LOW;

export interface FollowOptions {
  /** Seconds kept between a cut and the live edge while recording (default 45: one window and a half). */
  lagSec?: number;
  /** Least new audio a run takes (default 60 s): each run loads the model again. */
  minRunSec?: number;
  /** Seconds before the target searched for the quietest moment to cut at (default 15). */
  searchSec?: number;
  /** The engine's priority (default: the lowest); the tests, on a computer busy with other work, give 0. */
  priority?: number;
  /** What the pass does, for the tests and the bench (they wait on it). */
  listener?: FollowListener;
}

export interface FollowListener {
  /** The pass looks for audio to run on; `until` settles when that look, and the run it started, are over. */
  looking?: (until: Promise<void>) => void;
  /** A run's engine started on [fromSec, toSec]. */
  started?: (enginePid: number, fromSec: number, toSec: number) => void;
  /** Segments are on disk up to `endSec`. */
  saved?: (endSec: number) => void;
  ended?: (result: RunResult) => void;
}

/** The recording a pass follows: its folder and file, its recorder (the live edge), and whether it is paused. */
export interface FollowTarget {
  dir: string;
  file: string;
  recorder: WavRecorder;
  /** Recording or paused: while paused the cut may reach the edge (the live engine is idle). */
  paused: () => boolean;
}

type Engine = Awaited<ReturnType<typeof jobEngine>>;

export class Follower {
  private store: FollowStore;
  /** Where the next run starts: the end of the saved segments. */
  private fromSec: number;
  /** The last run's cut: the next run waits until the target is `minRunSec` past it. */
  private lastCut: number;
  private run: RunHandle | null = null;
  /** Set by a run that went to its end, so that poke looks again. */
  private ran = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly lagSec: number;
  private readonly minRunSec: number;
  private readonly searchSec: number;

  private constructor(
    private readonly target: FollowTarget,
    private readonly engine: Engine,
    startSec: number,
    private readonly opts: FollowOptions,
    store: (startSec: number) => FollowStore,
    /** Where the runs' voice detector heard speech, kept beside the WAV for the second look after the stop (heard-speech.ts). */
    private heard: HeardRecord | null,
  ) {
    this.store = store(startSec);
    this.fromSec = startSec;
    this.lastCut = startSec;
    this.lagSec = opts.lagSec ?? 45;
    this.minRunSec = opts.minRunSec ?? 60;
    this.searchSec = Math.min(opts.searchSec ?? 15, this.minRunSec);
  }

  /**
   * The follower of a new recording, or null when no model is installed (nothing to run).
   * `continued`: the recording begins with the meeting's audio, whose saved segments stay.
   * `into`: where its segments go (follow-meeting.ts, followInto).
   */
  static async start(ctx: ServiceContext, meeting: Meeting, target: FollowTarget, continued: boolean, into: FollowInto, decode: StartOptions['decode'], opts: FollowOptions): Promise<Follower | null> {
    const engine = await jobEngine(ctx, meeting, { decode }).catch(() => null);
    if (!engine) return null;
    const store = (startSec: number) => (into === 'meeting' ? new MeetingFollowStore(ctx, meeting, startSec) : new FollowFile(target.dir, target.file));
    const heard = await readHeardSpeech(target.dir, target.file);
    return new Follower(target, engine, continued ? resumePoint(meeting.segments) : 0, opts, store, heard);
  }

  /** What the recording's state tells the page: how far the saved transcript reaches, and whether it is the meeting's (reviewable now). */
  get progress(): { endSec: number; inTranscript: boolean } {
    return { endSec: this.fromSec, inTranscript: this.store instanceof MeetingFollowStore && !this.store.failed };
  }

  /**
   * The meeting's audio was replaced during the recording (an import): the segments it cleared go
   * to the file beside the WAV, with what follows, for the stop to adopt.
   */
  private moveToFile(): void {
    if (this.store instanceof MeetingFollowStore && this.store.audioChanged) {
      this.store = new FollowFile(this.target.dir, this.target.file, this.store.segments);
    }
  }

  /** New audio or a pause: starts a run when enough is written and none runs. Never waits, never throws. */
  poke(): void {
    // A write that failed (a full disk, the meeting deleted) ends the pass: the pass after the stop does the rest.
    if (this.running || this.stopped || this.store.failed) return;
    const next = this.nextRun().catch((err: unknown) => console.error('mahdar: the pass that follows the recording stopped a run:', err));
    this.running = next.finally(() => {
      this.running = null;
      // Audio came during the run: go on at once.
      if (this.ran) this.poke();
    });
    this.opts.listener?.looking?.(this.running);
  }

  /** Stops the engine (a run in flight ends cancelled; what it saved stays), then waits for the last write. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.run?.cancel();
    await this.running;
    await this.store.drain();
    // An import replaced the meeting's audio after the last write: what the pass saved in the
    // transcript was cleared with it, so it goes beside the WAV for the stop to adopt.
    if (this.store instanceof MeetingFollowStore && this.store.segments.length && (await this.store.audioReplaced())) {
      this.store = new FollowFile(this.target.dir, this.target.file, this.store.segments);
      await this.store.drain();
    }
  }

  /** The next stretch, [end of saved, cut], if there is one long enough; null otherwise. */
  private async nextStretch(): Promise<{ from: number; to: number } | null> {
    const edge = this.target.recorder.durationSec;
    const paused = this.target.paused();
    const end = paused ? edge : edge - this.lagSec;
    if (end - Math.max(this.fromSec, this.lastCut) < this.minRunSec) return null;
    const searchFrom = Math.max(this.fromSec, end - this.searchSec);
    // The header on disk says what the engine can read: brought up to what was appended.
    await this.target.recorder.sync();
    const pcm = await readPcm(join(this.target.dir, this.target.file), searchFrom, end);
    return { from: this.fromSec, to: searchFrom + quietestPointSec(pcm) };
  }

  private async nextRun(): Promise<void> {
    this.ran = false;
    const stretch = await this.nextStretch();
    if (!stretch || this.stopped) return;
    const { from, to } = stretch;
    const threads = this.target.paused() ? this.engine.decode.threads : 1;
    const confidences = new Map<string, number[]>();
    const listener = this.opts.listener;
    const save = (segment: Segment) => {
      this.fromSec = segment.end;
      void this.store.add([segment]).then(() => {
        this.moveToFile();
        listener?.saved?.(this.store.endSec);
      });
    };
    const handle = runWhisper({
      bin: this.engine.bin,
      model: this.engine.model.path,
      audio: join(this.target.dir, this.target.file),
      durationSec: to,
      offsetSec: from,
      endSec: to,
      decode: { ...this.engine.decode, threads },
      // Paused, the pass may take the settings' threads, fewer where other programs hold cores.
      fitThreads: threads > 1,
      priority: this.opts.priority ?? FOLLOW_PRIORITY,
      onStart: (pid) => listener?.started?.(pid, from, to),
      ...segmentStream(from, save, confidences),
    });
    this.run = handle;
    if (this.stopped) void handle.cancel();
    const result = await handle.done;
    this.run = null;
    await this.store.drain();
    this.moveToFile();
    if (result.status === 'done') {
      await this.store.keepConfidences(confidences);
      if (result.speech) await this.keepHeard(from, to, result.speech);
      this.lastCut = to;
      this.ran = !this.stopped && !this.store.failed;
    } else if (result.status === 'failed') {
      // An engine that fails here would fail again: the pass after the stop does the work.
      this.stopped = true;
      console.error('mahdar: the pass that follows the recording stopped:', result.error);
    }
    listener?.ended?.(result);
  }

  /** What a run's voice detector heard, for the second look after the stop; a failed write only loses that help. */
  private async keepHeard(from: number, to: number, spans: readonly Span[]): Promise<void> {
    const record = extendHeard(this.heard, this.target.file, { from, to, spans });
    try {
      await writeHeardSpeech(this.target.dir, record);
      this.heard = record;
    } catch (err) {
      console.error('mahdar: where the followed pass heard speech could not be saved; the second look after the stop judges those holes without it:', err);
    }
  }
}

/** The 16 kHz mono PCM16 of a recording from `fromSec` to `toSec`, as far as it is written. */
async function readPcm(file: string, fromSec: number, toSec: number): Promise<Buffer> {
  const info = await readWavInfo(file);
  const at = Math.floor((fromSec * RECORDING_BYTES_PER_SEC) / 2) * 2;
  const bytes = Math.max(0, Math.min(info.dataBytes, Math.floor((toSec * RECORDING_BYTES_PER_SEC) / 2) * 2) - at);
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, info.dataOffset + at);
    return buf.subarray(0, bytesRead - (bytesRead % 2));
  } finally {
    await fh.close();
  }
}
