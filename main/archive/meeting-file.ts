// Reading and writing one meeting.json. Parsing is strict: a damaged file or one written by a
// newer Mahdar is refused with a clear error and never overwritten.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MEETING_SCHEMA_VERSION, meetingSchema, type Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const MEETING_FILE = 'meeting.json';

export function parseMeetingJson(text: string, id: string, file: string): Meeting {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new MahdarError('meeting.malformed', { id, file });
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > MEETING_SCHEMA_VERSION) {
    throw new MahdarError('meeting.futureVersion', { id, version });
  }
  const parsed = meetingSchema.safeParse(raw);
  if (!parsed.success) throw new MahdarError('meeting.malformed', { id, file });
  return parsed.data;
}

/** Reads meeting.json from a meeting folder (also used by the CLI on any meeting folder). */
export async function readMeetingDir(dir: string, id = dir): Promise<Meeting> {
  const file = join(dir, MEETING_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new MahdarError('meeting.notFound');
    throw err;
  }
  return parseMeetingJson(text, id, file);
}

export async function writeMeetingDir(dir: string, meeting: Meeting): Promise<void> {
  await writeFileAtomic(join(dir, MEETING_FILE), JSON.stringify(meeting, null, 2) + '\n');
}
