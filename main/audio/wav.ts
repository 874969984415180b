// Minimal RIFF/WAVE reading: enough to know the format and length of the 16 kHz mono PCM files
// the app writes, and to cut the tail of one (resuming a transcription with voice detection).
import { open } from 'node:fs/promises';
import { MahdarError } from '../../shared/errors.ts';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Bytes of sample data (clamped to what the file really holds). */
  dataBytes: number;
  durationSec: number;
}

export async function readWavInfo(file: string): Promise<WavInfo> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(12);
    await fh.read(head, 0, 12, 0);
    if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') {
      throw new MahdarError('audio.unreadable');
    }
    let pos = 12;
    let fmt: { sampleRate: number; channels: number; bitsPerSample: number } | null = null;
    const chunk = Buffer.alloc(8);
    while (pos + 8 <= size) {
      await fh.read(chunk, 0, 8, pos);
      const id = chunk.toString('latin1', 0, 4);
      const len = chunk.readUInt32LE(4);
      if (id === 'fmt ') {
        const b = Buffer.alloc(16);
        await fh.read(b, 0, 16, pos + 8);
        fmt = { channels: b.readUInt16LE(2), sampleRate: b.readUInt32LE(4), bitsPerSample: b.readUInt16LE(14) };
      } else if (id === 'data') {
        if (!fmt) break;
        const dataOffset = pos + 8;
        // ffmpeg writing to a pipe leaves 0xFFFFFFFF; trust the file size then.
        const dataBytes = Math.min(len, size - dataOffset);
        const bytesPerSec = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
        return { ...fmt, dataOffset, dataBytes, durationSec: bytesPerSec ? dataBytes / bytesPerSec : 0 };
      }
      pos += 8 + len + (len % 2);
    }
    throw new MahdarError('audio.unreadable');
  } finally {
    await fh.close();
  }
}

/** The one format the app records and the engine reads: 16 kHz mono 16-bit PCM. */
export function isMono16kPcm16(info: Pick<WavInfo, 'sampleRate' | 'channels' | 'bitsPerSample'>): boolean {
  return info.sampleRate === 16000 && info.channels === 1 && info.bitsPerSample === 16;
}

/** A canonical 44-byte header for PCM data. */
export function wavHeader(dataBytes: number, sampleRate = 16000, channels = 1, bitsPerSample = 16): Buffer {
  const h = Buffer.alloc(44);
  const blockAlign = channels * (bitsPerSample / 8);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * blockAlign, 28);
  h.writeUInt16LE(blockAlign, 32);
  h.writeUInt16LE(bitsPerSample, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/**
 * Writes the part of a PCM WAV from `fromSec` to `toSec` (default: its end; both clamped to the
 * file) into `out` (streamed, bounded memory).
 */
export async function sliceWav(src: string, out: string, fromSec: number, toSec = Infinity): Promise<WavInfo> {
  const info = await readWavInfo(src);
  const block = info.channels * (info.bitsPerSample / 8);
  const skip = Math.min(info.dataBytes, Math.floor((Math.max(0, fromSec) * info.sampleRate)) * block);
  const until = Number.isFinite(toSec) ? Math.min(info.dataBytes, Math.ceil(Math.max(0, toSec) * info.sampleRate) * block) : info.dataBytes;
  const bytes = Math.max(0, until - skip);
  const inH = await open(src, 'r');
  const outH = await open(out, 'w');
  try {
    await outH.write(wavHeader(bytes, info.sampleRate, info.channels, info.bitsPerSample));
    const buf = Buffer.alloc(1 << 20);
    let done = 0;
    while (done < bytes) {
      const { bytesRead } = await inH.read(buf, 0, Math.min(buf.length, bytes - done), info.dataOffset + skip + done);
      if (bytesRead <= 0) break;
      await outH.write(buf.subarray(0, bytesRead));
      done += bytesRead;
    }
  } finally {
    await inH.close();
    await outH.close();
  }
  return readWavInfo(out);
}
