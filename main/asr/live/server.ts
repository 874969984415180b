// The long-lived decoder of the live text: whisper.cpp's whisper-server (examples/server, built
// by scripts/build-engine.mjs beside whisper-cli) with the model loaded once for the whole
// recording. A fresh whisper-cli per window would reload the model every second or so: measured
// in docs/engine.md ("Live transcription").
//
// It listens on 127.0.0.1 only, on a free port chosen at start, and runs behind the same
// watchdog as every engine run (engine.ts, spawnEngine): it is stopped with the recording and
// never outlives the app, whatever kills the app. Decoding requests are served one at a time.
//
// Every route of the server lives under a random path made at each start (`--request-path`,
// serverArgs): loopback is open to every program and account on the computer, and to web pages
// in its browsers (the server allows any origin, and a form post needs no preflight), and the
// server has a /load route that makes it load any file path it is given as a model. Without the
// path nothing is reachable (404). What remains open is in docs/engine.md, "Who can reach the
// live engine".
import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { MahdarError } from '../../../shared/errors.ts';
import { killOnExit } from '../../archive/processes.ts';
import { wavHeader } from '../../audio/wav.ts';
import { config } from '../../config.ts';
import { repoRoot } from '../../paths.ts';
import { DEFAULT_DECODE } from '../decode-options.ts';
import { engineEnv, exitReason, LIVE_ENGINE_PRIORITY, packagedEngineDir, spawnEngine, stopEngine } from '../engine.ts';
import { collapseRepeats } from '../repeats.ts';
import { engineFailureDetail, isNonSpeech } from '../runner.ts';

const exe = process.platform === 'win32' ? 'whisper-server.exe' : 'whisper-server';

/** whisper-server: MAHDAR_WHISPER_SERVER, else beside MAHDAR_WHISPER_CLI, else build/whisper/bin. */
export function whisperServerPath(root = repoRoot): string {
  const candidates: string[] = [];
  const server = config.whisperServer();
  const cli = config.whisperCli();
  if (server) candidates.push(server);
  else {
    if (cli) candidates.push(join(dirname(cli), exe));
    const packaged = packagedEngineDir();
    if (packaged) candidates.push(join(packaged, exe));
    candidates.push(join(root, 'build', 'whisper', 'bin', exe), join(root, 'build', 'whisper', 'bin', 'Release', exe));
  }
  for (const p of candidates) if (existsSync(p)) return p;
  throw new MahdarError('live.engineMissing');
}

export interface LiveServerOptions {
  bin: string;
  model: string;
  /** Silero VAD model; null decodes windows without voice detection (Whisper invents text in silence). */
  vadModel: string | null;
  threads: number;
  language: string;
  /** Beam width; 1 (greedy) by default: the live text must keep up, the full pass decodes again. */
  beamSize?: number;
}

export interface DecodedSegment {
  /** Seconds from the start of the decoded window. */
  start: number;
  end: number;
  text: string;
}

export interface DecodeWindowOptions {
  /**
   * Seconds of audio the encoder looks at (whisper.cpp's audio_ctx, 50 frames per second), the
   * window padded with silence up to it; 30 (the model's own) by default. The encoder's cost
   * falls with it. It must stay the same for every window of one server: see liveContextFrames.
   */
  contextSec?: number;
  /**
   * Give the decode up after this many milliseconds: the request is closed, which makes
   * whisper-server abort it between two decoding steps, and the decode resolves to null.
   */
  timeoutMs?: number;
}

/**
 * audio_ctx for an encoder context of `sec` seconds: 50 frames per second, at most the model's
 * 1500 (30 s), which is sent as 0 ("the model's own").
 *
 * One server must be given one value for a whole recording. whisper.cpp 1.9.1 decodes the same
 * window differently once an earlier request ran with another audio_ctx: with the context fitted
 * to each window (1.5 times its length), a 12 s window read correctly on its own and came out as
 * a loop ("اينة مجميل مفهيني في البيانة" seven times) after a 14 s one, and once took 24 s of
 * temperature fallback for three words of garbage. With one value throughout, every window gave
 * the same text whatever came before (docs/engine.md, "Live transcription").
 */
export function liveContextFrames(sec: number): number {
  if (!(sec > 0)) throw new RangeError(`encoder context must be positive, got ${sec}`);
  const frames = Math.ceil(sec * 50);
  return frames >= 1500 ? 0 : frames;
}

