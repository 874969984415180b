// The record of a meeting's last transcription run, kept beside meeting.json
// (transcription.json): a job whose record says done on the same recording is not run again.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TranscriptionJob } from '../../shared/api.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import type { ServiceContext } from '../context/context.ts';

/** What is kept beside meeting.json about the last run (so a finished job is not run again). */
export interface JobRecord {
  status: TranscriptionJob['status'];
  modelId: string;
  language: string;
  doneSec: number;
  updatedAt: string;
  /** The recording the run worked on; a record of another recording does not count. */
  audio?: { file: string; sha256: string | null };
}
const RECORD_FILE = 'transcription.json';

const recordPath = (ctx: ServiceContext, meetingId: string) => join(ctx.archive.meetingDir(meetingId), RECORD_FILE);

/** The record of the meeting's last run; null when there is none (or it cannot be read). */
export async function readJobRecord(ctx: ServiceContext, meetingId: string): Promise<JobRecord | null> {
  try {
    return JSON.parse(await readFile(recordPath(ctx, meetingId), 'utf8')) as JobRecord;
  } catch {
    return null;
  }
}

export async function writeJobRecord(ctx: ServiceContext, meetingId: string, record: JobRecord): Promise<void> {
  await writeFileAtomic(recordPath(ctx, meetingId), JSON.stringify(record, null, 2));
}

/** Forgets the record of the last run (when the audio is replaced, a new transcription starts from zero). */
export async function clearJobRecord(ctx: ServiceContext, meetingId: string): Promise<void> {
  await rm(recordPath(ctx, meetingId), { force: true });
}
