// A meeting's recording as the page runs it: the microphone (getUserMedia, no echo cancellation,
// noise suppression or gain control: the minutes need the room as it was), the AudioWorklet that
// makes 16 kHz mono PCM16 (pcm-worklet.ts), and an ordered queue of chunks and commands sent to
// main. The audio path never waits on the network: chunks pile up in memory while a call fails and
// are sent again in order (main acknowledges a repeated seq without writing it twice), so nothing
// captured is dropped. After a crash of the server, the recording main recovered is continued in a
// new one that begins with it, and the chunks it never received are sent there.
//
// One session per meeting, kept outside React: switching tabs or going back to the library does
// not stop a recording.
import type { ApiEvent, TranscriptionJob } from '../../../shared/api.ts';
import type { Meeting } from '../../../shared/domain.ts';
import type { EditInput } from '../../../shared/edits.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { RECORDING_SAMPLE_RATE, type LiveStatusEvent, type RecordingState, type RecoveredRecording } from '../../../shared/recording.ts';
import { ApiError, client } from '../../api/client.ts';
import workletUrl from './pcm-worklet.ts?worker&url';
import { LEVEL_INTERVAL_SEC, lowDiskMinutes, quietWatch, watchLevel, type LevelWatch } from './warnings.ts';

export type Phase = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping';
/** What stops the microphone, each with a message the secretary can act on. */
export type MicProblem = 'noMicrophone' | 'permissionDenied' | 'deviceBusy' | 'deviceLost' | 'audioFailed';

/**
 * The live text of the recording, built from main's liveText/liveStatus events (never saved: the
 * full-quality pass after stop replaces it).
 */
export interface LiveText {
  /** Committed words, in order; ' … ' where the engine skipped audio to keep up. */
  committed: string;
  /** The uncommitted rest of the latest decode (replaced on each event). */
  tentative: string;
  /** The live engine's state; null before main said anything. */
  state: LiveStatusEvent['state'] | null;
  error: ErrorPayload | null;
  /** Seconds of audio the live text skipped, in all. */
  skippedSec: number;
}

const noLive: LiveText = { committed: '', tentative: '', state: null, error: null, skippedSec: 0 };

export interface Snapshot {
  phase: Phase;
  recordingId: string | null;
  /** The recording's clock in seconds: what the file will hold once every chunk is sent. */
  clockSec: number;
  /** Seconds of audio main has acknowledged. */
  savedSec: number;
  /** Input level of the last tenth of a second, 0..1. */
  peak: number;
  silent: boolean;
  clipping: boolean;
  /** Minutes of recording the disk still holds, when under LOW_DISK_MINUTES. */
  lowDiskMinutes: number | null;
  micProblem: MicProblem | null;
  /** An error main answered (a code for errorMessage), or 'connection' while it cannot be reached. */
  sendProblem: unknown;
  /** Chunks captured and not yet acknowledged. */
  unsent: number;
  /** A recording main kept after a crash (shown once, then dismissed by the secretary). */
  recovered: RecoveredRecording | null;
  /** True when this session went on recording after that recovery. */
  continuedAfterCrash: boolean;
  /** The meeting as stopRecording answered it, until the next start. */
  stopped: Meeting | null;
  marksSaved: number;
  marksPending: number;
  markProblem: unknown;
  live: LiveText;
  /** The full-quality transcription that main starts by itself after stop, as its events say. */
  fullPass: TranscriptionJob | null;
}


type Item = { kind: 'pcm'; seq: number; pcm: Int16Array } | { kind: 'pause' | 'resume' | 'stop' };

const isTransient = (e: unknown) => !(e instanceof ApiError) || e.payload.code === 'internal' || e.payload.code === 'disk.full';
const codeOf = (e: unknown) => (e instanceof ApiError ? e.payload.code : null);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toBase64(pcm: Int16Array): string {
  // Int16Array is little-endian on every platform the app runs on, as the WAV wants.
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function micProblemOf(e: unknown): MicProblem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'permissionDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotSupportedError') return 'noMicrophone';
  if (name === 'NotReadableError' || name === 'AbortError') return 'deviceBusy';
  return 'audioFailed';
}

