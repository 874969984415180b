// The meeting journal: journal.jsonl in the meeting folder, one JSON line per applied edit
// command (shared/edits.ts), appended before the command is acknowledged. It is the truth for
// edits; meeting.json is rewritten from it lazily (at most `flushDelayMs` after an edit, with the
// journal fsynced first), so one keystroke costs one append, not a rewrite of the whole meeting.
//
// What a crash can do, and what is done about it:
//  - killed after the append, before meeting.json is rewritten: the write() has reached the
//    kernel, so the line survives; reading a meeting replays the lines whose version is newer
//    than meeting.json's (readMeetingWithJournal). Nothing acknowledged is lost.
//  - power cut: lines not yet fsynced may be lost (at most `flushDelayMs`, one second). The last
//    line may be torn or padded with zeros: it is ignored on reading and cut off before the next
//    append. meeting.json is only rewritten after the journal is fsynced, so it is never ahead
//    of the journal.
//  - a damaged line in the middle is not a crash artefact: the meeting is refused as malformed
//    (nothing is guessed, nothing overwritten).
//
// Every reader of meeting.json must go through readMeetingWithJournal, or it would miss the
// edits of the last second. Writes are serialised per meeting with the archive's queue, so an
// archive update and an edit never interleave.
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Meeting } from '../../shared/domain.ts';
import {
  applyEdit,
  journalEditSchema,
  restoreSchema,
  type Edit,
  type EditResult,
  type EditState,
  type RestoreEdit,
  type UserEdit,
} from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError, writeFileAtomic } from './atomic-write.ts';
import { MEETING_FILE, readMeetingDir, writeMeetingDir } from './meeting-file.ts';

export const JOURNAL_FILE = 'journal.jsonl';

export const journalEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  /** The meeting's version once this entry is applied. */
  version: z.number().int().min(1),
  /** The revision it was made in: undo never crosses an approval. */
  revision: z.number().int().min(1),
  at: z.string().max(40),
  kind: z.enum(['edit', 'undo', 'redo']),
  /** The entry this one undoes (undo) or the undo it reverts (redo). */
  of: z.number().int().min(1).optional(),
  edit: journalEditSchema,
  /** Applied after this entry, gives back the meeting before it. */
  inverse: restoreSchema,
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

interface ParsedJournal {
  entries: JournalEntry[];
  /** Bytes of the file up to the end of the last good line (the rest is a torn tail). */
  goodBytes: number;
}

