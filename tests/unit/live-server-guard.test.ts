// Who can reach the live engine (main/asr/live/server.ts; docs/engine.md, "Who can reach the live
// engine"): whisper-server listens on loopback, where any account of the computer and any web
// page in its browsers can send it requests, and its /load route loads whatever file path it is
// given. Every route is moved under a random path made at each start: without it, /load,
// /inference, /health and / answer 404, and a /load aimed at a real model does nothing. And
// MAHDAR_LIVE=0 starts no engine at all, while the recording goes on.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api.ts';
import { newRequestPath, serverArgs, startLiveServer, whisperServerPath, type LiveServer } from '../../main/asr/live/server.ts';
import { recordingCommands } from '../../main/service/recording.ts';
import { freshContext, haveModel, haveServer, MODEL, VAD } from './asr-fixtures.ts';

describe('the live engine is reachable only through its secret path', () => {
  const opts = { bin: '/engine/whisper-server', model: '/models/ggml-base.bin', vadModel: null, threads: 2, language: 'ar' };

  it('gives the server a new 128-bit request path at each start, loopback only', () => {
    const a = newRequestPath();
    const b = newRequestPath();
    expect(a).toMatch(/^\/[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    const args = serverArgs(opts, 4321, a);
    expect(args[args.indexOf('--request-path') + 1]).toBe(a);
    expect(args[args.indexOf('--host') + 1]).toBe('127.0.0.1');
    // No converter run on what callers upload.
    expect(args).not.toContain('--convert');
    expect(() => serverArgs(opts, 4321, '')).toThrow();
    expect(() => serverArgs(opts, 4321, '/.*')).toThrow();
  });

  let server: LiveServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it.runIf(haveModel && haveServer)('refuses /load, /inference, /health and / without it; decodes with it (real engine)', async () => {
    server = await startLiveServer({ bin: whisperServerPath(), model: MODEL, vadModel: existsSync(VAD) ? VAD : null, threads: 1, language: 'ar' });
    const root = `http://127.0.0.1:${server.port}`;
    // The model-load route, given a real model file: the unguarded server would load it and answer 200.
    const form = new FormData();
    form.append('model', MODEL);
    const load = await fetch(`${root}/load`, { method: 'POST', body: form });
    expect(load.status).toBe(404);
    const inference = new FormData();
    inference.append('file', new Blob([new Uint8Array(44)]), 'x.wav');
    expect((await fetch(`${root}/inference`, { method: 'POST', body: inference })).status).toBe(404);
    expect((await fetch(`${root}/health`)).status).toBe(404);
    expect((await fetch(`${root}/`)).status).toBe(404);
    // A guess at the path is refused as well.
    expect((await fetch(`${root}${newRequestPath()}/health`)).status).toBe(404);
    // The app's own requests go through: one second of silence decodes (to nothing).
    const segments = await server.decode(Buffer.alloc(32000));
    expect(Array.isArray(segments)).toBe(true);
  });
});

describe('MAHDAR_LIVE=0', () => {
  afterEach(() => {
    delete process.env.MAHDAR_LIVE;
  });

  it.runIf(haveModel)('starts no live engine; the recording goes on and the page is told the live text is off', async () => {
    process.env.MAHDAR_LIVE = '0';
    const ctx = await freshContext();
    const events: ApiEvent[] = [];
    ctx.events.subscribe((e) => events.push(e));
    const rec = recordingCommands(ctx, { syncIntervalMs: 0, transcribeAfter: false });
    const m = await ctx.archive.create({ title: 'جلسة' });
    const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
    await rec.appendRecording({ meetingId: m.id, recordingId, seq: 0, pcm: Buffer.alloc(16000).toString('base64') });
    const meeting = await rec.stopRecording({ meetingId: m.id });
    expect(meeting.audio!.durationSec).toBe(0.5);
    const live = events.flatMap((e) => (e.type === 'liveStatus' ? [e.state] : []));
    expect(live).toEqual(['off']);
  });
});