/** The microphone and the worklet; replaced when the device is changed or comes back. */
class Capture {
  private constructor(
    readonly stream: MediaStream,
    readonly ctx: AudioContext,
    readonly node: AudioWorkletNode,
  ) {}

  private onDeviceChange: (() => void) | null = null;

  /** `onEnded` is told once the microphone is gone (unplugged, disabled, taken by the system). */
  static async open(deviceId: string, onMessage: (m: WorkletMessage) => void, onEnded: (stream: MediaStream) => void): Promise<Capture> {
    if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no media devices', 'NotFoundError');
    const audio: MediaTrackConstraints = { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 };
    if (deviceId) audio.deviceId = { exact: deviceId };
    const stream = await navigator.mediaDevices.getUserMedia({ audio, video: false });
    let ctx: AudioContext | null = null;
    try {
      ctx = new AudioContext();
      await ctx.audioWorklet.addModule(workletUrl);
      const node = new AudioWorkletNode(ctx, 'mahdar-pcm', { numberOfInputs: 1, numberOfOutputs: 0 });
      node.port.onmessage = (e: MessageEvent<WorkletMessage>) => onMessage(e.data);
      ctx.createMediaStreamSource(stream).connect(node);
      let told = false;
      const ended = () => {
        if (told) return;
        told = true;
        onEnded(stream);
      };
      for (const track of stream.getAudioTracks()) track.addEventListener('ended', ended);
      if (ctx.state !== 'running') await ctx.resume();
      const capture = new Capture(stream, ctx, node);
      // Some systems end the track without its 'ended' event when the device goes: the device
      // list changing is the other sign, checked against the track itself.
      capture.onDeviceChange = () => {
        if (stream.getAudioTracks().every((t) => t.readyState === 'ended')) ended();
      };
      navigator.mediaDevices.addEventListener('devicechange', capture.onDeviceChange);
      return capture;
    } catch (e) {
      for (const t of stream.getTracks()) t.stop();
      await ctx?.close().catch(() => undefined);
      throw Object.assign(new Error(String(e)), { name: 'AudioFailed' });
    }
  }

  /** Asks the worklet for its partial chunk (and, with pause, to stop emitting); resolves once it arrived. */
  drain(type: 'flush' | 'pause'): Promise<void> {
    return new Promise((resolve) => {
      const done = (e: MessageEvent<WorkletMessage>) => {
        if (e.data.type !== 'flushed') return;
        this.node.port.removeEventListener('message', done);
        resolve();
      };
      this.node.port.addEventListener('message', done);
      this.node.port.postMessage({ type });
      // A context that stopped running (device gone) never answers: do not wait forever.
      setTimeout(resolve, 1000);
    });
  }

  resumeEmitting(): void {
    this.node.port.postMessage({ type: 'resume' });
  }

  async close(): Promise<void> {
    if (this.onDeviceChange) navigator.mediaDevices.removeEventListener('devicechange', this.onDeviceChange);
    for (const t of this.stream.getTracks()) t.stop();
    this.node.port.onmessage = null;
    await this.ctx.close().catch(() => undefined);
  }
}

type WorkletMessage =
  | { type: 'pcm'; pcm: Int16Array }
  | { type: 'level'; peak: number; rms: number; clipped: number; filled?: number }
  | { type: 'flushed' };

