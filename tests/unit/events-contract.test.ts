// Events in the contract: each event main pushes has a schema (shared/events.ts); both
// transports send only what matches it (main/service/events.ts), and the page drops what does
// not, saying so once on the console (renderer/api/events.ts).
import { get, type IncomingMessage } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, MahdarService } from '../../shared/api.ts';
import { eventChecker } from '../../shared/events.ts';
import { EventBus } from '../../main/context/events.ts';
import { forwardEvents } from '../../main/service/events.ts';
import { startServe } from '../../main/serve/http-server.ts';
import { checkedEvents } from '../../renderer/api/events.ts';
import { tempDir } from './asr-fixtures.ts';

const job = { meetingId: 'm-abc', status: 'running', modelId: 'base', percent: 12.5, etaSec: null, doneSec: 30, error: null } as const;
/** One event of every type, as main publishes them. */
const valid: ApiEvent[] = [
  { type: 'meeting', meetingId: 'm-abc' },
  { type: 'job', job: { ...job, status: 'done', untranscribed: [{ start: 10, end: 25 }] } },
  { type: 'segment', meetingId: 'm-abc', segment: { id: 's-001', start: 1, end: 2.5, text: 'نص', speakerId: null, tags: [], edited: false, wordConfidence: [0.9] } },
  {
    type: 'model',
    model: {
      ...{ id: 'base', label: 'Base', sizeBytes: 1000, sha256: null, installed: true, source: 'local', download: null, use: 'trial', recommended: false },
      speed: { rtf: 0.2, secPerHour: 720, threads: 4, measuredAt: '2026-12-06T10:00:00.000Z' },
    },
  },
  {
    type: 'calibration',
    calibration: { status: 'failed', modelIds: ['base'], current: null, percent: 0, measured: [], failed: [{ modelId: 'base', error: { code: 'internal', params: {} } }], error: { code: 'disk.full', params: { free: 3 } } },
  },
  {
    type: 'recording',
    meetingId: 'm-abc',
    recording: { meetingId: 'm-abc', recordingId: 'r-abc', state: 'paused', durationSec: 3.5, offsetSec: 0, nextSeq: 7, freeDiskMinutes: 900, followed: { endSec: 1.2, inTranscript: true } },
    recovered: { recordingId: 'r-old', durationSec: 60, attached: true, file: 'recording-r-old.wav' },
  },
  { type: 'liveText', meetingId: 'm-abc', recordingId: 'r-abc', committed: 'بسم', tentative: 'الله', atSec: 4, skippedSec: 2, final: true },
  { type: 'liveStatus', meetingId: 'm-abc', recordingId: 'r-abc', state: 'failed', error: { code: 'internal', params: {} } },
];
const invalid: unknown[] = [
  { type: 'job', job: { ...job, percent: '12' } },
  { type: 'segment', meetingId: 'm-abc' },
  { type: 'liveStatus', meetingId: 'm-abc', recordingId: 'r-abc', state: 'dancing' },
  { type: 'meeting', meetingId: '../etc' },
  { type: 'unknown', meetingId: 'm-abc' },
  'not json at all',
  null,
];

afterEach(() => vi.restoreAllMocks());

describe('the schema of each event', () => {
  it('reads every event type as main publishes it, unchanged', () => {
    const check = eventChecker(() => expect.fail('reported a valid event'));
    for (const event of valid) expect(check(event), event.type).toEqual(event);
  });

  it('drops a field the contract does not name, keeping the event', () => {
    const check = eventChecker(() => expect.fail('reported a valid event'));
    expect(check({ type: 'meeting', meetingId: 'm-abc', path: '/etc/passwd' })).toEqual({ type: 'meeting', meetingId: 'm-abc' });
  });

  it('refuses malformed events, reporting each event type once', () => {
    const reports: string[] = [];
    const check = eventChecker((m) => reports.push(m));
    for (const raw of [...invalid, ...invalid]) expect(check(raw), JSON.stringify(raw)).toBeNull();
    expect(reports).toHaveLength(6); // job, segment, liveStatus, meeting, unknown, and the two without a type
    expect(reports[0]).toMatch(/type job .*job\.percent/);
  });
});

describe('main forwards only events that match', () => {
  it('sends valid events, drops and logs a malformed one, and stops when unsubscribed', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new EventBus();
    const sent: ApiEvent[] = [];
    const stop = forwardEvents(bus, (e) => sent.push(e));
    bus.publish(invalid[0] as ApiEvent);
    for (const event of valid) bus.publish(event);
    stop();
    bus.publish(valid[0]!);
    expect(sent).toEqual(valid);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('over Server-Sent Events: the stream carries the valid event, not the malformed one before it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = tempDir('mahdar-events-');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
    const events = new EventBus();
    const token = 't'.repeat(32);
    const none = () => Promise.reject(new Error('none'));
    const server = await startServe({ service: {} as MahdarService, events, staticDir: join(root, 'dist'), token, files: { openDownload: none, openMedia: none } });
    try {
      const res = await new Promise<IncomingMessage>((resolve, reject) =>
        get(`http://127.0.0.1:${server.port}/api/events`, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject),
      );
      let text = '';
      const firstEvent = new Promise<string>((resolve) => {
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const m = /^data: (.*)$/m.exec(text);
          if (m) resolve(m[1]!);
        });
      });
      // Published once the stream is open (its first line is written on connection).
      await new Promise<void>((resolve) => res.once('data', () => resolve()));
      events.publish(invalid[0] as ApiEvent);
      events.publish(valid[1]!);
      expect(JSON.parse(await firstEvent)).toEqual(valid[1]);
      res.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('the page reads events against the contract', () => {
  /** A transport that delivers whatever it is given, to every listener. */
  function fakeBridge() {
    const listeners = new Set<(e: unknown) => void>();
    return {
      deliver: (raw: unknown) => listeners.forEach((l) => l(raw)),
      onEvent: (l: (e: unknown) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
  }

  it('gives views the valid events, drops the others and says so once, whatever the number of views', () => {
    const bridge = fakeBridge();
    const reports: string[] = [];
    const onEvent = checkedEvents(bridge, (m) => reports.push(m));
    const seenA: ApiEvent[] = [];
    const seenB: ApiEvent[] = [];
    onEvent((e) => seenA.push(e));
    const stopB = onEvent((e) => seenB.push(e));
    bridge.deliver(invalid[0]);
    bridge.deliver(invalid[0]);
    bridge.deliver(valid[0]);
    stopB();
    bridge.deliver(valid[2]);
    expect(seenA).toEqual([valid[0], valid[2]]);
    expect(seenB).toEqual([valid[0]]);
    expect(reports).toHaveLength(1);
  });

  it('reports on the console by default', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bridge = fakeBridge();
    const seen: ApiEvent[] = [];
    checkedEvents(bridge)((e) => seen.push(e));
    bridge.deliver('{"type":');
    expect(seen).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/does not match the contract/));
  });
});