/** Splits the journal into complete lines; a torn or unreadable last line is dropped. */
function splitJournal(buf: Buffer): { lines: { text: string; end: number }[]; goodBytes: number } {
  const lines: { text: string; end: number }[] = [];
  let start = 0;
  for (;;) {
    const nl = buf.indexOf(0x0a, start);
    if (nl < 0) break;
    lines.push({ text: buf.subarray(start, nl).toString('utf8'), end: nl + 1 });
    start = nl + 1;
  }
  // Bytes after the last newline are a line cut short by a crash (or zeros a file system left).
  while (lines.length && !lines[lines.length - 1]!.text.trim()) lines.pop();
  let goodBytes = lines.length ? lines[lines.length - 1]!.end : 0;
  // A last line that is not JSON was cut short (a power cut between write and fsync). One that is
  // JSON but not an entry we know (written by a newer Mahdar) is kept, and refused by the reader.
  const last = lines[lines.length - 1];
  if (last && !isJson(last.text)) {
    lines.pop();
    goodBytes = lines.length ? lines[lines.length - 1]!.end : 0;
  }
  return { lines, goodBytes };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseLine(text: string): JournalEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = journalEntrySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function readJournalBytes(dir: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, JOURNAL_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Every entry of a journal, checked: a bad line that is not the last one is meeting.malformed. */
export async function readJournal(dir: string, id = dir): Promise<ParsedJournal> {
  const file = join(dir, JOURNAL_FILE);
  const buf = await readJournalBytes(dir);
  if (!buf) return { entries: [], goodBytes: 0 };
  const { lines, goodBytes } = splitJournal(buf);
  const entries: JournalEntry[] = [];
  for (const line of lines) {
    const e = parseLine(line.text);
    const prev = entries[entries.length - 1];
    if (!e || (prev && (e.seq !== prev.seq + 1 || e.version <= prev.version))) throw new MahdarError('meeting.malformed', { id, file });
    entries.push(e);
  }
  return { entries, goodBytes };
}

/**
 * The entries newer than `version`, in order. Only the tail of the file is parsed (walking back
 * from the end), so reading a meeting whose meeting.json is up to date costs one line.
 */
async function entriesAfter(dir: string, id: string, version: number): Promise<JournalEntry[]> {
  const file = join(dir, JOURNAL_FILE);
  const buf = await readJournalBytes(dir);
  if (!buf) return [];
  const { lines } = splitJournal(buf);
  const tail: JournalEntry[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const e = parseLine(lines[i]!.text);
    if (!e) throw new MahdarError('meeting.malformed', { id, file });
    if (e.version <= version) break;
    tail.unshift(e);
  }
  tail.forEach((e, k) => {
    // A gap means an acknowledged edit is missing: refuse rather than build on a guess.
    if (e.version !== version + 1 + k) throw new MahdarError('meeting.malformed', { id, file });
  });
  return tail;
}

/** Applies journal entries to a meeting, as they were applied when made. */
export function replayEntries(meeting: Meeting, entries: readonly JournalEntry[], id: string, file: string): Meeting {
  let m = meeting;
  for (const e of entries) {
    try {
      m = { ...applyEdit(m, e.edit).meeting, version: e.version, updatedAt: e.at };
    } catch {
      throw new MahdarError('meeting.malformed', { id, file });
    }
  }
  return m;
}

/**
 * meeting.json brought up to date with the journal: the meeting as of the last acknowledged
 * edit. Use it wherever a meeting folder is read (the archive, the CLI).
 */
export async function readMeetingWithJournal(dir: string, id = dir): Promise<Meeting> {
  return (await readMeetingReplayed(dir, id)).meeting;
}

async function readMeetingReplayed(dir: string, id: string): Promise<{ meeting: Meeting; replayed: number }> {
  const meeting = await readMeetingDir(dir, id);
  const tail = await entriesAfter(dir, id, meeting.version ?? 0);
  if (!tail.length) return { meeting, replayed: 0 };
  return { meeting: replayEntries(meeting, tail, id, join(dir, JOURNAL_FILE)), replayed: tail.length };
}

/**
 * Writes the journal of one revision (its entries only) to `file`, atomically: approval keeps it
 * beside the approved meeting.json in revisions/r<N>/.
 */
export async function writeRevisionJournal(dir: string, revision: number, file: string, id = dir): Promise<void> {
  const { entries } = await readJournal(dir, id);
  const text = entries.filter((e) => e.revision === revision).map((e) => JSON.stringify(e) + '\n').join('');
  await writeFileAtomic(file, text);
}

/** The per-meeting serialisation shared with MeetingArchive.update (a KeyedQueue). */
export interface MeetingQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export interface MeetingJournalsOptions {
  queue: MeetingQueue;
  /** The folder of a meeting id (MeetingArchive.meetingDir: validates the id). */
  meetingDir: (id: string) => string;
  /** Longest time between an acknowledged edit and its fsync + meeting.json rewrite. 0: at once. */
  flushDelayMs?: number;
  /** Undo steps kept per meeting. */
  undoDepth?: number;
  now?: () => Date;
}

interface StackItem {
  seq: number;
  revision: number;
  inverse: RestoreEdit;
}

interface OpenJournal {
  id: string;
  dir: string;
  fh: FileHandle | null;
  /** Bytes of the journal file (all good lines). */
  size: number;
  lastSeq: number;
  revision: number;
  undo: StackItem[];
  redo: StackItem[];
  /** The meeting as of the last edit, and the identity of meeting.json when it was read or written. */
  cache: { meeting: Meeting; stamp: string } | null;
  /** The cache is ahead of meeting.json. */
  dirty: boolean;
  unsynced: boolean;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
}

/**
 * Applies edit commands to meetings: checks the base version and the status, applies, journals,
 * and keeps the undo/redo stacks (rebuilt from the journal after a restart). One instance per
 * data root, sharing the archive's queue.
 */
export class MeetingJournals {
  private readonly open = new Map<string, Promise<OpenJournal>>();
  private readonly queue: MeetingQueue;
  private readonly meetingDir: (id: string) => string;
  private readonly flushDelayMs: number;
  private readonly undoDepth: number;
  private readonly now: () => Date;

  constructor(opts: MeetingJournalsOptions) {
    this.queue = opts.queue;
    this.meetingDir = opts.meetingDir;
    this.flushDelayMs = opts.flushDelayMs ?? 1000;
    this.undoDepth = opts.undoDepth ?? 500;
    this.now = opts.now ?? (() => new Date());
  }

  /** Applies one command made on `baseVersion`; a stale base is refused with edit.conflict. */
  apply(meetingId: string, baseVersion: number, edit: UserEdit | Edit): Promise<EditResult> {
    return this.queue.run(meetingId, async () => {
      const o = await this.load(meetingId);
      const current = await this.checked(o, baseVersion);
      const out = applyEdit(current, edit);
      if (!out.changed) return this.result(o, current, out.forward);
      const entry = await this.append(o, current, out.meeting, { kind: 'edit', edit: out.edit, inverse: out.inverse });
      this.push(o.undo, { seq: entry.seq, revision: entry.revision, inverse: out.inverse });
      o.redo = [];
      return this.result(o, o.cache!.meeting, out.forward);
    });
  }

  /** Reverts the latest edit not yet undone (in this revision). */
  undo(meetingId: string, baseVersion: number): Promise<EditResult> {
    return this.step(meetingId, baseVersion, 'undo');
  }

  /** Re-applies the latest undone edit, unless a new edit was made since. */
  redo(meetingId: string, baseVersion: number): Promise<EditResult> {
    return this.step(meetingId, baseVersion, 'redo');
  }

  /** The version and whether undo/redo are possible (for the editor's buttons on opening). */
  state(meetingId: string): Promise<EditState> {
    return this.queue.run(meetingId, async () => {
      const o = await this.load(meetingId);
      const m = await this.current(o);
      this.alignRevision(o, m.revision);
      return { version: m.version ?? 0, canUndo: o.undo.length > 0, canRedo: o.redo.length > 0 };
    });
  }

  /** Fsyncs every journal and rewrites every meeting.json that is behind (shutdown, approval). */
  async flush(meetingId?: string): Promise<void> {
    const ids = meetingId ? [meetingId] : [...this.open.keys()];
    await Promise.all(
      ids.map(async (id) => {
        const o = await this.open.get(id)?.catch(() => null);
        if (o) await this.flushNow(o);
      }),
    );
  }

  /** Flushes and closes everything; later calls reopen as needed. */
  async close(): Promise<void> {
    await this.flush();
    const all = await Promise.all([...this.open.values()].map((p) => p.catch(() => null)));
    this.open.clear();
    for (const o of all) {
      if (!o) continue;
      if (o.timer) clearTimeout(o.timer);
      await o.fh?.close().catch(() => undefined);
    }
  }

  private async step(meetingId: string, baseVersion: number, kind: 'undo' | 'redo'): Promise<EditResult> {
    return this.queue.run(meetingId, async () => {
      const o = await this.load(meetingId);
      const current = await this.checked(o, baseVersion);
      const from = kind === 'undo' ? o.undo : o.redo;
      const top = from[from.length - 1];
      if (!top) throw new MahdarError(kind === 'undo' ? 'edit.nothingToUndo' : 'edit.nothingToRedo');
      let out;
      try {
        out = applyEdit(current, top.inverse);
      } catch (err) {
        // What the step would restore was changed outside the editor (a new transcription, the form).
        if (err instanceof MahdarError) throw new MahdarError('edit.undoConflict');
        throw err;
      }
      const entry = await this.append(o, current, out.meeting, { kind, of: top.seq, edit: top.inverse, inverse: out.inverse });
      from.pop();
      const to = kind === 'undo' ? o.redo : o.undo;
      this.push(to, { seq: entry.seq, revision: entry.revision, inverse: out.inverse });
      return this.result(o, o.cache!.meeting, out.forward);
    });
  }

  /** The current meeting, refused if approved or if the client's version is not the current one. */
  private async checked(o: OpenJournal, baseVersion: number): Promise<Meeting> {
    const current = await this.current(o);
    if (current.status === 'approved') throw new MahdarError('meeting.readOnly');
    const version = current.version ?? 0;
    if (baseVersion !== version) throw new MahdarError('edit.conflict', { base: baseVersion, current: version });
    this.alignRevision(o, current.revision);
    return current;
  }

  /** Reopening makes a new revision: its history starts empty (the approved one is frozen). */
  private alignRevision(o: OpenJournal, revision: number): void {
    if (o.revision === revision) return;
    o.revision = revision;
    o.undo = [];
    o.redo = [];
  }

  private push(stack: StackItem[], item: StackItem): void {
    stack.push(item);
    if (stack.length > this.undoDepth) stack.splice(0, stack.length - this.undoDepth);
  }

  private result(o: OpenJournal, m: Meeting, changes: RestoreEdit): EditResult {
    return { version: m.version ?? 0, changes, canUndo: o.undo.length > 0, canRedo: o.redo.length > 0 };
  }

  private async append(
    o: OpenJournal,
    current: Meeting,
    next: Meeting,
    what: Pick<JournalEntry, 'kind' | 'of' | 'edit' | 'inverse'>,
  ): Promise<JournalEntry> {
    const at = this.now().toISOString();
    const version = (current.version ?? 0) + 1;
    const entry: JournalEntry = { seq: o.lastSeq + 1, version, revision: current.revision, at, ...what };
    if (entry.of === undefined) delete entry.of;
    const buf = Buffer.from(JSON.stringify(entry) + '\n', 'utf8');
    const fh = await this.handle(o);
    try {
      let done = 0;
      while (done < buf.length) done += (await fh.write(buf, done, buf.length - done)).bytesWritten;
    } catch (err) {
      // A partial line (disk full) is cut off so the journal stays a list of whole lines.
      await fh.truncate(o.size).catch(() => undefined);
      throw asDiskError(err);
    }
    o.size += buf.length;
    o.lastSeq = entry.seq;
    o.cache = { meeting: { ...next, version, updatedAt: at }, stamp: o.cache!.stamp };
    o.dirty = true;
    o.unsynced = true;
    if (this.flushDelayMs === 0) {
      // Already inside the meeting's queue: sync and rewrite here rather than queue behind ourselves.
      o.unsynced = false;
      await fh.datasync();
      await this.checkpoint(o);
    } else this.schedule(o);
    return entry;
  }

  private async handle(o: OpenJournal): Promise<FileHandle> {
    if (o.fh) return o.fh;
    try {
      const fh = await open(join(o.dir, JOURNAL_FILE), 'a', 0o600);
      o.fh = fh;
      return fh;
    } catch (err) {
      throw asDiskError(err);
    }
  }

  private schedule(o: OpenJournal): void {
    if (o.timer) return;
    o.timer = setTimeout(() => {
      o.timer = null;
      void this.flushNow(o).catch((err: unknown) => console.error(`mahdar: saving meeting ${o.id} failed:`, err));
    }, this.flushDelayMs);
    o.timer.unref();
  }

  /** Fsyncs the journal, then rewrites meeting.json from the cache if nobody wrote it since. */
  private flushNow(o: OpenJournal): Promise<void> {
    if (o.timer) {
      clearTimeout(o.timer);
      o.timer = null;
    }
    const run = async () => {
      if (o.unsynced && o.fh) {
        o.unsynced = false;
        await o.fh.datasync();
      }
      await this.queue.run(o.id, () => this.checkpoint(o));
    };
    const p = (o.flushing ?? Promise.resolve()).catch(() => undefined).then(run);
    o.flushing = p;
    return p;
  }

  /** Rewrites meeting.json from the cache (inside the meeting's queue, journal already synced). */
  private async checkpoint(o: OpenJournal): Promise<void> {
    if (!o.dirty || !o.cache) return;
    o.dirty = false;
    if ((await this.stamp(o)) !== o.cache.stamp) return; // another writer saved a fuller meeting
    try {
      await writeMeetingDir(o.dir, o.cache.meeting);
    } catch (err) {
      // The meeting was deleted meanwhile: there is nothing left to save.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.forget(o);
      o.dirty = true;
      throw err;
    }
    o.cache.stamp = await this.stamp(o);
  }

  /** The meeting as of the last edit: the cache while meeting.json is the one it came from. */
  private async current(o: OpenJournal): Promise<Meeting> {
    const stamp = await this.stamp(o);
    if (o.cache && o.cache.stamp === stamp) return o.cache.meeting;
    let read;
    try {
      read = await readMeetingReplayed(o.dir, o.id);
    } catch (err) {
      if (err instanceof MahdarError && err.code === 'meeting.notFound') this.forget(o);
      throw err;
    }
    o.cache = { meeting: read.meeting, stamp };
    o.dirty = read.replayed > 0;
    if (o.dirty) this.schedule(o);
    return read.meeting;
  }

  /** Identity of meeting.json: every atomic write makes a new file (a new inode). */
  private async stamp(o: OpenJournal): Promise<string> {
    try {
      const s = await stat(join(o.dir, MEETING_FILE), { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw err;
    }
  }

  private forget(o: OpenJournal): void {
    if (o.timer) clearTimeout(o.timer);
    this.open.delete(o.id);
    void o.fh?.close().catch(() => undefined);
  }

  private load(meetingId: string): Promise<OpenJournal> {
    let p = this.open.get(meetingId);
    if (!p) {
      p = this.openJournal(meetingId);
      this.open.set(meetingId, p);
      p.catch(() => this.open.delete(meetingId));
    }
    return p;
  }

  private async openJournal(id: string): Promise<OpenJournal> {
    const dir = this.meetingDir(id);
    const { entries, goodBytes } = await readJournal(dir, id);
    const o: OpenJournal = {
      id,
      dir,
      fh: null,
      size: goodBytes,
      lastSeq: entries[entries.length - 1]?.seq ?? 0,
      revision: entries[entries.length - 1]?.revision ?? 0,
      undo: [],
      redo: [],
      cache: null,
      dirty: false,
      unsynced: false,
      timer: null,
      flushing: null,
    };
    for (const e of entries) this.replayStacks(o, e);
    // A torn tail is cut off now, so the next line starts on a line of its own.
    const file = join(dir, JOURNAL_FILE);
    const size = await stat(file).then((s) => s.size, () => null);
    if (size !== null && size !== goodBytes) {
      const fh = await open(file, 'r+');
      try {
        await fh.truncate(goodBytes);
        await fh.datasync();
      } finally {
        await fh.close();
      }
    }
    return o;
  }

  /** Rebuilds the undo and redo stacks as they stood after each entry. */
  private replayStacks(o: OpenJournal, e: JournalEntry): void {
    if (e.revision !== o.revision) {
      o.revision = e.revision;
      o.undo = [];
      o.redo = [];
    }
    const item = { seq: e.seq, revision: e.revision, inverse: e.inverse };
    const popIf = (stack: StackItem[]) => {
      if (stack[stack.length - 1]?.seq === e.of) stack.pop();
      else {
        o.undo = [];
        o.redo = [];
      }
    };
    if (e.kind === 'edit') {
      this.push(o.undo, item);
      o.redo = [];
    } else if (e.kind === 'undo') {
      popIf(o.undo);
      this.push(o.redo, item);
    } else {
      popIf(o.redo);
      this.push(o.undo, item);
    }
  }
}