export class RecordingSession {
  private snap: Snapshot = {
    phase: 'idle',
    recordingId: null,
    clockSec: 0,
    savedSec: 0,
    peak: 0,
    silent: false,
    clipping: false,
    lowDiskMinutes: null,
    micProblem: null,
    sendProblem: null,
    unsent: 0,
    recovered: null,
    continuedAfterCrash: false,
    stopped: null,
    marksSaved: 0,
    marksPending: 0,
    markProblem: null,
    live: noLive,
    fullPass: null,
  };
  private readonly listeners = new Set<() => void>();
  private capture: Capture | null = null;
  private queue: Item[] = [];
  private nextSeq = 0;
  private pumping = false;
  /** Resolves the stop command's waiter with the meeting main answered. */
  private onStopped: ((m: Meeting) => void) | null = null;
  /** clock = base + (samples in chunks received + samples in the worklet's partial chunk) / 16000 */
  private clockBase = 0;
  private chunkSamples = 0;
  private partial = 0;
  private levelAt = 0;
  private levels: LevelWatch = quietWatch;
  private deviceId = '';
  /** The microphone went while main was opening the file: paused as soon as it answers. */
  private lostWhileStarting = false;
  private marks: Promise<unknown> = Promise.resolve();
  /** Settles once main answered the start: until then the clock's origin is unknown. */
  private ready: Promise<void> = Promise.resolve();
  private version: number | null = null;

  /** The recordings whose live text this session shows (a continued one after a crash adds one). */
  private liveIds = new Set<string>();
  /** Set by stop: the job events that follow are the full pass main started by itself. */
  private afterStop = false;

  constructor(readonly meetingId: string) {
    // Sessions live as long as the page: so does this subscription.
    client.onEvent(this.onEvent);
  }

  private onEvent = (e: ApiEvent): void => {
    if (e.type === 'job') {
      if (e.job.meetingId === this.meetingId && this.afterStop) this.set({ fullPass: e.job });
      return;
    }
    if ((e.type !== 'liveText' && e.type !== 'liveStatus') || e.meetingId !== this.meetingId) return;
    // Events of another window's recording of this meeting are not ours once this page is idle.
    if (this.snap.phase === 'idle' && !this.liveIds.has(e.recordingId)) return;
    this.liveIds.add(e.recordingId);
    const live = this.snap.live;
    if (e.type === 'liveStatus') {
      this.set({ live: { ...live, state: e.state, error: e.error ?? (e.state === 'failed' || e.state === 'unavailable' ? live.error : null) } });
      return;
    }
    let committed = live.committed;
    // Where audio was skipped, a mark in the text (once, and only between words).
    if (e.skippedSec && committed && !committed.endsWith('…')) committed = `${committed} …`;
    if (e.committed) committed = committed ? `${committed} ${e.committed}` : e.committed;
    this.set({
      live: {
        ...live,
        committed,
        // A final update that committed nothing (its decode was abandoned at stop) leaves the last
        // tentative words greyed, until the full pass replaces them.
        tentative: e.final && !e.committed && !e.tentative ? live.tentative : e.tentative,
        skippedSec: live.skippedSec + (e.skippedSec ?? 0),
        state: live.state === 'starting' || live.state === null ? 'running' : live.state,
      },
    });
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

  /** The recording's time now, for a mark: the audio captured so far (a paused span never counts). */
  now(): number {
    return Math.round((this.clockBase + this.capturedSec()) * 1000) / 1000;
  }

  /** Seconds captured since this session started. */
  private capturedSec(): number {
    let samples = this.chunkSamples + this.partial;
    if (this.snap.phase === 'recording' && this.levelAt) {
      // Between two level messages (a tenth of a second apart) the worklet has gone on capturing.
      samples += Math.min((performance.now() - this.levelAt) / 1000, LEVEL_INTERVAL_SEC) * RECORDING_SAMPLE_RATE;
    }
    return samples / RECORDING_SAMPLE_RATE;
  }

  private onWorklet = (m: WorkletMessage): void => {
    if (m.type === 'pcm') {
      if (this.snap.phase !== 'recording' && this.snap.phase !== 'starting' && this.snap.phase !== 'paused' && this.snap.phase !== 'stopping') return;
      this.chunkSamples += m.pcm.length;
      this.partial = 0;
      this.queue.push({ kind: 'pcm', seq: this.nextSeq++, pcm: m.pcm });
      this.set({ clockSec: this.now(), unsent: this.unsentCount() });
      void this.pump();
    } else if (m.type === 'level') {
      this.levelAt = performance.now();
      if (m.filled !== undefined) this.partial = m.filled;
      this.levels = watchLevel(this.levels, m, this.snap.phase === 'recording');
      this.set({ peak: m.peak, clockSec: this.now(), silent: this.levels.silent, clipping: this.levels.clipping });
    }
  };

  private onTrackEnded = (stream: MediaStream): void => {
    // Unplugged (or taken by the system): keep what was captured, pause, and say so. The recording
    // stays open in main; resuming with the device back, or another one, goes on in the same file
    // and on the same clock.
    if (this.capture?.stream !== stream) return; // a capture this page closed itself
    const phase = this.snap.phase;
    if (phase === 'recording') void this.pauseInternal('deviceLost');
    else if (phase === 'paused') {
      // Lost while paused: resuming must open the microphone again, not wake a dead one.
      this.set({ micProblem: 'deviceLost', peak: 0 });
      void this.closeCapture();
    } else if (phase === 'starting') this.lostWhileStarting = true;
  };

  private unsentCount(): number {
    return this.queue.filter((i) => i.kind === 'pcm').length;
  }

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
    this.partial = 0;
    await c?.close();
  }

