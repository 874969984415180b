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
import { config } from '../../config.ts';
import { repoRoot } from '../../paths.ts';
import { DEFAULT_DECODE } from '../decode-options.ts';
import { engineEnv, LIVE_ENGINE_PRIORITY, packagedEngineDir, signalOfExitCode, spawnEngine } from '../engine.ts';
import { collapseRepeats, isNonSpeech } from '../runner.ts';

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
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + pcm.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(16000, 24);
  h.writeUInt32LE(32000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, pcm]);
}

/** Engine watchdogs of live servers alive now: killed when the app exits normally. */
const alive = new Set<{ watchdog: ChildProcess; pid: () => number | undefined }>();
let exitHook = false;
function track(entry: { watchdog: ChildProcess; pid: () => number | undefined }): void {
  alive.add(entry);
  entry.watchdog.once('close', () => alive.delete(entry));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const e of alive) {
      const pid = e.pid();
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
      e.watchdog.kill('SIGKILL');
    }
  });
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
  const watchdog = spawnEngine(opts.bin, args, engineEnv(opts.threads), LIVE_ENGINE_PRIORITY);
  let enginePid: number | undefined;
  track({ watchdog, pid: () => enginePid });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8192);
  };
  watchdog.stdout!.on('data', keep);
  watchdog.stderr!.on('data', keep);
  const exited = new Promise<string>((res) => {
    watchdog.once('close', (code, signal) => {
      const sig = signal ?? signalOfExitCode(code);
      res(sig ? `killed by ${sig}` : `exit code ${code}`);
    });
    watchdog.once('error', (err) => res(err.message));
  });
  const detail = (why: string) => {
    const lines = tail.split('\n').map((l) => l.trim()).filter(Boolean);
    const errors = lines.filter((l) => /error|fail|couldn't|cannot|invalid/i.test(l));
    return `${(errors.length ? errors : lines).slice(-2).join(' | ').slice(0, 300)} (${why})`;
  };
  const base = `http://127.0.0.1:${port}${requestPath}`;

  const stop = async () => {
    if (watchdog.exitCode !== null || watchdog.signalCode !== null) return;
    try {
      if (watchdog.connected) watchdog.send({ stop: true });
    } catch {
      // closing already
    }
    const hard = setTimeout(() => {
      try {
        if (enginePid) process.kill(enginePid, 'SIGKILL');
      } catch {
        // gone
      }
      watchdog.kill('SIGKILL');
    }, 1500);
    hard.unref();
    await exited;
    clearTimeout(hard);
  };

  watchdog.on('message', (msg: { enginePid?: unknown }) => {
    if (typeof msg?.enginePid === 'number') enginePid = msg.enginePid;
  });

  // Ready when /health answers ok (it answers 503 while the model loads); failed if it exits.
  const ready = (async () => {
    let ended: string | null = null;
    void exited.then((why) => (ended = why));
    for (;;) {
      if (ended !== null) throw new MahdarError('live.failed', { detail: detail(ended) });
      if (/couldn't bind/.test(tail)) {
        await stop();
        throw new MahdarError('live.failed', { detail: `bind ${port}` });
      }
      const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
      if (ok && enginePid) return;
      await Promise.race([new Promise((r) => setTimeout(r, 50)), exited]);
    }
  })();
  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }

  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const decodeOnce = async (pcm: Buffer, prompt?: string, o: DecodeWindowOptions = {}): Promise<DecodedSegment[] | null> => {
    if (closed) throw new MahdarError('live.failed', { detail: 'stopped' });
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
    let body: { segments?: { start?: number; end?: number; text?: string }[]; error?: string };
    const signal = o.timeoutMs !== undefined ? AbortSignal.timeout(o.timeoutMs) : undefined;
    try {
      const res = await fetch(`${base}/inference`, { method: 'POST', body: form, signal });
      body = (await res.json()) as typeof body;
      if (!res.ok || body.error) throw new Error(body.error ?? `HTTP ${res.status}`);
    } catch (err) {
      if (signal?.aborted && !closed) return null;
      const why = watchdog.exitCode !== null || watchdog.signalCode !== null ? await exited : (err as Error).message;
      throw new MahdarError('live.failed', { detail: detail(why) });
    }
    return (body.segments ?? [])
      .map((s) => ({ start: Number(s.start ?? 0), end: Number(s.end ?? 0), text: keepLeadingSpace(String(s.text ?? '')) }))
      .filter((s) => !isNonSpeech(s.text));
  };

  return {
    get pid() {
      return enginePid!;
    },
    port,
    decode(pcm, prompt, o) {
      const p = chain.then(() => decodeOnce(pcm, prompt, o));
      chain = p.catch(() => undefined);
      return p;
    },
    async close() {
      closed = true;
      await stop();
    },
    exited,
  };
}
