// The drafting job end to end on an imported GGUF model: the tiny random-weight llama model
// (tiny-gguf.ts) imported through the service, run by node-llama-cpp in its child process.
// It writes nonsense; what is tested is the real path: import, loading, generation, drafts saved
// as drafts with the model's name, cancel in the middle of a generation, and a crash of the
// model's process that fails the run and not the app.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { MahdarService } from '../../shared/api.ts';
import type { DraftingJob } from '../../shared/drafting.ts';
import type { ServiceContext } from '../../main/context/context.ts';
import { DraftingJobs } from '../../main/drafting/jobs.ts';
import { sourceOpener } from '../../main/drafting/sources.ts';
import { createService } from '../../main/service/index.ts';
import { createParts } from '../../main/service/parts.ts';
import { summaryView } from '../../shared/summaries/status.ts';
import { freshContext, nextEvent } from './asr-fixtures.ts';
import { meetingWithInterventions } from './drafting-fixtures.ts';
import { haveGgufWriter, tinyGguf } from './tiny-gguf.ts';

async function importTiny(service: MahdarService): Promise<string> {
  const bytes = await readFile(await tinyGguf());
  const { uploadId } = await service.beginUpload({ name: 'tiny-llama.gguf', size: bytes.length });
  await service.uploadChunk({ uploadId, offset: 0, data: bytes.toString('base64') });
  return (await service.importLanguageModel({ uploadId })).id;
}

/**
 * A meeting of two interventions, its minutes in English: the tiny model spells every byte as a
 * token, and its worker runs below everything else (nice 19), so short prompts and drafts keep
 * the test short on a busy machine. The drafting job is the service's own, given these limits.
 */
async function setup(): Promise<{ ctx: ServiceContext; service: MahdarService; meetingId: string; modelId: string }> {
  const ctx = await freshContext();
  const base = createParts(ctx);
  const parts = { ...base, drafting: new DraftingJobs(ctx, sourceOpener(ctx), { maxTokens: 8, promptChars: 80, givesWayTo: () => base.jobs.busy() }) };
  const service = await createService(ctx, { parts });
  const modelId = await importTiny(service);
  await service.updateDraftingSettings({ settings: { source: { kind: 'model', modelId } } });
  const fields = meetingWithInterventions();
  const { id } = await service.createMeeting({ fields: { ...fields, language: 'en', segments: fields.segments!.slice(0, 3) } });
  return { ctx, service, meetingId: id, modelId };
}

const ended = (ctx: ServiceContext, meetingId: string) =>
  nextEvent(ctx, (e) => e.type === 'drafting' && e.job.meetingId === meetingId && e.job.status !== 'running').then((e) => (e as { job: DraftingJob }).job);
/** The run has started writing a draft (the model's process is loading or generating). */
const drafting = (ctx: ServiceContext, meetingId: string) => nextEvent(ctx, (e) => e.type === 'drafting' && e.job.meetingId === meetingId && e.job.current !== null);

/** The pids of this process's children running the model worker. */
function workerPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => Number(f[1]) === process.pid && f.slice(2).join(' ').includes('llm/worker'))
    .map((f) => Number(f[0]));
}

describe.runIf(haveGgufWriter)('drafting with an imported GGUF model', () => {
  it('drafts every intervention with the model in its own process, saved as drafts with its name', async () => {
    const { ctx, service, meetingId, modelId } = await setup();
    expect((await service.listLanguageModels({})).map((m) => m.id)).toEqual([modelId]);
    const end = ended(ctx, meetingId);
    await service.startDrafting({ meetingId });
    const job = await end;
    expect(job).toMatchObject({ status: 'done', total: 2, error: null, modelName: modelId });
    // A random-weight model may stop before writing anything: such an intervention is skipped, not saved empty.
    expect(job.done + job.skipped).toBe(2);
    expect(job.done).toBeGreaterThan(0);
    const entries = summaryView(await service.getMeeting({ id: meetingId })).points.flatMap((p) => p.interventions);
    const drafted = entries.filter((e) => e.summary);
    expect(drafted).toHaveLength(job.done);
    for (const e of drafted) expect(e.summary).toMatchObject({ state: 'draft', source: 'model', model: modelId, text: expect.stringMatching(/\S/) });
    expect(workerPids()).toEqual([]);
  }, 400_000);

  it('cancel stops the generation under way at once; a crash of the model’s process fails the run, not the app', async () => {
    const { ctx, service, meetingId } = await setup();
    let end = ended(ctx, meetingId);
    let started = drafting(ctx, meetingId);
    await service.startDrafting({ meetingId });
    await started;
    expect(await service.cancelDrafting({ meetingId })).toMatchObject({ status: 'cancelled', current: null });
    expect((await end).status).toBe('cancelled');

    end = ended(ctx, meetingId);
    started = drafting(ctx, meetingId);
    await service.startDrafting({ meetingId });
    await started;
    // The model's process, once it has started, is killed as an out-of-memory would.
    let pids = workerPids();
    while (!pids.length) pids = await new Promise((r) => setImmediate(() => r(workerPids())));
    process.kill(pids[0]!, 'SIGKILL');
    const crashed = await end;
    expect(crashed.status).toBe('failed');
    expect(crashed.error?.code).toMatch(/^drafting\.(crashed|failed)$/);
    // The app goes on: the next run drafts what is still missing.
    end = ended(ctx, meetingId);
    await service.startDrafting({ meetingId });
    expect((await end).status).toBe('done');
  }, 600_000);
});
