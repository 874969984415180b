// A meeting's recording as the page runs it: the microphone and its worklet (capture.ts), and an
// ordered queue of chunks and commands sent to main (outbox.ts). The audio path never waits on the
// network: chunks pile up in memory while a call fails and are sent again in order (main
// acknowledges a repeated seq without writing it twice), so nothing captured is dropped. After a
// crash of the server, the recording main recovered is continued in a new one that begins with
// it, and the chunks it never received are sent there. The session moves between its phases as
// the recording's state machine says (shared/recording-machine.ts), the one main follows too.
//
// One session per meeting, kept outside React: switching tabs or going back to the library does
// not stop a recording.
import type { ApiEvent } from '../../../shared/api.ts';
import type { Meeting } from '../../../shared/domain.ts';
import type { EditInput } from '../../../shared/edits.ts';
import { nextPhase, type RecordingInput, type RecordingPhase } from '../../../shared/recording-machine.ts';
import type { RecordingState, RecoveredRecording } from '../../../shared/recording.ts';
import { ApiError, client } from '../../api/client.ts';
import { Capture, micProblemOf, type MicProblem, type WorkletMessage } from './capture.ts';
import { CaptureClock } from './clock.ts';
import { noLive } from './live-text.ts';
import { MarkQueue } from './marks.ts';
import { Outbox, toBase64, type Item } from './outbox.ts';
import { Backoff, codeOf, isTransient } from './retry.ts';
import { sessionPatch } from './session-events.ts';
import { idleSnapshot, type Snapshot } from './snapshot.ts';
import { lowDiskMinutes, quietWatch, watchLevel, type LevelWatch } from './warnings.ts';

export type Phase = RecordingPhase;
export type { MicProblem } from './capture.ts';
export type { Snapshot } from './snapshot.ts';

type StartOptions = { deviceId: string; continuing?: boolean; adopt?: RecordingState };

export class RecordingSession {
  private snap: Snapshot = idleSnapshot;
  private readonly listeners = new Set<() => void>();
  private capture: Capture | null = null;
  private readonly outbox = new Outbox();
  private readonly clock = new CaptureClock();
  private readonly marks: MarkQueue;
  private pumping = false;
  /** Resolves the stop command's waiter with the meeting main answered. */
  private onStopped: ((m: Meeting) => void) | null = null;
  private levels: LevelWatch = quietWatch;
  private deviceId = '';
  /** The microphone went while main was opening the file: paused as soon as it answers. */
  private lostWhileStarting = false;
  /** Settles once main answered the start: until then the clock's origin is unknown. */
  private ready: Promise<void> = Promise.resolve();
  /** The recordings whose live text this session shows (a continued one after a crash adds one). */
  private liveIds = new Set<string>();
  /** Set by stop: the job events that follow are the full pass main started by itself. */
  private afterStop = false;

  constructor(readonly meetingId: string) {
    this.marks = new MarkQueue(meetingId, () => this.snap, (patch) => this.set(patch));
    // Sessions live as long as the page: so does this subscription.
    client.onEvent(this.onEvent);
  }

  private onEvent = (e: ApiEvent): void => {
    const change = sessionPatch({ meetingId: this.meetingId, snap: this.snap, liveIds: this.liveIds, afterStop: this.afterStop }, e);
    if (!change) return;
    if (change.liveId) this.liveIds.add(change.liveId);
    this.set(change.patch);
  };

