// Drafting the summaries of a three-hour meeting: the 2,500 segments of bench/export.ts's
// generator, their speakers set so that they make 150 interventions, drafted one after the other
// by the drafting job (main/drafting/jobs.ts) with the tiny random-weight GGUF model of the tests
// (tests/unit/tiny-gguf.ts) in its child process. Reports the run's total time, the time per
// intervention, the model's own time (node-llama-cpp's prompt call, as the worker measures it)
// and what the app adds around it (prompt building, IPC, reading the meeting, saving each draft
// as a journaled edit), as a ratio. The tiny model says nothing of a real model's speed or
// quality: it measures the app's overhead on a real generation path. Then the secretary's
// keystrokes to review 150 drafted summaries (bench/summaries-review.ts).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createContext } from '../main/context/context.ts';
import { DraftingJobs } from '../main/drafting/jobs.ts';
import type { Drafter } from '../main/llm/drafter.ts';
import { openModelDrafter } from '../main/llm/model-drafter.ts';
import { createService } from '../main/service/index.ts';
import type { Meeting } from '../shared/domain.ts';
import { allInterventions } from '../shared/summaries/interventions.ts';
import { tempDir } from '../tests/unit/asr-fixtures.ts';
import { tinyGguf } from '../tests/unit/tiny-gguf.ts';
import { generateMeeting } from './export.ts';
import type { BenchReport } from './index.ts';
import { machineLine } from './machine.ts';
import { reviewKeystrokes } from './summaries-review.ts';

const INTERVENTIONS = Number(process.env.MAHDAR_BENCH_INTERVENTIONS ?? 150);
/** Drafts to write before the run is cancelled (a short run on a slow machine); default: all of them. */
const DRAFTS = Number(process.env.MAHDAR_BENCH_DRAFTS ?? INTERVENTIONS);
/** Tokens per draft: a short paragraph (a random-weight model rarely stops on its own). */
const DRAFT_TOKENS = Number(process.env.MAHDAR_BENCH_DRAFT_TOKENS ?? 120);
/** The tiny model spells Arabic byte by byte: this much of each intervention fits its 4,096-token context. */
const PROMPT_CHARS = 800;

/** The generated meeting, its speakers set by blocks of consecutive segments: `count` interventions. */
export function meetingOfInterventions(count: number): Meeting {
  const m = generateMeeting();
  const people = m.participants;
  const n = m.segments.length;
  // Block b of the segments goes to participant b (mod their number): neighbouring blocks never share a speaker.
  const segments = m.segments.map((s, i) => ({ ...s, speakerId: people[Math.floor((i * count) / n) % people.length]!.id }));
  return { ...m, segments };
}

interface Timed {
  drafts: number;
  tokens: number;
  modelMs: number;
  /** Each draft as the job saw it, from the request to the answer (model time plus IPC), and the model's own time. */
  callMs: number[];
  modelMsEach: number[];
}

/** The drafter, timed: what the model itself took, and what each call took as the job saw it. */
function timed(drafter: Drafter, t: Timed): Drafter {
  return {
    modelName: drafter.modelName,
    async draft(req, signal) {
      const t0 = performance.now();
      const r = await drafter.draft(req, signal);
      t.callMs.push(performance.now() - t0);
      t.drafts++;
      t.tokens += r.tokens;
      t.modelMs += r.modelMs;
      t.modelMsEach.push(r.modelMs);
      return r;
    },
    close: () => drafter.close(),
  };
}

const s = (ms: number) => (ms / 1000).toFixed(1);

export async function run(): Promise<BenchReport> {
  const model = await tinyGguf();
  const ctx = await createContext(tempDir('mahdar-bench-summaries-'));
  const service = await createService(ctx);
  const meeting = meetingOfInterventions(INTERVENTIONS);
  const { title, type, language, participants, agenda, segments } = meeting;
  const { id } = await service.createMeeting({ fields: { title, type, language, participants, agenda, segments } });
  const t: Timed = { drafts: 0, tokens: 0, modelMs: 0, callMs: [], modelMsEach: [] };
  const jobs = new DraftingJobs(ctx, async () => timed(openModelDrafter(model), t), { maxTokens: DRAFT_TOKENS, promptChars: PROMPT_CHARS });
  // Stopping after DRAFTS drafts goes through the job's own cancel, as the secretary's button does.
  ctx.events.subscribe((e) => {
    if (DRAFTS < INTERVENTIONS && e.type === 'drafting' && e.job.status === 'running' && e.job.done + e.job.skipped >= DRAFTS) void jobs.cancel(id);
  });
  const t0 = performance.now();
  await jobs.start(id, { source: { kind: 'model', modelId: 'tiny-llama' } });
  const job = await jobs.wait(id);
  const totalMs = performance.now() - t0;
  const expected = DRAFTS < INTERVENTIONS ? 'cancelled' : 'done';
  if (job?.status !== expected) throw new Error(`the drafting run ended ${job?.status}: ${JSON.stringify(job?.error)}`);
  const interventions = allInterventions(await service.getMeeting({ id })).length;
  // The first call loads the model in a new child process: reported apart, not counted as overhead.
  const loadMs = t.callMs[0] ?? 0;
  const steadyMs = totalMs - loadMs;
  const steadyModelMs = t.modelMs - (t.modelMsEach[0] ?? 0);
  const overheadMs = steadyMs - steadyModelMs;
  const keys = await reviewKeystrokes();
  await ctx.journals.close();
  const data = {
    machine: machineLine(),
    load: loadavg()[0]!.toFixed(1),
    interventions,
    drafted: job.done,
    skipped: job.skipped,
    draftTokens: DRAFT_TOKENS,
    tokens: t.tokens,
    totalMs,
    firstDraftMs: loadMs,
    perInterventionMs: steadyMs / Math.max(1, t.drafts - 1),
    modelMs: t.modelMs,
    steadyModelMs,
    overheadMs,
    overheadRatio: overheadMs / steadyModelMs,
    reviewKeystrokes: keys,
  };
  const table = [
    `Drafting the summaries of a 3-hour meeting (2,500 generated segments in ${interventions} interventions) with the tiny random-weight GGUF model (2 layers, n_embd 64) in its child process (nice 19: it gives way to any other work); ${data.machine}, load average ${data.load} at the end. Not a real model's speed or quality.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| interventions drafted | ${job.done} of ${interventions} (${job.skipped} skipped: the model wrote nothing)${job.status === 'cancelled' ? ', then cancelled (MAHDAR_BENCH_DRAFTS)' : ''} |`,
    `| tokens written (at most ${DRAFT_TOKENS} a draft) | ${t.tokens} |`,
    `| whole run | ${s(totalMs)} s |`,
    ...(job.status === 'cancelled' ? [`| all ${interventions} at that pace (an estimate, not measured) | ${s(loadMs + data.perInterventionMs * (interventions - 1))} s |`] : []),
    `| first draft (starts the child, loads the model) | ${s(loadMs)} s |`,
    `| per intervention after it | ${data.perInterventionMs.toFixed(0)} ms |`,
    `| the model's own time, drafts after the first | ${s(steadyModelMs)} s |`,
    `| the app's overhead on those drafts (their run time less the model's) | ${s(overheadMs)} s, ${(data.overheadRatio * 100).toFixed(1)} % of the model's time |`,
    `| keystrokes to review ${keys.interventions} drafted summaries with the keyboard flow (bench/summaries-review.ts, Chromium) | ${keys.keystrokes} (${keys.keystrokesPerIntervention.toFixed(2)} an intervention), ${s(keys.ms)} s |`,
  ].join('\n');
  return { name: 'summaries', table, data };
}
