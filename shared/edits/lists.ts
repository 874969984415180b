// The meeting's lists a command changes (segments, decisions, participants, marks) and the
// patches between two versions of them: a restore command is such a patch, applied to undo or
// redo exactly.
import type { Mark, Meeting, Summary } from '../domain.ts';
import { MahdarError } from '../errors.ts';
import type { Edit, ListPatch, RestoreEdit } from './schemas.ts';

export type Lists = Pick<Meeting, 'segments' | 'decisions' | 'participants'> & { marks: Mark[]; summaries: Summary[] };
export const listKeys = ['segments', 'decisions', 'participants', 'marks', 'summaries'] as const;
/** A list of the meeting; `marks` and `summaries` are absent from meetings that never had one. */
export const listOf = (m: Meeting, key: (typeof listKeys)[number]): { id: string }[] => m[key] ?? [];

/** What one command gives: the lists it changed, and the command as applied (generated ids filled in). */
export interface Step {
  lists: Partial<Lists>;
  applied: Edit;
}

const missingCode = {
  segments: 'edit.segmentNotFound',
  decisions: 'edit.decisionNotFound',
  participants: 'edit.unknownSpeaker',
  marks: 'edit.markNotFound',
  summaries: 'edit.summaryNotFound',
} as const;

/** Applies a restore patch: replace in place, then remove, then insert at ascending indexes. */
export function applyRestore(m: Meeting, edit: RestoreEdit): Partial<Lists> {
  const out: Partial<Lists> = {};
  for (const key of listKeys) {
    const patch = edit[key] as ListPatch<{ id: string }> | undefined;
    if (!patch) continue;
    const missing = () => new MahdarError(missingCode[key]);
    let list: { id: string }[] = listOf(m, key).slice();
    const index = new Map(list.map((x, i) => [x.id, i]));
    for (const item of patch.replace) {
      const i = index.get(item.id);
      if (i === undefined) throw missing();
      list[i] = item;
    }
    if (patch.remove.length) {
      const gone = new Set(patch.remove);
      for (const id of gone) if (!index.has(id)) throw missing();
      list = list.filter((x) => !gone.has(x.id));
    }
    if (patch.insert.length) {
      const present = new Set(list.map((x) => x.id));
      const merged: { id: string }[] = [];
      let src = 0;
      for (const { index: at, item } of patch.insert) {
        if (present.has(item.id)) throw new MahdarError('edit.duplicateId');
        present.add(item.id);
        while (merged.length < at && src < list.length) merged.push(list[src++]!);
        if (merged.length !== at) throw missing();
        merged.push(item);
      }
      while (src < list.length) merged.push(list[src++]!);
      list = merged;
    }
    (out as Record<string, unknown>)[key] = list;
  }
  return out;
}

/**
 * The two patches between two versions of a list whose kept items stay in the same order (true of
 * every command here). Unchanged items are the same objects, so the comparison is by reference
 * first; a rebuilt but equal item is not a change.
 */
export function diffList<T extends { id: string }>(before: readonly T[], after: readonly T[]): { forward: ListPatch<T>; inverse: ListPatch<T> } | null {
  if (before === after) return null;
  const forward: ListPatch<T> = { replace: [], remove: [], insert: [] };
  const inverse: ListPatch<T> = { replace: [], remove: [], insert: [] };
  const beforeIndex = new Map(before.map((x, i) => [x.id, i]));
  const afterIds = new Set<string>();
  after.forEach((x, i) => {
    afterIds.add(x.id);
    const j = beforeIndex.get(x.id);
    if (j === undefined) {
      forward.insert.push({ index: i, item: x });
      inverse.remove.push(x.id);
    } else if (before[j] !== x && !deepEqual(before[j], x)) {
      forward.replace.push(x);
      inverse.replace.push(before[j]!);
    }
  });
  before.forEach((x, j) => {
    if (afterIds.has(x.id)) return;
    forward.remove.push(x.id);
    inverse.insert.push({ index: j, item: x });
  });
  const empty = (p: ListPatch<T>) => !p.replace.length && !p.remove.length && !p.insert.length;
  return empty(forward) ? null : { forward, inverse };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function withAt<T>(list: readonly T[], i: number, item: T): T[] {
  const copy = list.slice();
  copy[i] = item;
  return copy;
}

/** Whether a restore patch is empty (nothing to undo or redo). */
export function isEmptyRestore(r: RestoreEdit): boolean {
  return !listKeys.some((k) => r[k]);
}
