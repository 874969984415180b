// The review walked by key, on the long meeting of seed.ts: its turns (T, a number key to retag a
// turn left without a speaker) and its decisions (D). Shared by tests/e2e/editor-turns.spec.ts,
// which checks that each stop is reached, and the bench that counts the keystrokes
// (bench/editor-turns.ts). Each key waits for the focus to reach its row, as a person would see
// it move before pressing again.
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agenda, people, SEGMENTS } from './seed.ts';
import type { ServeProcess } from './serve.ts';

export interface StoredSeg {
  id: string;
  start: number;
  speakerId: string | null;
  agendaItemId?: string;
}

/** Rewrites a seeded meeting's file, as another tool would before the editor opens it. */
export function rewriteMeeting(server: ServeProcess, id: string, change: (stored: { segments: StoredSeg[]; decisions: unknown[] }) => void): void {
  const file = join(server.dataDir, 'meetings', id, 'meeting.json');
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  change(stored);
  writeFileSync(file, JSON.stringify(stored, null, 2));
}

/**
 * The seeded meeting cut into `turns` equal turns, the speakers taking the floor in turn, the
 * first half under the first agenda point. Every `untaggedEvery`-th turn's first segment has no
 * speaker, as a late floor key leaves it: the secretary retags it. Returns the turns' first segments.
 */
export function tagTurns(server: ServeProcess, id: string, turns: number, untaggedEvery: number): { first: StoredSeg[]; untagged: Set<string> } {
  const per = Math.floor(SEGMENTS / turns);
  const first: StoredSeg[] = [];
  const untagged = new Set<string>();
  rewriteMeeting(server, id, (stored) =>
    stored.segments.forEach((s, i) => {
      const turn = Math.min(turns - 1, Math.floor(i / per));
      s.speakerId = people[turn % people.length]!.id;
      s.agendaItemId = agenda[turn < turns / 2 ? 0 : 1]!.id;
      if (i === turn * per) {
        first.push(s);
        if (turn % untaggedEvery === untaggedEvery - 1) {
          s.speakerId = null;
          untagged.add(s.id);
        }
      }
    }),
  );
  return { first, untagged };
}

export interface SeededDecision {
  text: string;
  /** Its first passage, where D leads. */
  first: StoredSeg;
}

/** `count` decisions spread over the meeting, in time order, each drawn from three passages. */
export function seedDecisions(server: ServeProcess, id: string, count: number): SeededDecision[] {
  const seeded: SeededDecision[] = [];
  rewriteMeeting(server, id, (stored) => {
    stored.decisions = Array.from({ length: count }, (_, k) => {
      const at = Math.floor(((k + 0.5) * SEGMENTS) / count);
      const text = `قرر المجلس الموافقة على النقطة رقم ${k + 1}`;
      seeded.push({ text, first: stored.segments[at]! });
      return { id: `d-${k + 1}`, kind: 'decision', text, segmentIds: stored.segments.slice(at, at + 3).map((s) => s.id), owner: '', deadline: '', vote: { kind: 'unanimous' } };
    });
  });
  return seeded;
}

export async function openEditor(page: Page, server: ServeProcess, id: string): Promise<void> {
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  await expect(page.getByRole('grid', { name: 'مقاطع التفريغ' })).toBeVisible();
}

export const row = (page: Page, id: string): Locator => page.locator(`[role="row"][data-seg="${id}"]`);
export const audioTime = (page: Page) => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime);

/** The player is at most 3 s before the segment (playback has gone on a little since the key). */
export async function expectHeardFromBefore(page: Page, s: StoredSeg): Promise<void> {
  if (s.start === 0) return;
  const at = await audioTime(page);
  expect(at).toBeGreaterThanOrEqual(s.start - 3 - 0.05);
  expect(at).toBeLessThan(s.start);
}

/** Walks every turn by key, retagging the untagged ones; returns the keys pressed. */
export async function walkTurns(page: Page, first: StoredSeg[], untagged: Set<string>, checkLead: boolean): Promise<number> {
  let keys = 0;
  for (const s of first) {
    await page.keyboard.press('t');
    keys++;
    await expect(row(page, s.id)).toBeFocused();
    if (checkLead) await expectHeardFromBefore(page, s);
    if (untagged.has(s.id)) {
      // Turn n is the speaker of rank n % 3 + 1: the key that names them.
      await page.keyboard.press(String((first.indexOf(s) % people.length) + 1));
      keys++;
      await expect(row(page, s.id)).toContainText(people[first.indexOf(s) % people.length]!.name);
    }
  }
  return keys;
}

/** The decision the side panel marks as reached. */
export const markedDecision = (page: Page): Locator => page.locator('.decisions-panel li[aria-current="true"]');

/** Walks every decision by key, each reached at its first passage and marked in the panel; returns the keys pressed. */
export async function walkDecisions(page: Page, decisions: SeededDecision[], checkLead: boolean): Promise<number> {
  let keys = 0;
  for (const d of decisions) {
    await page.keyboard.press('d');
    keys++;
    await expect(row(page, d.first.id)).toBeFocused();
    await expect(markedDecision(page)).toContainText(d.text);
    if (checkLead) await expectHeardFromBefore(page, d.first);
  }
  return keys;
}
