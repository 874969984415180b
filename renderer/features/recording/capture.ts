// The microphone and the AudioWorklet that turns it into 16 kHz mono PCM16 (pcm-worklet.ts): no
// echo cancellation, noise suppression or gain control, the minutes need the room as it was.
import workletUrl from './pcm-worklet.ts?worker&url';

/** What stops the microphone, each with a message the secretary can act on. */
export type MicProblem = 'noMicrophone' | 'permissionDenied' | 'deviceBusy' | 'deviceLost' | 'audioFailed';

/** Why the microphone could not be opened. */
export function micProblemOf(e: unknown): MicProblem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'permissionDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotSupportedError') return 'noMicrophone';
  if (name === 'NotReadableError' || name === 'AbortError') return 'deviceBusy';
  return 'audioFailed';
}

/** The microphone and the worklet; replaced when the device is changed or comes back. */
export class Capture {
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

export type WorkletMessage =
  | { type: 'pcm'; pcm: Int16Array }
  | { type: 'level'; peak: number; rms: number; clipped: number; filled?: number }
  | { type: 'flushed' };
