// Reading journal.jsonl (see journal.ts for what it is and what a crash can do to it): the entry
// schema, the split into whole lines (a torn last line dropped), the replay of the entries newer
// than meeting.json, and the per-revision copy kept on approval.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Meeting } from '../../shared/domain.ts';
import { applyEdit, journalEditSchema, restoreSchema } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readMeetingDir, withLastGood } from './meeting-file.ts';

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

export interface ParsedJournal {
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

export async function readMeetingReplayed(dir: string, id: string): Promise<{ meeting: Meeting; replayed: number }> {
  const meeting = await readMeetingDir(dir, id);
  try {
    const tail = await entriesAfter(dir, id, meeting.version ?? 0);
    if (!tail.length) return { meeting, replayed: 0 };
    return { meeting: replayEntries(meeting, tail, id, join(dir, JOURNAL_FILE)), replayed: tail.length };
  } catch (err) {
    throw await withLastGood(err, dir, id); // a damaged journal: the last approved copy still reads
  }
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