  get snapshot(): Snapshot {
    return this.snap;
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(patch: Partial<Snapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  /** The phase `input` leads to when it changes the phase here (null: refused, or no change). */
  private changes(input: RecordingInput): RecordingPhase | null {
    const to = nextPhase(this.snap.phase, input);
    return to !== this.snap.phase ? to : null;
  }

  /** Moves as the machine says (nothing when it refuses `input` here), with what else changed. */
  private move(input: RecordingInput, patch: Partial<Snapshot> = {}): void {
    this.set({ phase: nextPhase(this.snap.phase, input) ?? this.snap.phase, ...patch });
  }

  /** The recording's time now, for a mark: the audio captured so far (a paused span never counts). */
  now(): number {
    return this.clock.at(this.capturedSec());
  }

  private capturedSec(): number {
    return this.clock.captured(this.snap.phase === 'recording');
  }

  private onWorklet = (m: WorkletMessage): void => {
    if (m.type === 'pcm') {
      if (this.snap.phase === 'idle') return;
      this.clock.chunk(m.pcm.length);
      this.outbox.pushChunk(m.pcm);
      this.set({ clockSec: this.now(), unsent: this.outbox.unsent() });
      void this.pump();
    } else if (m.type === 'level') {
      this.clock.level(m.filled);
      this.levels = watchLevel(this.levels, m, this.snap.phase === 'recording');
      this.set({ peak: m.peak, clockSec: this.now(), silent: this.levels.silent, clipping: this.levels.clipping });
    }
  };

  private onTrackEnded = (stream: MediaStream): void => {
    // Unplugged (or taken by the system): keep what was captured, pause, and say so. The recording
    // stays open in main; resuming with the device back, or another one, goes on in the same file
    // and on the same clock.
    if (this.capture?.stream !== stream) return; // a capture this page closed itself
    if (this.changes('deviceLost')) void this.pauseInternal('deviceLost');
    else if (this.snap.phase === 'paused') {
      // Lost while paused: resuming must open the microphone again, not wake a dead one.
      this.set({ micProblem: 'deviceLost', peak: 0 });
      void this.closeCapture();
    } else if (this.snap.phase === 'starting') this.lostWhileStarting = true;
  };

  private async openCapture(deviceId: string): Promise<boolean> {
    this.deviceId = deviceId;
    try {
      this.capture = await Capture.open(deviceId, this.onWorklet, this.onTrackEnded);
      this.set({ micProblem: null });
      return true;
    } catch (e) {
      this.set({ micProblem: micProblemOf(e) });
      return false;
    }
  }

  private async closeCapture(): Promise<void> {
    const c = this.capture;
    this.capture = null;
    this.clock.dropPartial();
    await c?.close();
  }

  /**
   * Starts a recording (`continuing`: it begins with the meeting's audio), or takes over one that
   * is open in main with nothing feeding it (`adopt`: the page was reloaded while it recorded).
   */
  async start(opts: StartOptions): Promise<void> {
    if (!this.changes('start')) return;
    this.liveIds.clear();
    this.afterStop = false;
    this.move('start', { stopped: null, micProblem: null, sendProblem: null, continuedAfterCrash: false, silent: false, clipping: false, live: noLive, fullPass: null });
    let started!: () => void;
    this.ready = new Promise((r) => (started = r));
    try {
      await this.begin(opts);
    } finally {
      started();
    }
  }

  private async begin(opts: StartOptions): Promise<void> {
    this.outbox.clear();
    this.clock.reset();
    this.lostWhileStarting = false;
    // The microphone first: a refused permission must not leave an empty recording in main. Chunks
    // captured while main opens the file wait in the queue (so the recording starts with the
    // first sample the microphone gave).
    if (!(await this.openCapture(opts.deviceId))) return this.move('failed');
    let state: RecordingState;
    try {
      state = await this.open(opts);
    } catch (e) {
      await this.closeCapture();
      this.outbox.clear();
      this.move('failed', { sendProblem: e });
      return;
    }
    this.outbox.renumberFrom(state.nextSeq);
    this.clock.base = state.durationSec;
    this.move('started', { recordingId: state.recordingId, savedSec: state.durationSec, clockSec: this.now(), followed: state.followed });
    void this.pump();
    if (this.lostWhileStarting) void this.pauseInternal('deviceLost');
  }

  /** Main's side of a start: a new recording, or the open one this page takes over. */
  private async open(opts: StartOptions): Promise<RecordingState> {
    if (!opts.adopt) return client.api.startRecording({ meetingId: this.meetingId, continue: !!opts.continuing });
    // Asked again rather than taken from the page's load: chunks the page before the reload had in
    // flight may have arrived since. Resuming an open recording only reports it.
    const state = await client.api.resumeRecording({ meetingId: this.meetingId });
    if (state.recordingId !== opts.adopt.recordingId) throw new ApiError({ code: 'recording.notFound', params: {} });
    return state;
  }

  async pause(): Promise<void> {
    if (this.changes('pause')) await this.pauseInternal(null);
  }

  private async pauseInternal(problem: MicProblem | null): Promise<void> {
    this.move(problem ? 'deviceLost' : 'pause', { micProblem: problem, silent: false, clipping: false });
    this.levels = quietWatch;
    const c = this.capture;
    if (c) await c.drain('pause');
    // After the last chunk before the pause, in the same queue: main refuses chunks while paused.
    this.outbox.push('pause');
    if (problem) {
      await this.closeCapture();
      // No microphone, no level: the meter must not show the last one it had.
      this.set({ peak: 0 });
    }
    void this.pump();
  }

  /** Resumes; reopens the microphone when it was lost or another one was chosen meanwhile. */
  async resume(deviceId: string): Promise<void> {
    if (!this.changes('resume')) return;
    if (!this.capture || deviceId !== this.deviceId) {
      await this.closeCapture();
      if (!(await this.openCapture(deviceId))) return;
      // The new worklet emits from its first sample; the resume command goes ahead of it.
      this.outbox.push('resume');
    } else {
      this.outbox.push('resume');
      this.capture.resumeEmitting();
    }
    this.move('resume', { micProblem: null });
    void this.pump();
  }

  /** Stops: the last chunks are sent, then the recording becomes the meeting's audio. */
  async stop(): Promise<Meeting | null> {
    if (!this.changes('stop')) return null;
    const wasRecording = this.snap.phase === 'recording';
    this.afterStop = true;
    this.move('stop', { silent: false, clipping: false });
    if (wasRecording && this.capture) await this.capture.drain('pause');
    await this.closeCapture();
    const stopped = new Promise<Meeting>((res) => (this.onStopped = res));
    this.outbox.push('stop');
    void this.pump();
    return stopped;
  }

  /** Sends the queue in order, forever retrying what failed for want of a server. */
  private async pump(): Promise<void> {
    if (this.pumping || !this.snap.recordingId) return;
    this.pumping = true;
    const backoff = new Backoff();
    try {
      while (this.outbox.items.length > 0) {
        const item = this.outbox.items[0]!;
        try {
          await this.send(item);
          this.outbox.items.shift();
          backoff.reset();
          if (this.snap.sendProblem) this.set({ sendProblem: null });
          this.set({ unsent: this.outbox.unsent() });
        } catch (e) {
          const next = await this.recover(e, item);
          if (next === 'abandon') return await this.abandon();
          if (next === 'again') continue;
          this.set({ sendProblem: isTransient(e) ? 'connection' : e });
          await backoff.wait();
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** What a failed send calls for: send the queue again now, give up, or wait and retry. */
  private async recover(e: unknown, item: Item): Promise<'again' | 'abandon' | 'wait'> {
    if (codeOf(e) === 'recording.notFound') {
      const continued = await this.continueAfterCrash().catch((err: unknown) => (isTransient(err) ? null : (this.set({ sendProblem: err }), false)));
      if (continued) return 'again';
      if (continued === false) return 'abandon';
    }
    if (codeOf(e) === 'recording.gap' && item.kind === 'pcm') {
      // Main has fewer chunks than it acknowledged (a lost disk write): what it misses is gone;
      // the rest follows from the number it expects.
      this.outbox.renumberFrom(Number((e as ApiError).payload.params.expected));
      return 'again';
    }
    if (codeOf(e) === 'recording.paused' && item.kind === 'pcm') {
      // Paused from another window: resume it before sending what this page captured.
      this.outbox.items.unshift({ kind: 'resume' });
      return 'again';
    }
    return 'wait';
  }

  /** Our recording is gone from main and cannot be continued: stop capturing, say why. */
  private async abandon(): Promise<void> {
    await this.closeCapture();
    this.outbox.clear();
    this.move('lost', { recordingId: null, unsent: 0, peak: 0 });
  }

  private async send(item: Item): Promise<void> {
    const meetingId = this.meetingId;
    if (item.kind === 'pcm') {
      const pcm = toBase64(item.pcm);
      this.accept(await client.api.appendRecording({ meetingId, recordingId: this.snap.recordingId!, seq: item.seq, pcm }));
    } else if (item.kind === 'pause') {
      this.accept(await client.api.pauseRecording({ meetingId }));
    } else if (item.kind === 'resume') {
      this.accept(await client.api.resumeRecording({ meetingId }));
    } else {
      const meeting = await client.api.stopRecording({ meetingId });
      this.move('stopped', { recordingId: null, savedSec: meeting.audio?.durationSec ?? this.snap.savedSec, stopped: meeting, peak: 0, unsent: 0, followed: null });
      this.onStopped?.(meeting);
      this.onStopped = null;
    }
  }

  private accept(s: RecordingState): void {
    this.set({ savedSec: s.durationSec, lowDiskMinutes: lowDiskMinutes(s.freeDiskMinutes), followed: s.followed });
  }

  /**
   * Main no longer knows our recording: it was restarted, and kept what reached the disk as the
   * meeting's audio. Go on in a new recording that begins with it; the chunks it never answered
   * follow, renumbered, less what the file holds of them (killed between a chunk's write and its
   * answer). After a power cut, up to the last second before it is missing from the file; after
   * the app was killed, nothing it acknowledged.
   */
  private async continueAfterCrash(): Promise<boolean> {
    const status = await client.api.getRecording({ meetingId: this.meetingId });
    if (status.recording) return false; // another window started one meanwhile: not ours to feed
    const recovered = status.recovered && status.recovered.recordingId === this.snap.recordingId ? status.recovered : null;
    if (!recovered?.attached) {
      this.set({ recovered, sendProblem: new ApiError({ code: 'recording.notFound', params: {} }) });
      return false;
    }
    const state = await client.api.startRecording({ meetingId: this.meetingId, continue: true });
    this.outbox.keepChunksAndStop();
    this.outbox.dropHeld(recovered.durationSec, this.snap.savedSec);
    this.outbox.renumberFrom(state.nextSeq);
    // The new recording starts recording: pause it again if this page is paused.
    if (this.snap.phase === 'paused') this.outbox.push('pause');
    this.clock.rebase(state.durationSec, this.outbox.unsentSamples());
    this.set({ recordingId: state.recordingId, recovered, continuedAfterCrash: true, savedSec: state.durationSec, sendProblem: null, clockSec: this.now() });
    return true;
  }

  dismissRecovered(): void {
    this.set({ recovered: null, continuedAfterCrash: false });
  }

  setRecovered(recovered: RecoveredRecording | null): void {
    this.set({ recovered });
  }

  /**
   * Marks the recording's time now. Pressed while main is still opening the file (the microphone
   * already runs), the time is completed once the start is answered and the clock's origin known.
   */
  addMark(mark: { id?: string; kind: 'floor' | 'decision' | 'agenda'; participantId?: string; agendaItemId?: string }): number {
    const rel = this.capturedSec();
    if (this.snap.phase !== 'starting') {
      const at = this.clock.at(rel);
      void this.edit({ type: 'addMark', mark: { ...mark, at } });
      return at;
    }
    void this.edit(async () => {
      await this.ready;
      return this.snap.recordingId ? { type: 'addMark', mark: { ...mark, at: this.clock.at(rel) } } : null;
    });
    return rel;
  }

  /** Saves a live mark (or applyMarks) at once, in order; retried on a version conflict or a lost server. */
  edit(input: EditInput | (() => Promise<EditInput | null>)): Promise<boolean> {
    return this.marks.edit(input);
  }
}

const sessions = new Map<string, RecordingSession>();

export function sessionFor(meetingId: string): RecordingSession {
  let s = sessions.get(meetingId);
  if (!s) {
    s = new RecordingSession(meetingId);
    sessions.set(meetingId, s);
  }
  return s;
}

const DEVICE_KEY = 'mahdar.microphone';
export const rememberedDevice = (): string => localStorage.getItem(DEVICE_KEY) ?? '';
export const rememberDevice = (id: string): void => (id ? localStorage.setItem(DEVICE_KEY, id) : localStorage.removeItem(DEVICE_KEY));