export interface LiveServer {
  /** The engine's process id (tests check that it is gone). */
  readonly pid: number;
  /** Its port on 127.0.0.1 (tests check that nothing answers there without the secret path). */
  readonly port: number;
  /**
   * Decodes one window of 16 kHz mono PCM16; rejects with live.failed if the engine fails;
   * null when it was given up at `opts.timeoutMs`.
   */
  decode(pcm: Buffer, prompt?: string, opts?: DecodeWindowOptions): Promise<DecodedSegment[] | null>;
  /** Stops the engine; resolves once it has exited. */
  close(): Promise<void>;
  /** Settles when the engine exits for any reason, with why. */
  readonly exited: Promise<string>;
}

/** The runner's guard against repetition loops, keeping the leading space that says "new word". */
function keepLeadingSpace(text: string): string {
  return (/^\s/.test(text) ? ' ' : '') + collapseRepeats(text);
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** A minimal WAV (16 kHz mono PCM16) around raw samples. */
export function wavOf(pcm: Buffer): Buffer {
  return Buffer.concat([wavHeader(pcm.length), pcm]);
}

/** Starts whisper-server with the model loaded; resolves when it accepts requests. */
export async function startLiveServer(opts: LiveServerOptions): Promise<LiveServer> {
  let lastError: MahdarError | null = null;
  // The port is free when chosen; another program may take it before the engine binds: retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(opts, await freePort());
    } catch (err) {
      lastError = err instanceof MahdarError ? err : new MahdarError('live.failed', { detail: String(err) });
      if (!/bind/.test(String(lastError.params?.detail ?? ''))) break;
    }
  }
  throw lastError ?? new MahdarError('live.failed', { detail: 'cannot start' });
}

/** A new secret path for one server: 128 random bits, hex (the server matches routes as regular expressions). */
export function newRequestPath(): string {
  return `/${randomBytes(16).toString('hex')}`;
}

/** whisper-server's arguments: loopback only, every route under `requestPath`, no files served. */
export function serverArgs(opts: LiveServerOptions, port: number, requestPath: string): string[] {
  if (!/^\/[0-9a-f]{32}$/.test(requestPath)) throw new Error('the request path must be newRequestPath()');
  return [
    '-m', opts.model,
    '--host', '127.0.0.1',
    '--port', String(port),
    // /inference, /load, /health and / all move under it: without it every request is a 404.
    '--request-path', requestPath,
    '-t', String(opts.threads),
    '-l', opts.language,
    '-bs', String(opts.beamSize ?? 1),
    '-bo', '1',
    '-sns',
    // No temperature fallback: on a window it cannot read, Whisper would decode it up to five
    // more times at rising temperatures (seconds each) while the speech goes on; the next window,
    // with more audio, is the better retry, and the full pass after the stop keeps the fallback
    // (docs/engine.md, "Live transcription": fewer skipped seconds, the same live WER, no loop).
    '-nf',
    // Nothing served from disk: no public folder.
    '--public', join(dirname(opts.bin), 'mahdar-no-public'),
    // The full pass's voice detection (decode-options.ts): cut only at pauses of 2 s, keep 0.4 s
    // around speech; whisper.cpp's defaults cut between words and glue the pieces with 0.1 s of zeros.
    ...(opts.vadModel ? ['--vad', '-vm', opts.vadModel, '-vsd', String(DEFAULT_DECODE.vadMinSilenceMs), '-vp', String(DEFAULT_DECODE.vadSpeechPadMs)] : []),
  ];
}

