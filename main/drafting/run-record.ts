// The record of a drafting run in progress, kept beside meeting.json (drafting-run.json) while
// the run lasts and removed when it ends (done, cancelled or failed). One still there when the app
// starts belongs to a run the app's end cut short: it is resumed (jobs.ts resumeAll), as a run of
// the interventions still missing.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { draftingSourceSchema, type DraftingSource } from '../../shared/drafting.ts';
import { idSchema } from '../../shared/domain.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import type { ServiceContext } from '../context/context.ts';

const RECORD_FILE = 'drafting-run.json';

const runRecordSchema = z.object({ source: draftingSourceSchema, startedAt: z.string() });
export type RunRecord = z.infer<typeof runRecordSchema>;

type Ctx = Pick<ServiceContext, 'archive'>;

const recordPath = (ctx: Ctx, meetingId: string) => join(ctx.archive.meetingDir(meetingId), RECORD_FILE);

export async function writeRunRecord(ctx: Ctx, meetingId: string, source: DraftingSource): Promise<void> {
  const record: RunRecord = { source, startedAt: new Date().toISOString() };
  await writeFileAtomic(recordPath(ctx, meetingId), JSON.stringify(record, null, 2));
}

export async function clearRunRecord(ctx: Ctx, meetingId: string): Promise<void> {
  await rm(recordPath(ctx, meetingId), { force: true });
}

/** The meetings whose record says a run was in progress, with that run's source; unreadable records are skipped. */
export async function unfinishedRuns(ctx: Ctx): Promise<{ meetingId: string; record: RunRecord }[]> {
  const out: { meetingId: string; record: RunRecord }[] = [];
  const entries = await readdir(ctx.archive.meetingsRoot, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || !idSchema.safeParse(e.name).success) continue;
    const text = await readFile(recordPath(ctx, e.name), 'utf8').catch(() => null);
    const parsed = text === null ? null : runRecordSchema.safeParse(safeJson(text));
    if (parsed?.success) out.push({ meetingId: e.name, record: parsed.data });
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
