// The live engine process (main/asr/live/server.ts) with the real whisper-server: it yields the
// cores to the recording (below normal priority, every thread), and a decode given up at its
// deadline is aborted without taking the engine down: the next window decodes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIVE_ENGINE_PRIORITY } from '../../main/asr/engine.ts';
import { startLiveServer, whisperServerPath, type LiveServer } from '../../main/asr/live/server.ts';
import { readWavInfo } from '../../main/audio/wav.ts';
import { haveModel, haveServer, MODEL, MSA, tempDir, VAD } from './asr-fixtures.ts';

describe.runIf(haveModel && haveServer)('the live engine process (real engine)', () => {
  let server: LiveServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  // The recording must never wait for the live engine. Linux keeps a priority per thread; the
  // engine's threads inherit it when they are created.
  it.runIf(process.platform === 'linux')('runs below normal priority, every thread of it', async () => {
    server = await startLiveServer({ bin: whisperServerPath(), model: MODEL, vadModel: existsSync(VAD) ? VAD : null, threads: 2, language: 'ar' });
    await server.decode(Buffer.alloc(32000));
    const threads = readdirSync(`/proc/${server.pid}/task`).map(Number);
    expect(threads.length).toBeGreaterThan(1);
    expect(threads.map((tid) => getPriority(tid))).toEqual(threads.map(() => LIVE_ENGINE_PRIORITY));
    expect(LIVE_ENGINE_PRIORITY).toBeGreaterThan(getPriority());
  });

  it('gives a decode up at its deadline, and decodes the next window as if nothing happened', async () => {
    const wav = join(tempDir(), 'window.wav');
    execFileSync('sox', [join(MSA, '001.wav'), join(MSA, '002.wav'), '-r', '16000', '-c', '1', '-b', '16', wav, 'trim', '0', '8']);
    const info = await readWavInfo(wav);
    const pcm = readFileSync(wav).subarray(info.dataOffset, info.dataOffset + info.dataBytes);
    server = await startLiveServer({ bin: whisperServerPath(), model: MODEL, vadModel: existsSync(VAD) ? VAD : null, threads: 2, language: 'ar' });
    const first = await server.decode(pcm, '', { contextSec: 10 });
    const text = first!.map((s) => s.text).join('');
    expect(text.trim().length).toBeGreaterThan(10);
    // Cut short while the engine works on it.
    expect(await server.decode(pcm, '', { contextSec: 10, timeoutMs: 200 })).toBeNull();
    const again = await server.decode(pcm, '', { contextSec: 10 });
    expect(again!.map((s) => s.text).join('')).toBe(text);
  });
});