async function startOnce(opts: LiveServerOptions, port: number): Promise<LiveServer> {
  const requestPath = newRequestPath();
  const args = serverArgs(opts, port, requestPath);
  const server = new ServerProcess(spawnEngine(opts.bin, args, engineEnv(opts.threads), LIVE_ENGINE_PRIORITY));
  const base = `http://127.0.0.1:${port}${requestPath}`;
  try {
    await untilReady(server, base, port);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return liveServer(server, base, port);
}

/** whisper-server behind its watchdog: its pid, the tail of its output, its end, and how to stop it. */
class ServerProcess {
  enginePid: number | undefined;
  /** The last 8 KiB of the engine's stdout and stderr, for the error message. */
  tail = '';
  /** Settles when the engine exits for any reason, with why. */
  readonly exited: Promise<string>;

  constructor(readonly watchdog: ChildProcess) {
    killOnExit(watchdog, () => this.enginePid);
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-8192);
    };
    watchdog.stdout!.on('data', keep);
    watchdog.stderr!.on('data', keep);
    this.exited = new Promise<string>((res) => {
      watchdog.once('close', (code, signal) => res(exitReason(code, signal)));
      watchdog.once('error', (err) => res(err.message));
    });
    watchdog.on('message', (msg: { enginePid?: unknown }) => {
      if (typeof msg?.enginePid === 'number') this.enginePid = msg.enginePid;
    });
  }

  get hasExited(): boolean {
    return this.watchdog.exitCode !== null || this.watchdog.signalCode !== null;
  }

  /** The error message: the engine's last error lines (or last lines), and why it ended. */
  detail(why: string): string {
    return engineFailureDetail(this.tail, why);
  }

  async stop(): Promise<void> {
    if (this.hasExited) return;
    stopEngine(this.watchdog, () => this.enginePid, 1500);
    await this.exited;
  }
}

/** Resolves when /health answers ok (it answers 503 while the model loads); rejects if the engine exits or cannot bind. */
async function untilReady(server: ServerProcess, base: string, port: number): Promise<void> {
  let ended: string | null = null;
  void server.exited.then((why) => (ended = why));
  for (;;) {
    if (ended !== null) throw new MahdarError('live.failed', { detail: server.detail(ended) });
    if (/couldn't bind/.test(server.tail)) {
      await server.stop();
      throw new MahdarError('live.failed', { detail: `bind ${port}` });
    }
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok && server.enginePid) return;
    await Promise.race([new Promise((r) => setTimeout(r, 50)), server.exited]);
  }
}

/** A ready server as the recording uses it: decoding requests one at a time, then close. */
function liveServer(server: ServerProcess, base: string, port: number): LiveServer {
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const decodeOnce = async (pcm: Buffer, prompt?: string, o: DecodeWindowOptions = {}): Promise<DecodedSegment[] | null> => {
    if (closed) throw new MahdarError('live.failed', { detail: 'stopped' });
    let body: InferenceBody;
    const signal = o.timeoutMs !== undefined ? AbortSignal.timeout(o.timeoutMs) : undefined;
    try {
      const res = await fetch(`${base}/inference`, { method: 'POST', body: inferenceForm(pcm, prompt, o), signal });
      body = (await res.json()) as InferenceBody;
      if (!res.ok || body.error) throw new Error(body.error ?? `HTTP ${res.status}`);
    } catch (err) {
      if (signal?.aborted && !closed) return null;
      const why = server.hasExited ? await server.exited : (err as Error).message;
      throw new MahdarError('live.failed', { detail: server.detail(why) });
    }
    return (body.segments ?? [])
      .map((s) => ({ start: Number(s.start ?? 0), end: Number(s.end ?? 0), text: keepLeadingSpace(String(s.text ?? '')) }))
      .filter((s) => !isNonSpeech(s.text));
  };

  return {
    get pid() {
      return server.enginePid!;
    },
    port,
    decode(pcm, prompt, o) {
      const p = chain.then(() => decodeOnce(pcm, prompt, o));
      chain = p.catch(() => undefined);
      return p;
    },
    async close() {
      closed = true;
      await server.stop();
    },
    exited: server.exited,
  };
}

/** What /inference answers (response_format verbose_json). */
interface InferenceBody {
  segments?: { start?: number; end?: number; text?: string }[];
  error?: string;
}

/** The /inference request for one window. */
function inferenceForm(pcm: Buffer, prompt: string | undefined, o: DecodeWindowOptions): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(wavOf(pcm))], { type: 'audio/wav' }), 'window.wav');
  form.append('response_format', 'verbose_json');
  form.append('temperature', '0');
  // Temperature fallback on (whisper.cpp's default): without it, short windows of Arabic fell
  // into repetition loops ("وردك وردك وردك ...") with nothing to escape them.
  form.append('temperature_inc', '0.2');
  form.append('no_language_probabilities', 'true');
  // Sent every time: whisper-server keeps a request's parameters for the next one.
  form.append('prompt', prompt ?? '');
  form.append('audio_ctx', String(liveContextFrames(o.contextSec ?? 30)));
  return form;
}
