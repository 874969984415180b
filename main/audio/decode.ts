// Decoding of imported audio (wav, mp3, m4a/aac, ogg/opus, flac, webm, ...) to the one format
// the engine reads: 16 kHz mono 16-bit PCM WAV. The decoder is the system's ffmpeg (Debian's
// package here; MAHDAR_FFMPEG / MAHDAR_FFPROBE point to another build). Nothing is downloaded.
// The output is written to a temporary file beside the target and renamed into place only when
// complete, so a failure never leaves a half-decoded file where the app would use it.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { MahdarError } from '../../shared/errors.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/api.ts';
import { formatBytes } from '../../shared/text/bytes.ts';
import { fsyncFile, replaceThroughTemp } from '../archive/atomic-write.ts';
import { config } from '../config.ts';
import { isMono16kPcm16, readWavInfo } from './wav.ts';

/** Longest recording accepted: the domain's 24 hours. */
export const MAX_AUDIO_SECONDS = 24 * 3600;

export const ffmpegPath = () => config.ffmpeg();
export const ffprobePath = () => config.ffprobe();

interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runTool(bin: string, args: string[]): Promise<ToolResult> {
  return new Promise((resolvePromise, reject) => {
    const c = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(-65536)));
    c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-8192)));
    c.on('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'ENOENT' ? new MahdarError('audio.noDecoder') : err);
    });
    c.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export interface ProbeResult {
  durationSec: number | null;
  codec: string;
}

/** Duration and codec of the first audio stream; audio.unreadable when there is none. */
export async function probeAudio(file: string): Promise<ProbeResult> {
  const r = await runTool(ffprobePath(), [
    '-v', 'error',
    '-select_streams', 'a:0',
    '-show_entries', 'stream=codec_name,duration:format=duration',
    '-of', 'json',
    file,
  ]);
  if (r.code !== 0) throw new MahdarError('audio.unreadable');
  let parsed: { streams?: { codec_name?: string; duration?: string }[]; format?: { duration?: string } };
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new MahdarError('audio.unreadable');
  }
  const stream = parsed.streams?.[0];
  if (!stream) throw new MahdarError('audio.unreadable');
  const d = Number(stream.duration ?? parsed.format?.duration);
  return { durationSec: Number.isFinite(d) ? d : null, codec: stream.codec_name ?? '' };
}

export interface DecodeOptions {
  maxBytes?: number;
}

export interface DecodedAudio {
  /** Seconds, from the decoded samples (exact). */
  durationSec: number;
  /** Duration the container announced, when it did. */
  probedSec: number | null;
  codec: string;
}

/**
 * Decodes `input` into `output` (16 kHz mono s16 WAV). `output` is replaced atomically, and
 * only on success. Errors: audio.empty, audio.tooLarge, audio.unreadable, audio.noDecoder.
 */
export async function decodeToWav(input: string, output: string, opts: DecodeOptions = {}): Promise<DecodedAudio> {
  const maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
  const st = await stat(input).catch(() => null);
  if (!st || !st.isFile()) throw new MahdarError('audio.unreadable');
  if (st.size === 0) throw new MahdarError('audio.empty');
  if (st.size > maxBytes) throw new MahdarError('audio.tooLarge', { limit: formatBytes(maxBytes) });

  const probe = await probeAudio(input);
  if (probe.durationSec !== null && probe.durationSec > MAX_AUDIO_SECONDS) {
    throw new MahdarError('audio.tooLarge', { limit: '24 h' });
  }
  return replaceThroughTemp(output, async (tmp) => {
    const r = await runTool(ffmpegPath(), [
      '-nostdin', '-hide_banner', '-loglevel', 'error', '-y',
      '-i', input,
      '-map', '0:a:0', '-vn', '-sn', '-dn',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact',
      '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le',
      '-t', String(MAX_AUDIO_SECONDS),
      '-f', 'wav', tmp,
    ]);
    if (r.code !== 0) throw new MahdarError('audio.unreadable');
    const info = await readWavInfo(tmp);
    if (!isMono16kPcm16(info)) throw new MahdarError('audio.unreadable');
    // A stream that decodes to less than 10 ms of samples holds no audio worth keeping.
    if (info.durationSec < 0.01) throw new MahdarError('audio.empty');
    await fsyncFile(tmp);
    return { durationSec: info.durationSec, probedSec: probe.durationSec, codec: probe.codec };
  });
}