  /**
   * Starts a recording (`continuing`: it begins with the meeting's audio), or takes over one that
   * is open in main with nothing feeding it (`adopt`: the page was reloaded while it recorded).
   */
  async start(opts: { deviceId: string; continuing?: boolean; adopt?: RecordingState }): Promise<void> {
    if (this.snap.phase !== 'idle') return;
    this.liveIds.clear();
    this.afterStop = false;
    this.set({ phase: 'starting', stopped: null, micProblem: null, sendProblem: null, continuedAfterCrash: false, silent: false, clipping: false, live: noLive, fullPass: null });
    let started!: () => void;
    this.ready = new Promise((r) => (started = r));
    try {
      await this.begin(opts);
    } finally {
      started();
    }
  }

  private async begin(opts: { deviceId: string; continuing?: boolean; adopt?: RecordingState }): Promise<void> {
    this.queue = [];
    this.nextSeq = 0;
    this.chunkSamples = 0;
    this.partial = 0;
    this.levelAt = 0;
    this.lostWhileStarting = false;
    // The microphone first: a refused permission must not leave an empty recording in main. Chunks
    // captured while main opens the file wait in the queue (so the recording starts with the
    // first sample the microphone gave).
    if (!(await this.openCapture(opts.deviceId))) return this.set({ phase: 'idle' });
    let state: RecordingState;
    try {
      if (opts.adopt) {
        // Asked again rather than taken from the page's load: chunks the page before the reload
        // had in flight may have arrived since. Resuming an open recording only reports it.
        state = await client.api.resumeRecording({ meetingId: this.meetingId });
        if (state.recordingId !== opts.adopt.recordingId) throw new ApiError({ code: 'recording.notFound', params: {} });
      } else {
        state = await client.api.startRecording({ meetingId: this.meetingId, continue: !!opts.continuing });
      }
    } catch (e) {
      await this.closeCapture();
      this.queue = [];
      this.set({ phase: 'idle', sendProblem: e });
      return;
    }
    this.queue = this.queue.map((i) => (i.kind === 'pcm' ? { ...i, seq: i.seq + state.nextSeq } : i));
    this.nextSeq = state.nextSeq + this.unsentCount();
    this.clockBase = state.durationSec;
    this.set({ phase: 'recording', recordingId: state.recordingId, savedSec: state.durationSec, clockSec: this.now() });
    void this.pump();
    if (this.lostWhileStarting) void this.pauseInternal('deviceLost');
  }

