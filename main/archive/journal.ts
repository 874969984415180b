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
//
// Reading the file is journal-file.ts; the undo and redo stacks are undo-history.ts.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../shared/domain.ts';
import { applyEdit, type Edit, type EditResult, type EditState, type RestoreEdit, type UserEdit } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError } from './atomic-write.ts';
import { JOURNAL_FILE, readJournal, readMeetingReplayed, type JournalEntry } from './journal-file.ts';
import { MEETING_FILE, writeMeetingDir } from './meeting-file.ts';
import { UndoHistory, type StackItem } from './undo-history.ts';

export {
  JOURNAL_FILE,
  journalEntrySchema,
  readJournal,
  readMeetingWithJournal,
  replayEntries,
  writeRevisionJournal,
  type JournalEntry,
} from './journal-file.ts';

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

interface OpenJournal {
  id: string;
  dir: string;
  fh: FileHandle | null;
  /** Bytes of the journal file (all good lines). */
  size: number;
  lastSeq: number;
  history: UndoHistory;
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
      return this.commit(o, current, out, { kind: 'edit', edit: out.edit }, (item) => o.history.edited(item));
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
      o.history.alignRevision(m.revision);
      return { version: m.version ?? 0, canUndo: o.history.canUndo, canRedo: o.history.canRedo };
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
      const top = o.history.top(kind);
      if (!top) throw new MahdarError(kind === 'undo' ? 'edit.nothingToUndo' : 'edit.nothingToRedo');
      let out;
      try {
        out = applyEdit(current, top.inverse);
      } catch (err) {
        // What the step would restore was changed outside the editor (a new transcription, the form).
        if (err instanceof MahdarError) throw new MahdarError('edit.undoConflict');
        throw err;
      }
      return this.commit(o, current, out, { kind, of: top.seq, edit: top.inverse }, (item) => o.history.stepped(kind, item));
    });
  }

  /** The current meeting, refused if approved or if the client's version is not the current one. */
  private async checked(o: OpenJournal, baseVersion: number): Promise<Meeting> {
    const current = await this.current(o);
    if (current.status === 'approved') throw new MahdarError('meeting.readOnly');
    const version = current.version ?? 0;
    if (baseVersion !== version) throw new MahdarError('edit.conflict', { base: baseVersion, current: version });
    o.history.alignRevision(current.revision);
    return current;
  }

  /** Journals an applied edit, undo or redo, records it in the undo history, and answers the client. */
  private async commit(
    o: OpenJournal,
    current: Meeting,
    out: ReturnType<typeof applyEdit>,
    what: Pick<JournalEntry, 'kind' | 'of' | 'edit'>,
    record: (item: StackItem) => void,
  ): Promise<EditResult> {
    const entry = await this.append(o, current, out.meeting, { ...what, inverse: out.inverse });
    record({ seq: entry.seq, revision: entry.revision, inverse: out.inverse });
    return this.result(o, o.cache!.meeting, out.forward);
  }

  private result(o: OpenJournal, m: Meeting, changes: RestoreEdit): EditResult {
    return { version: m.version ?? 0, changes, canUndo: o.history.canUndo, canRedo: o.history.canRedo };
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
      history: new UndoHistory(0, this.undoDepth),
      cache: null,
      dirty: false,
      unsynced: false,
      timer: null,
      flushing: null,
    };
    for (const e of entries) o.history.replay(e);
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
}
