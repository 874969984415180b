// The live window loop (main/asr/live/live.ts) with a scripted decoder whose answer is read off the
// audio itself: second k of the recording holds the sample value k+1 and "says" the word wk. The
// engine's own behaviour is tested with the real engine (live-recording.test.ts, bench live); this
// tests what the loop does with it: one encoder context for every window, windows that fit in it,
// and what happens to the words of audio dropped when the engine falls behind.
import { describe, expect, it } from 'vitest';
import { CONTEXT_SPARE_SEC, LiveTranscriber, type LiveUpdate } from '../../main/asr/live/live.ts';
import type { DecodedSegment, DecodeWindowOptions } from '../../main/asr/live/server.ts';

const SEC = 32000;
/** `n` seconds of recording starting at second `from`: every sample of second k is k+1. */
function seconds(from: number, n: number): Buffer {
  const b = Buffer.alloc(n * SEC);
  for (let k = 0; k < n; k++) for (let i = 0; i < SEC / 2; i++) b.writeInt16LE(from + k + 1, k * SEC + i * 2);
  return b;
}

/** A decoder that hears each whole second of the window as its word; `hold` keeps it busy. */
function scripted() {
  const calls: { windowSec: number; contextSec: number | undefined }[] = [];
  let release: (() => void) | null = null;
  let held = false;
  const decoder = {
    async decode(pcm: Buffer, _prompt?: string, o?: DecodeWindowOptions): Promise<DecodedSegment[]> {
      calls.push({ windowSec: pcm.length / SEC, contextSec: o?.contextSec });
      if (held) await new Promise<void>((r) => (release = r));
      const segs: DecodedSegment[] = [];
      for (let k = 0; (k + 1) * SEC <= pcm.length; k++) {
        const v = pcm.readInt16LE(k * SEC);
        if (v > 0) segs.push({ start: k, end: k + 1, text: ` w${v - 1}` });
      }
      return segs;
    },
  };
  return {
    decoder,
    calls,
    hold: () => (held = true),
    release: () => {
      held = false;
      release?.();
      release = null;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the live window loop', () => {
  it('asks for the same encoder context for every window, and never sends a window longer than it allows', async () => {
    const d = scripted();
    const updates: LiveUpdate[] = [];
    const live = new LiveTranscriber({ decoder: d.decoder, onUpdate: (u) => updates.push(u), contextSec: 10, trimSec: 5, maxWindowSec: 30 });
    for (let s = 0; s < 20; s++) {
      live.push(seconds(s, 1));
      await settle();
    }
    await live.stop();
    expect(new Set(d.calls.map((c) => c.contextSec))).toEqual(new Set([10]));
    expect(Math.max(...d.calls.map((c) => c.windowSec))).toBeLessThanOrEqual(10 - CONTEXT_SPARE_SEC);
    // A decoder that keeps up: every word once, in order, nothing skipped.
    expect(live.text).toBe(Array.from({ length: 20 }, (_, k) => `w${k}`).join(' '));
    expect(updates.some((u) => u.skippedSec)).toBe(false);
  });

  it('when the engine falls behind, commits the words one decode heard in the audio it drops, and skips only audio never decoded', async () => {
    const d = scripted();
    const updates: LiveUpdate[] = [];
    const live = new LiveTranscriber({ decoder: d.decoder, onUpdate: (u) => updates.push(u), contextSec: 10, trimSec: 4, maxWindowSec: 6 });
    // Two quick decodes: w0..w2 heard once, then confirmed up to w2 by the second.
    live.push(seconds(0, 3));
    await settle();
    // The engine stalls on the next window while 9 more seconds arrive (the audio path never waits).
    d.hold();
    live.push(seconds(3, 1));
    await settle();
    for (let s = 4; s < 13; s++) live.push(seconds(s, 1));
    d.release();
    await settle();
    await settle();
    await live.stop();
    const words = live.text.split(' ');
    // Never twice, always in recording order.
    expect(new Set(words).size).toBe(words.length);
    expect(words.map((w) => Number(w.slice(1)))).toEqual([...words.map((w) => Number(w.slice(1)))].sort((a, b) => a - b));
    // w0-w2 were heard by one decode only (the next one stalled): committed as they stood when
    // their audio was dropped, not lost.
    expect(words.slice(0, 3)).toEqual(['w0', 'w1', 'w2']);
    const skipped = updates.reduce((a, u) => a + (u.skippedSec ?? 0), 0);
    const missing = 13 - words.length;
    // What was skipped is exactly the audio whose words never appeared.
    expect(skipped).toBeCloseTo(missing, 3);
    expect(skipped).toBeGreaterThan(0);
  });

  it('gives up a decode that runs far past the usual one, and hears its audio again in the next window', async () => {
    const d = scripted();
    const asked: (number | undefined)[] = [];
    let stuck = true;
    let gaveUp: () => void = () => {};
    const gaveUpOnce = new Promise<void>((r) => (gaveUp = r));
    // The fourth decode never ends by itself (a window the engine cannot read): it ends only by
    // the deadline the loop sets.
    const decoder = {
      async decode(pcm: Buffer, prompt?: string, o?: DecodeWindowOptions): Promise<DecodedSegment[] | null> {
        asked.push(o?.timeoutMs);
        if (asked.length === 4 && stuck) {
          expect(o?.timeoutMs).toBeDefined();
          await new Promise((r) => setTimeout(r, o!.timeoutMs));
          stuck = false;
          gaveUp();
          return null;
        }
        return d.decoder.decode(pcm, prompt, o);
      },
    };
    const updates: LiveUpdate[] = [];
    const live = new LiveTranscriber({ decoder, onUpdate: (u) => updates.push(u), contextSec: 10, trimSec: 5, maxWindowSec: 8, giveUpMinMs: 30 });
    for (let s = 0; s < 4; s++) {
      live.push(seconds(s, 1));
      await settle();
    }
    await gaveUpOnce;
    for (let s = 4; s < 8; s++) {
      live.push(seconds(s, 1));
      await settle();
    }
    await live.stop();
    // No deadline before the usual time is known; then at least giveUpMinMs.
    expect(asked.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(asked[3]).toBeGreaterThanOrEqual(30);
    // The words of the given-up window were heard by the next decodes: nothing lost or skipped.
    expect(live.text).toBe(Array.from({ length: 8 }, (_, k) => `w${k}`).join(' '));
    expect(updates.some((u) => u.skippedSec)).toBe(false);
  });

  it('commits what one decode heard at once when the window ends in a pause, and waits for a second decode otherwise', async () => {
    // Speech: second k holds the loud value 1000+k and says wk; a pause is digital silence.
    const speech = (from: number, n: number) => {
      const b = Buffer.alloc(n * SEC);
      for (let k = 0; k < n; k++) for (let i = 0; i < SEC / 2; i++) b.writeInt16LE(1000 + from + k, k * SEC + i * 2);
      return b;
    };
    const decoder = {
      async decode(pcm: Buffer): Promise<DecodedSegment[]> {
        const segs: DecodedSegment[] = [];
        for (let k = 0; (k + 1) * SEC <= pcm.length; k++) {
          const v = pcm.readInt16LE(k * SEC);
          if (v >= 1000) segs.push({ start: k, end: k + 1, text: ` w${v - 1000}` });
        }
        return segs;
      },
    };
    const run = async (pcm: Buffer, commitAtPauseSec: number) => {
      const updates: LiveUpdate[] = [];
      const live = new LiveTranscriber({ decoder, onUpdate: (u) => updates.push(u), contextSec: 10, commitAtPauseSec });
      // One push: the first decode hears all of it.
      live.push(pcm);
      await settle();
      await settle();
      const first = updates[0];
      await live.stop();
      return { first, text: live.text };
    };
    const spoken = Buffer.concat([speech(0, 3), Buffer.alloc(SEC)]);
    // Three words, then a second of silence: committed by the first decode.
    const paused = await run(spoken, 0.6);
    expect(paused.first).toMatchObject({ committed: 'w0 w1 w2', tentative: '' });
    expect(paused.text).toBe('w0 w1 w2');
    // The same words with someone still speaking at the end of the window: they wait.
    const talking = await run(speech(0, 4), 0.6);
    expect(talking.first).toMatchObject({ committed: '', tentative: 'w0 w1 w2 w3' });
    expect(talking.text).toBe('w0 w1 w2 w3');
    // A pause shorter than asked for is no pause; 0 turns the rule off.
    expect((await run(Buffer.concat([speech(0, 3), Buffer.alloc(SEC / 2)]), 0.6)).first).toMatchObject({ committed: '' });
    expect((await run(spoken, 0)).first).toMatchObject({ committed: '' });
  });

  it('refuses a context too small to hold a step of audio with its spare silence', () => {
    const d = scripted();
    expect(() => new LiveTranscriber({ decoder: d.decoder, onUpdate: () => {}, contextSec: 2.5, stepSec: 1 })).toThrow(RangeError);
  });
});