  async pause(): Promise<void> {
    if (this.snap.phase === 'recording') await this.pauseInternal(null);
  }

  private async pauseInternal(problem: MicProblem | null): Promise<void> {
    this.set({ phase: 'paused', micProblem: problem, silent: false, clipping: false });
    this.levels = quietWatch;
    const c = this.capture;
    if (c) await c.drain('pause');
    // After the last chunk before the pause, in the same queue: main refuses chunks while paused.
    this.queue.push({ kind: 'pause' });
    if (problem) {
      await this.closeCapture();
      // No microphone, no level: the meter must not show the last one it had.
      this.set({ peak: 0 });
    }
    void this.pump();
  }

  /** Resumes; reopens the microphone when it was lost or another one was chosen meanwhile. */
  async resume(deviceId: string): Promise<void> {
    if (this.snap.phase !== 'paused') return;
    if (!this.capture || deviceId !== this.deviceId) {
      await this.closeCapture();
      if (!(await this.openCapture(deviceId))) return;
      // The new worklet emits from its first sample; the resume command goes ahead of it.
      this.queue.push({ kind: 'resume' });
    } else {
      this.queue.push({ kind: 'resume' });
      this.capture.resumeEmitting();
    }
    this.set({ phase: 'recording', micProblem: null });
    void this.pump();
  }

  /** Stops: the last chunks are sent, then the recording becomes the meeting's audio. */
  async stop(): Promise<Meeting | null> {
    if (this.snap.phase !== 'recording' && this.snap.phase !== 'paused') return null;
    const wasRecording = this.snap.phase === 'recording';
    this.afterStop = true;
    this.set({ phase: 'stopping', silent: false, clipping: false });
    if (wasRecording && this.capture) await this.capture.drain('pause');
    await this.closeCapture();
    const stopped = new Promise<Meeting>((res) => (this.onStopped = res));
    this.queue.push({ kind: 'stop' });
    void this.pump();
    return stopped;
  }

