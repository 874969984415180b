// MAHDAR_VAD=0 (main/config.ts) turns voice detection off for every engine run, the live engine
// included: each finds its Silero model through the one lookup (main/asr/vad-model.ts). A stand-in
// engine writes down the arguments it was started with and exits, so the test reads what the real
// engine would have been told, with the Silero model present in the model folder either way.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSession } from '../../main/asr/live/session.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import { createService } from '../../main/service/index.ts';
import { freshContext, haveModel, MSA, nextEvent, tempDir, VAD } from './asr-fixtures.ts';

const VARS = ['MAHDAR_VAD', 'MAHDAR_WHISPER_CLI', 'MAHDAR_WHISPER_SERVER'] as const;

/** A stand-in engine that writes its arguments to `argsFile`, one a line, and fails. */
function recordingEngine(dir: string, name: string): { bin: string; argsFile: string } {
  const bin = join(dir, name);
  const argsFile = join(dir, `${name}.args`);
  writeFileSync(bin, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexit 3\n`);
  chmodSync(bin, 0o755);
  return { bin, argsFile };
}

/** The arguments the full pass started the engine with. */
async function fullPassArgs(): Promise<string[]> {
  const ctx = await freshContext();
  const service = await createService(ctx);
  const m = await ctx.archive.create({ title: 'جلسة' });
  await importAudioFile(ctx, m.id, join(MSA, '001.wav'), '001.wav');
  const ended = nextEvent(ctx, (e) => e.type === 'job' && e.job.meetingId === m.id && e.job.status !== 'running');
  await service.startTranscription({ meetingId: m.id });
  expect(await ended).toMatchObject({ job: { status: 'failed' } });
  return readFileSync(process.env.MAHDAR_WHISPER_CLI + '.args', 'utf8').split('\n');
}

/** The arguments the live text started its engine with. */
async function liveArgs(): Promise<string[]> {
  const ctx = await freshContext();
  const m = await ctx.archive.create({ title: 'جلسة' });
  const failed = nextEvent(ctx, (e) => e.type === 'liveStatus' && e.state === 'failed');
  const session = await LiveSession.start(ctx, { meetingId: m.id, recordingId: 'r1', originSec: 0 });
  expect(session).not.toBeNull();
  await failed;
  await session!.stop();
  return readFileSync(process.env.MAHDAR_WHISPER_SERVER + '.args', 'utf8').split('\n');
}

describe.runIf(haveModel && existsSync(VAD))('MAHDAR_VAD', () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
    const dir = tempDir('mahdar-vad-');
    process.env.MAHDAR_WHISPER_CLI = recordingEngine(dir, 'whisper-cli').bin;
    process.env.MAHDAR_WHISPER_SERVER = recordingEngine(dir, 'whisper-server').bin;
  });
  afterEach(() => {
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
  });

  it('unset: the full pass and the live engine are given the Silero model', async () => {
    delete process.env.MAHDAR_VAD;
    for (const args of [await fullPassArgs(), await liveArgs()]) {
      expect(args).toContain('--vad');
      expect(args[args.indexOf('-vm') + 1]).toBe(VAD);
    }
  });

  it('=0: neither the full pass nor the live engine detects voice', async () => {
    process.env.MAHDAR_VAD = '0';
    for (const args of [await fullPassArgs(), await liveArgs()]) {
      expect(args).not.toContain('--vad');
      expect(args).not.toContain('-vm');
    }
  });
});
