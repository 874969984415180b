// The live-recording WAV writer (main/audio/wav-recorder.ts): the file on disk is a valid WAV
// within a second of every append, a file cut short by a power cut is repaired to the samples it
// holds, and a repaired recording can be continued.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repairWav, WavRecorder } from '../../main/audio/wav-recorder.ts';
import { readWavInfo, wavHeader } from '../../main/audio/wav.ts';
import { tempDir } from './asr-fixtures.ts';
import { errorCodeOf } from './error-code.ts';

/** `n` samples of a recognisable ramp, starting at sample index `from`. */
function pcm(n: number, from = 0): Buffer {
  const b = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) b.writeInt16LE(((from + i) * 7) % 30000, i * 2);
  return b;
}

/** What the header on disk declares, and what the file holds. */
function onDisk(file: string): { riff: number; data: number; size: number } {
  const b = readFileSync(file);
  return { riff: b.readUInt32LE(4), data: b.readUInt32LE(40), size: b.length };
}

function ffprobeDuration(file: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  return Number(out.trim());
}

describe('WavRecorder', () => {
  it('keeps the header in step with the data on every sync, which comes a second after an append at the latest', async () => {
    // The recorder's clock is faked, so the promise is checked on the recorder's own schedule:
    // no sync before a second has passed since the last one, one as soon as it has.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const file = join(tempDir(), 'recording-1.wav');
      const synced: number[] = [];
      let wake: (() => void) | null = null;
      const rec = await WavRecorder.create(file, {
        onSync: (bytes) => {
          synced.push(bytes);
          wake?.();
        },
      });
      expect(onDisk(file)).toEqual({ riff: 36, data: 0, size: 44 });
      let samples = 0;
      for (let window = 0; window < 3; window++) {
        const next = new Promise<void>((res) => (wake = res));
        await rec.append(pcm(8000, samples)); // half a second
        samples += 8000;
        await vi.advanceTimersByTimeAsync(999);
        expect(synced).toHaveLength(window);
        await vi.advanceTimersByTimeAsync(1);
        await next; // the sync the append scheduled
        expect(synced).toEqual(Array.from({ length: window + 1 }, (_, i) => (i + 1) * 16000));
        // Valid as it stands on disk: a reader that trusts the header gets every sample appended.
        expect(onDisk(file)).toEqual({ riff: 36 + samples * 2, data: samples * 2, size: 44 + samples * 2 });
        expect((await readWavInfo(file)).durationSec).toBeCloseTo(samples / 16000, 6);
      }
      await rec.close();
      expect(readFileSync(file).subarray(44)).toEqual(pcm(samples));
      expect(ffprobeDuration(file)).toBeCloseTo(1.5, 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses half a sample, and writes nothing after it is closed', async () => {
    const file = join(tempDir(), 'recording-1.wav');
    const rec = await WavRecorder.create(file, { syncIntervalMs: 0 });
    expect(await errorCodeOf(rec.append(Buffer.alloc(3)))).toBe('recording.badChunk');
    await rec.append(pcm(10));
    await rec.close();
    expect(await errorCodeOf(rec.append(pcm(10)))).toBe('recording.notFound');
    expect(onDisk(file)).toEqual({ riff: 56, data: 20, size: 64 });
  });

  it('repairs a file cut short by a power cut: stale header, half a sample at the end', async () => {
    const dir = tempDir();
    const file = join(dir, 'recording-1.wav');
    // As the disk holds it after a power cut: the header synced a second ago declares 1 s,
    // the data that reached the disk since is 1.25 s and a byte of a sample cut in two.
    const audio = pcm(36000);
    writeFileSync(file, Buffer.concat([wavHeader(32000), audio.subarray(0, 40000), audio.subarray(40000, 40001)]));
    const r = await repairWav(file);
    expect(r).toEqual({ dataBytes: 40000, durationSec: 1.25, repaired: true });
    expect(onDisk(file)).toEqual({ riff: 36 + 40000, data: 40000, size: 44 + 40000 });
    expect(readFileSync(file).subarray(44)).toEqual(audio.subarray(0, 40000));
    expect(ffprobeDuration(file)).toBeCloseTo(1.25, 2);
    // A file already whole is left as it is.
    const before = statSync(file).mtimeMs;
    expect(await repairWav(file)).toEqual({ dataBytes: 40000, durationSec: 1.25, repaired: false });
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('repairs a header that still says 0 bytes (killed before the first sync)', async () => {
    const file = join(tempDir(), 'recording-1.wav');
    writeFileSync(file, wavHeader(0));
    appendFileSync(file, pcm(4000));
    expect((await repairWav(file)).durationSec).toBe(0.25);
    expect(ffprobeDuration(file)).toBeCloseTo(0.25, 2);
  });

  it('refuses to repair what is not a 16 kHz mono recording', async () => {
    const dir = tempDir();
    const short = join(dir, 'short.wav');
    writeFileSync(short, Buffer.from('RIFF'));
    expect(await errorCodeOf(repairWav(short))).toBe('audio.unreadable');
    const stereo = join(dir, 'stereo.wav');
    writeFileSync(stereo, Buffer.concat([wavHeader(8, 16000, 2), Buffer.alloc(8)]));
    expect(await errorCodeOf(repairWav(stereo))).toBe('audio.unreadable');
  });

  it('continues a repaired recording: the new samples follow the old ones', async () => {
    const dir = tempDir();
    const file = join(dir, 'recording-1.wav');
    const first = await WavRecorder.create(file, { syncIntervalMs: 0 });
    await first.append(pcm(16000));
    await first.close();
    // A crash after more audio reached the file but before its header was rewritten.
    const crashed = join(dir, 'crashed.wav');
    copyFileSync(file, crashed);
    appendFileSync(crashed, pcm(3001, 16000).subarray(0, 6001));
    const rec = await WavRecorder.continue(crashed, { syncIntervalMs: 0 });
    expect(rec.durationSec).toBe((16000 + 3000) / 16000);
    await rec.append(pcm(5000, 19000));
    await rec.close();
    expect(readFileSync(crashed).subarray(44)).toEqual(pcm(24000));
    expect(onDisk(crashed).data).toBe(48000);
    expect(ffprobeDuration(crashed)).toBeCloseTo(1.5, 2);
  });
});
