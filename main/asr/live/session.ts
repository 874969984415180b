// One recording's live text: starts the long-lived engine (server.ts) in the background with the
// model the settings choose, feeds it the recorded audio through the sliding window (live.ts),
// and publishes {type:'liveText'} and {type:'liveStatus'} events. Nothing here can fail the
// recording: `push` never waits or throws, and every failure becomes a liveStatus event.
import { MahdarError, toErrorPayload } from '../../../shared/errors.ts';
import type { LiveStatusEvent } from '../../../shared/recording.ts';
import type { ServiceContext } from '../../context/context.ts';
import { readSettings } from '../../context/settings.ts';
import { resolveThreads } from '../engine.ts';
import { resolveModel } from '../models.ts';
import { findVadModel } from '../vad-model.ts';
import { LiveTranscriber, type LiveOptions } from './live.ts';
import { startLiveServer, whisperServerPath, type LiveServer } from './server.ts';

export interface LiveSessionOptions {
  meetingId: string;
  recordingId: string;
  /** Recording time of the first pushed byte. */
  originSec: number;
  /** Tuning of the window (the bench varies it). */
  window?: Partial<Omit<LiveOptions, 'decoder' | 'onUpdate' | 'onError' | 'originSec'>>;
}

export class LiveSession {
  private server: LiveServer | null = null;
  private readonly transcriber: LiveTranscriber;
  private readonly started: Promise<LiveServer | null>;
  private ended = false;

  private constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: LiveSessionOptions,
    start: () => Promise<LiveServer>,
  ) {
    const status = (state: LiveStatusEvent['state'], error?: unknown) =>
      ctx.events.publish({
        type: 'liveStatus',
        meetingId: opts.meetingId,
        recordingId: opts.recordingId,
        state,
        ...(error ? { error: toErrorPayload(error) } : {}),
      });
    status('starting');
    this.started = start().then(
      (s) => {
        this.server = s;
        if (this.ended) {
          void s.close();
          return null;
        }
        status('running');
        return s;
      },
      (err: unknown) => {
        if (!this.ended) status(err instanceof MahdarError && err.code === 'live.engineMissing' ? 'unavailable' : 'failed', err);
        return null;
      },
    );
    this.transcriber = new LiveTranscriber({
      ...opts.window,
      originSec: opts.originSec,
      decoder: {
        decode: async (pcm, prompt, o) => {
          const s = await this.started;
          if (!s) throw new MahdarError('live.failed', { detail: 'not started' });
          return s.decode(pcm, prompt, o);
        },
      },
      onUpdate: (u) => ctx.events.publish({ type: 'liveText', meetingId: opts.meetingId, recordingId: opts.recordingId, ...u }),
      onError: (error) => {
        // A start failure was reported already.
        if (this.server && !this.ended) status('failed', new MahdarError(error.code, error.params));
        void this.server?.close();
      },
    });
  }

  /**
   * Starts the live text of a recording if a model is installed; null (and a liveStatus
   * 'unavailable' event) when none is. Returns at once: the engine loads in the background.
   */
  static async start(ctx: ServiceContext, opts: LiveSessionOptions): Promise<LiveSession | null> {
    let launch: () => Promise<LiveServer>;
    try {
      const settings = await readSettings(ctx);
      const model = await resolveModel(ctx, settings.modelId);
      const vadModel = await findVadModel(ctx);
      const language = settings.transcriptionLanguage ?? 'ar';
      const threads = resolveThreads(undefined, settings.threads);
      launch = async () => startLiveServer({ bin: whisperServerPath(), model: model.path, vadModel, threads, language: language === 'auto' ? 'auto' : language });
    } catch (err) {
      ctx.events.publish({ type: 'liveStatus', meetingId: opts.meetingId, recordingId: opts.recordingId, state: 'unavailable', error: toErrorPayload(err) });
      return null;
    }
    return new LiveSession(ctx, opts, launch);
  }

  /** The engine's process id once it runs (tests check it is gone after stop). */
  async enginePid(): Promise<number | null> {
    return (await this.started)?.pid ?? null;
  }

  /** The committed live text so far (for the bench; the UI builds it from the events). */
  get text(): string {
    return this.transcriber.text;
  }

  /** Recorded audio, as written to the file. Never waits, never throws. */
  push(pcm: Buffer): void {
    if (!this.ended) this.transcriber.push(pcm);
  }

  /** Ends the live text: the engine is stopped (a decode in flight is abandoned), then gone. */
  async stop(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const finished = this.transcriber.stop();
    const server = this.server;
    await server?.close();
    await finished;
    // Started meanwhile: `started` closes it; wait for that too.
    const late = await this.started;
    await late?.close();
    this.ctx.events.publish({ type: 'liveStatus', meetingId: this.opts.meetingId, recordingId: this.opts.recordingId, state: 'stopped' });
  }
}
