// The meeting archive: one folder per meeting under a data root, holding meeting.json, the
// audio and the exports. Ids come from the UI; they are validated and resolved here so that no
// request can reach a file outside the root.
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import {
  emptyMeetingFields,
  idSchema,
  MEETING_SCHEMA_VERSION,
  meetingIntegrityIssues,
  newId,
  summarize,
  type Meeting,
  type MeetingFields,
  type MeetingSummary,
  type Person,
} from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError } from './atomic-write.ts';
import { readMeetingWithJournal } from './journal.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { writeMeetingDir } from './meeting-file.ts';

export class MeetingArchive {
  readonly meetingsRoot: string;
  /**
   * Serialises writes per meeting so that two quick saves cannot interleave; the edit journal
   * (journal.ts) runs its commands in the same queue.
   */
  readonly queue = new KeyedQueue();

  constructor(readonly dataRoot: string) {
    this.meetingsRoot = resolve(dataRoot, 'meetings');
  }

  async init(): Promise<void> {
    await mkdir(this.meetingsRoot, { recursive: true });
  }

  /** The folder of a meeting; refuses any id that is not a plain token inside the root. */
  meetingDir(id: string): string {
    if (!idSchema.safeParse(id).success) throw new MahdarError('validation', { detail: 'id' });
    const dir = resolve(this.meetingsRoot, id);
    if (!dir.startsWith(this.meetingsRoot + sep)) throw new MahdarError('validation', { detail: 'id' });
    return dir;
  }

  /** Readable meetings matching the query, then the damaged ones (listed so they are never silently lost). */
  async list(query = ''): Promise<{ meetings: MeetingSummary[]; damaged: MeetingSummary[] }> {
    const entries = await readdir(this.meetingsRoot, { withFileTypes: true });
    const meetings: MeetingSummary[] = [];
    const damaged: MeetingSummary[] = [];
    const q = normaliseForSearch(query);
    for (const e of entries) {
      if (!e.isDirectory() || !idSchema.safeParse(e.name).success) continue;
      try {
        const m = await this.read(e.name);
        if (!q || normaliseForSearch(m.title).includes(q)) meetings.push(summarize(m));
      } catch (err) {
        if (err instanceof MahdarError && (err.code === 'meeting.malformed' || err.code === 'meeting.futureVersion')) {
          damaged.push(damagedSummary(e.name, { code: err.code, params: err.params }));
        }
      }
    }
    meetings.sort((a, b) => (b.date || b.updatedAt).localeCompare(a.date || a.updatedAt));
    return { meetings, damaged };
  }

  async read(id: string): Promise<Meeting> {
    // meeting.json may be up to a second behind the journal of edits: replay what it lacks.
    return readMeetingWithJournal(this.meetingDir(id), id);
  }

  async create(fields: Partial<MeetingFields>, now = new Date()): Promise<Meeting> {
    const id = newId('m');
    const stamp = now.toISOString();
    const meeting: Meeting = {
      ...emptyMeetingFields(),
      ...fields,
      schemaVersion: MEETING_SCHEMA_VERSION,
      id,
      status: 'draft',
      revision: 1,
      createdAt: stamp,
      updatedAt: stamp,
      audio: null,
    };
    refuseNewIssues([], meeting);
    const dir = this.meetingDir(id);
    try {
      await mkdir(dir, { recursive: false });
    } catch (err) {
      throw asDiskError(err);
    }
    await writeMeetingDir(dir, meeting);
    return meeting;
  }

  /**
   * Read-modify-write of one meeting, serialised per meeting. The change function receives the
   * current meeting and returns the new one; the file is replaced atomically. A change that
   * would make the meeting inconsistent (a duplicate id, a reference to nothing) is refused with
   * meeting.inconsistent and nothing is written.
   */
  async update(id: string, change: (m: Meeting) => Meeting | Promise<Meeting>): Promise<Meeting> {
    const dir = this.meetingDir(id);
    return this.queue.run(id, async () => {
      const current = await readMeetingWithJournal(dir, id);
      const changed = await change(current);
      refuseNewIssues(meetingIntegrityIssues(current), changed);
      const saved = { ...changed, id, updatedAt: new Date().toISOString() };
      await writeMeetingDir(dir, saved);
      return saved;
    });
  }

  /** Deletion first renames the folder away (atomic), then removes it. */
  async delete(id: string): Promise<void> {
    const dir = this.meetingDir(id);
    await this.read(id).catch((err) => {
      // A damaged meeting may still be deleted on purpose; a missing one may not.
      if (err instanceof MahdarError && err.code === 'meeting.notFound') throw err;
    });
    const trash = join(this.meetingsRoot, `.deleted-${id}-${Date.now()}`);
    await rename(dir, trash);
    await rm(trash, { recursive: true, force: true });
  }

  /** People from all meetings, deduplicated by name, for reuse in the participants form. */
  async people(): Promise<Person[]> {
    const { meetings } = await this.list();
    const byName = new Map<string, Person>();
    for (const s of meetings) {
      const m = await this.read(s.id).catch(() => null);
      for (const p of m?.participants ?? []) {
        const key = p.name.trim();
        if (key && !byName.has(key)) byName.set(key, { name: key, gender: p.gender, title: p.title, organisation: p.organisation });
      }
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'ar'));
  }
}

/**
 * Files are read leniently (see meetingSchema), so a meeting may already hold an inconsistency
 * from an older Mahdar or a hand-written file. Only what a change adds is refused: otherwise such
 * a meeting could never be edited again, not even to repair it.
 */
function refuseNewIssues(before: readonly { message: string }[], after: Meeting): void {
  const known = new Set(before.map((i) => i.message));
  const added = meetingIntegrityIssues(after).filter((i) => !known.has(i.message));
  if (added.length) {
    const more = added.length > 1 ? ` (+${added.length - 1})` : '';
    throw new MahdarError('meeting.inconsistent', { detail: `${added[0]!.message}${more}` });
  }
}

function damagedSummary(id: string, damaged: NonNullable<MeetingSummary['damaged']>): MeetingSummary {
  return { id, title: '', date: '', type: 'other', status: 'draft', participants: 0, segments: 0, updatedAt: '', damaged };
}

/**
 * Case-, diacritic- and alef-insensitive form used for searching titles; toLowerCase (not
 * toLocaleLowerCase), so a search finds the same meetings whatever the machine's locale.
 */
function normaliseForSearch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .trim();
}