  /** Sends the queue in order, forever retrying what failed for want of a server. */
  private async pump(): Promise<void> {
    if (this.pumping || !this.snap.recordingId) return;
    this.pumping = true;
    let wait = 250;
    try {
      while (this.queue.length > 0) {
        const item = this.queue[0]!;
        try {
          await this.send(item);
          this.queue.shift();
          wait = 250;
          if (this.snap.sendProblem) this.set({ sendProblem: null });
          this.set({ unsent: this.unsentCount() });
        } catch (e) {
          if (codeOf(e) === 'recording.notFound') {
            const continued = await this.continueAfterCrash().catch((err: unknown) => (isTransient(err) ? null : (this.set({ sendProblem: err }), false)));
            if (continued) continue;
            if (continued === false) return await this.abandon();
          }
          if (codeOf(e) === 'recording.gap' && item.kind === 'pcm') {
            // Main has fewer chunks than it acknowledged (a lost disk write): what it misses is
            // gone; the rest follows from the number it expects.
            let seq = Number((e as ApiError).payload.params.expected);
            this.queue = this.queue.map((i) => (i.kind === 'pcm' ? { ...i, seq: seq++ } : i));
            this.nextSeq = seq;
            continue;
          }
          if (codeOf(e) === 'recording.paused' && item.kind === 'pcm') {
            // Paused from another window: resume it before sending what this page captured.
            this.queue.unshift({ kind: 'resume' });
            continue;
          }
          this.set({ sendProblem: isTransient(e) ? 'connection' : e });
          await sleep(wait);
          wait = Math.min(wait * 2, 2000);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Our recording is gone from main and cannot be continued: stop capturing, say why. */
  private async abandon(): Promise<void> {
    await this.closeCapture();
    this.queue = [];
    this.set({ phase: 'idle', recordingId: null, unsent: 0, peak: 0 });
  }

  private async send(item: Item): Promise<void> {
    const meetingId = this.meetingId;
    if (item.kind === 'pcm') {
      const s = await client.api.appendRecording({ meetingId, recordingId: this.snap.recordingId!, seq: item.seq, pcm: toBase64(item.pcm) });
      this.accept(s);
    } else if (item.kind === 'pause') {
      this.accept(await client.api.pauseRecording({ meetingId }));
    } else if (item.kind === 'resume') {
      this.accept(await client.api.resumeRecording({ meetingId }));
    } else {
      const meeting = await client.api.stopRecording({ meetingId });
      this.set({ phase: 'idle', recordingId: null, savedSec: meeting.audio?.durationSec ?? this.snap.savedSec, stopped: meeting, peak: 0, unsent: 0 });
      this.onStopped?.(meeting);
      this.onStopped = null;
    }
  }

  private accept(s: RecordingState): void {
    this.set({ savedSec: s.durationSec, lowDiskMinutes: lowDiskMinutes(s.freeDiskMinutes) });
  }

  /**
   * Main no longer knows our recording: it was restarted, and kept what reached the disk as the
   * meeting's audio. Go on in a new recording that begins with it; the chunks it never received
   * follow, renumbered. (At most the last second before the crash is missing from the file.)
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
    let seq = state.nextSeq;
    let pending = 0;
    const items: Item[] = [];
    for (const i of this.queue) {
      if (i.kind === 'pcm') {
        items.push({ ...i, seq: seq++ });
        pending += i.pcm.length;
      } else if (i.kind === 'stop') items.push(i);
    }
    // The new recording starts recording: pause it again if this page is paused.
    if (this.snap.phase === 'paused') items.push({ kind: 'pause' });
    this.queue = items;
    this.nextSeq = seq;
    this.clockBase = state.durationSec + (pending - this.chunkSamples) / RECORDING_SAMPLE_RATE;
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
  addMark(mark: { kind: 'floor' | 'decision' | 'agenda'; participantId?: string; agendaItemId?: string }): number {
    const rel = this.capturedSec();
    const round = (t: number) => Math.round(t * 1000) / 1000;
    if (this.snap.phase !== 'starting') {
      const at = round(this.clockBase + rel);
      void this.edit({ type: 'addMark', mark: { ...mark, at } });
      return at;
    }
    void this.edit(async () => {
      await this.ready;
      return this.snap.recordingId ? { type: 'addMark', mark: { ...mark, at: round(this.clockBase + rel) } } : null;
    });
    return rel;
  }

  /** Saves a live mark (or applyMarks) at once, in order; retried on a version conflict or a lost server. */
  edit(input: EditInput | (() => Promise<EditInput | null>)): Promise<boolean> {
    this.set({ marksPending: this.snap.marksPending + 1 });
    const run = async (): Promise<boolean> => {
      const edit = typeof input === 'function' ? await input() : input;
      if (!edit) return false; // the recording never started
      let wait = 250;
      for (;;) {
        try {
          if (this.version === null) this.version = (await client.api.getEditState({ meetingId: this.meetingId })).version;
          const r = await client.api.applyEdit({ meetingId: this.meetingId, baseVersion: this.version, edit });
          this.version = r.version;
          this.set({ marksSaved: this.snap.marksSaved + (edit.type === 'addMark' ? 1 : 0), markProblem: null });
          return true;
        } catch (e) {
          if (codeOf(e) === 'edit.conflict') {
            // Another edit (this page's autosave, another window) moved the meeting on: resend on its version.
            this.version = null;
            continue;
          }
          if (!isTransient(e)) {
            this.set({ markProblem: e });
            return false;
          }
          this.set({ markProblem: 'connection' });
          this.version = null;
          await sleep(wait);
          wait = Math.min(wait * 2, 2000);
        }
      }
    };
    const p = this.marks.then(run, run).finally(() => this.set({ marksPending: this.snap.marksPending - 1 }));
    this.marks = p;
    return p;
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
