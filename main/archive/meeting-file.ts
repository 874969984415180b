// Reading and writing one meeting.json. Parsing is strict: a damaged file or one written by a
// newer Mahdar is refused with a clear error and never overwritten. The error names the field and
// the rule it breaks, and the last good copy of the meeting when there is one.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { MEETING_SCHEMA_VERSION, meetingSchema, type Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { FieldRule } from '../../shared/errors-meeting-file.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const MEETING_FILE = 'meeting.json';
/** Where approval keeps each approved revision: revisions/r<N>/meeting.json (main/export/approve.ts). */
const REVISIONS = 'revisions';

type Issue = z.core.$ZodIssue;

/** "participants[2].name" */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** The field and the rule of zod's issue, as the error's params (shared/errors-meeting-file.ts). */
export function fieldError(issue: Issue): { field: string; rule: FieldRule; limit?: number; expected?: string } {
  const field = pathText(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { field: pathText([...issue.path, issue.keys[0] ?? '']), rule: 'unknown' };
    case 'invalid_type':
      return { field, rule: 'type', expected: issue.expected };
    case 'too_big': {
      const rule = issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' ? 'tooManyItems' : 'tooBig';
      return { field, rule, limit: Number(issue.maximum) };
    }
    case 'too_small': {
      const short = Number(issue.minimum) <= 1 ? 'empty' : 'tooShort';
      const rule = issue.origin === 'string' ? short : issue.origin === 'array' ? 'tooFewItems' : 'tooSmall';
      return { field, rule, limit: Number(issue.minimum) };
    }
    case 'invalid_format':
      return { field, rule: 'format', expected: issue.format === 'regex' ? '' : issue.format };
    case 'invalid_value':
      return { field, rule: 'choice', expected: issue.values.map(String).join(' | ') };
    default:
      return { field, rule: 'other' };
  }
}

export function parseMeetingJson(text: string, id: string, file: string): Meeting {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new MahdarError('meeting.malformed', { id, file, rule: 'json' });
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > MEETING_SCHEMA_VERSION) {
    throw new MahdarError('meeting.futureVersion', { id, version });
  }
  const parsed = meetingSchema.safeParse(raw);
  if (!parsed.success) throw new MahdarError('meeting.malformed', { id, file, ...fieldError(parsed.error.issues[0]!) });
  return parsed.data;
}

/** The meeting.json of the latest approved revision that still reads, or '' when there is none. */
export async function lastGoodCopy(dir: string, id: string): Promise<string> {
  const names = await readdir(join(dir, REVISIONS)).catch(() => [] as string[]);
  const revisions = names
    .map((n) => /^r(\d+)$/.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
  for (const r of revisions) {
    const file = join(dir, REVISIONS, `r${r}`, MEETING_FILE);
    const ok = await readFile(file, 'utf8')
      .then((text) => parseMeetingJson(text, id, file))
      .then(
        () => true,
        () => false,
      );
    if (ok) return file;
  }
  return '';
}

/** A meeting.malformed error of this folder, with its last good copy named (lastGood). */
export async function withLastGood(err: unknown, dir: string, id: string): Promise<unknown> {
  if (!(err instanceof MahdarError) || err.code !== 'meeting.malformed' || err.params.lastGood !== undefined) return err;
  return new MahdarError('meeting.malformed', { ...err.params, lastGood: await lastGoodCopy(dir, id) });
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
  try {
    return parseMeetingJson(text, id, file);
  } catch (err) {
    throw await withLastGood(err, dir, id);
  }
}

export async function writeMeetingDir(dir: string, meeting: Meeting): Promise<void> {
  await writeFileAtomic(join(dir, MEETING_FILE), JSON.stringify(meeting, null, 2) + '\n');
}
