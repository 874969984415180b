// The drafting job end to end on the endpoint path: the service drafts a meeting's interventions
// through a real HTTP server on loopback speaking the OpenAI chat protocol; drafts land in the
// meeting as drafts, a summary the secretary wrote is never replaced, cancel stops at once.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, MahdarService } from '../../shared/api.ts';
import type { DraftingJob } from '../../shared/drafting.ts';
import type { ServiceContext } from '../../main/context/context.ts';
import { DraftingJobs } from '../../main/drafting/jobs.ts';
import { sourceOpener } from '../../main/drafting/sources.ts';
import { createService } from '../../main/service/index.ts';
import { summaryView } from '../../shared/summaries/status.ts';
import { freshContext } from './asr-fixtures.ts';
import { chatServer, meetingWithInterventions, type ChatServer } from './drafting-fixtures.ts';
import { errorCodeOf } from './error-code.ts';

const servers: ChatServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function setup(hold?: (n: number) => boolean): Promise<{ ctx: ServiceContext; service: MahdarService; server: ChatServer; meetingId: string }> {
  const server = await chatServer(hold);
  servers.push(server);
  const ctx = await freshContext();
  const service = await createService(ctx);
  await service.updateDraftingSettings({ settings: { source: { kind: 'endpoint' }, endpoint: { url: server.url, model: 'qwen2.5:7b' } } });
  const { id } = await service.createMeeting({ fields: meetingWithInterventions() });
  return { ctx, service, server, meetingId: id };
}

/** The drafting events of a meeting until its run ends, with that end state. */
function runEvents(ctx: ServiceContext, meetingId: string): { events: DraftingJob[]; ended: Promise<DraftingJob> } {
  const events: DraftingJob[] = [];
  const ended = new Promise<DraftingJob>((resolve) => {
    const off = ctx.events.subscribe((e: ApiEvent) => {
      if (e.type !== 'drafting' || e.job.meetingId !== meetingId) return;
      events.push(e.job);
      if (e.job.status !== 'running') {
        off();
        resolve(e.job);
      }
    });
  });
  return { events, ended };
}

describe('drafting through an OpenAI-compatible server on this computer', () => {
  it('drafts every intervention, one request each, saved as drafts with the model name, with progress', async () => {
    const { ctx, service, server, meetingId } = await setup();
    const run = runEvents(ctx, meetingId);
    const started = await service.startDrafting({ meetingId });
    expect(started).toMatchObject({ status: 'running', total: 4, done: 0, modelName: 'qwen2.5:7b' });
    const job = await run.ended;
    expect(job).toMatchObject({ status: 'done', total: 4, done: 4, skipped: 0, current: null, error: null });
    expect(run.events.filter((e) => e.status === 'running').map((e) => e.done)).toEqual(expect.arrayContaining([1, 2, 3, 4]));

    expect(server.requests.map((r) => r.model)).toEqual(Array(4).fill('qwen2.5:7b'));
    expect(server.requests[0]!.user).toContain('ارتفعت الميزانية بعشرة في المائة');
    expect(server.requests[0]!.user).not.toContain('أقترح تأجيل التصويت');
    expect(server.requests[1]!.user).toContain('السيدة فاطمة بناني، المقررة');

    const m = await service.getMeeting({ id: meetingId });
    const view = summaryView(m);
    const entries = view.points.flatMap((p) => p.interventions);
    expect(entries.map((e) => e.status)).toEqual(['draft', 'draft', 'draft', 'draft']);
    expect(entries.map((e) => e.summary?.model)).toEqual(Array(4).fill('qwen2.5:7b'));
    expect(entries[0]!.summary!.text).toBe('أكد المتدخل: السيد أحمد العلوي، رئيس المجلس ما ورد في المداخلة رقم 1.');
    expect(entries[0]!.summary!.segmentIds).toEqual(['s-000', 's-001']);
    expect(view.unchecked).toBe(4);
    // Each draft is an edit: undo takes the last one back.
    const { version } = await service.getEditState({ meetingId });
    await service.undoEdit({ meetingId, baseVersion: version });
    expect(summaryView(await service.getMeeting({ id: meetingId })).points[1]!.interventions[1]!.status).toBe('missing');
    expect(await service.getDrafting({ meetingId })).toEqual(job);
  });

  it('never replaces what the secretary wrote, even when asked to draft again', async () => {
    const { ctx, service, server, meetingId } = await setup();
    const m = await service.getMeeting({ id: meetingId });
    const written = await service.applyEdit({
      meetingId,
      baseVersion: m.version ?? 0,
      edit: { type: 'writeSummary', kind: 'intervention', segmentIds: ['s-002'], text: 'اقترحت السيدة المقررة تأجيل التصويت.' },
    });
    expect(written.version).toBeGreaterThan(m.version ?? 0);
    const run = runEvents(ctx, meetingId);
    await service.startDrafting({ meetingId });
    expect(await run.ended).toMatchObject({ status: 'done', total: 3, done: 3 });
    const again = runEvents(ctx, meetingId);
    await service.startDrafting({ meetingId, redraft: true });
    expect(await again.ended).toMatchObject({ status: 'done', total: 3, done: 3 });
    expect(server.requests.some((r) => r.user.includes('أقترح تأجيل التصويت'))).toBe(false);
    const rap = summaryView(await service.getMeeting({ id: meetingId })).points[0]!.interventions[1]!;
    expect(rap).toMatchObject({ status: 'checked', summary: { text: 'اقترحت السيدة المقررة تأجيل التصويت.', source: 'secretary' } });
  });

  it('the secretary writes a summary while its draft is being written: hers stays, the draft is dropped, the run goes on', async () => {
    const { ctx, service, server, meetingId } = await setup((n) => n === 2);
    const run = runEvents(ctx, meetingId);
    await service.startDrafting({ meetingId });
    // The second intervention (s-002) is being drafted; the secretary saves her own summary of it meanwhile.
    await server.arrived(2);
    const { version } = await service.getEditState({ meetingId });
    await service.applyEdit({ meetingId, baseVersion: version, edit: { type: 'writeSummary', kind: 'intervention', segmentIds: ['s-002'], text: 'اقترحت السيدة المقررة تأجيل التصويت.' } });
    server.release();
    expect(await run.ended).toMatchObject({ status: 'done', done: 3, skipped: 1, error: null });
    const entries = summaryView(await service.getMeeting({ id: meetingId })).points.flatMap((p) => p.interventions);
    expect(entries.map((e) => e.status)).toEqual(['draft', 'checked', 'draft', 'draft']);
    expect(entries[1]!.summary).toMatchObject({ text: 'اقترحت السيدة المقررة تأجيل التصويت.', source: 'secretary' });
  });

  it('cancel abandons the draft being written at once and keeps the ones saved; a second start answers the running run', async () => {
    const { ctx, service, server, meetingId } = await setup((n) => n === 2);
    const run = runEvents(ctx, meetingId);
    const first = await service.startDrafting({ meetingId });
    const held = await server.arrived(2);
    expect(await service.startDrafting({ meetingId })).toMatchObject({ status: 'running', total: first.total });
    const cancelled = await service.cancelDrafting({ meetingId });
    expect(cancelled).toMatchObject({ status: 'cancelled', done: 1, current: null });
    await held.closed;
    expect((await run.ended).status).toBe('cancelled');
    expect(server.requests).toHaveLength(2);
    const statuses = summaryView(await service.getMeeting({ id: meetingId })).points.flatMap((p) => p.interventions.map((e) => e.status));
    expect(statuses).toEqual(['draft', 'missing', 'missing', 'missing']);
  });

  it('after a full pass, when the settings say so, applies the floor marks and drafts each speaker’s intervention', async () => {
    const { ctx, service, server, meetingId } = await setup();
    // A fresh pass: passages without speakers; the secretary tapped who had the floor while recording.
    const m = await service.getMeeting({ id: meetingId });
    let version = m.version ?? 0;
    for (const s of m.segments) version = (await service.applyEdit({ meetingId, baseVersion: version, edit: { type: 'assignSpeaker', range: { ids: [s.id] }, speakerId: null } })).version;
    for (const [at, participantId] of [[0, 'p-chair'], [19, 'p-rap'], [29, 'p-chair'], [39, 'p-mem']] as const) {
      version = (await service.applyEdit({ meetingId, baseVersion: version, edit: { type: 'addMark', mark: { kind: 'floor', at, participantId } } })).version;
    }
    await service.updateDraftingSettings({ settings: { afterTranscription: true } });
    const run = runEvents(ctx, meetingId);
    ctx.events.publish({ type: 'job', job: { meetingId, status: 'done', modelId: 'base', percent: 100, etaSec: 0, doneSec: 50, error: null } });
    expect(await run.ended).toMatchObject({ status: 'done', total: 4, done: 4 });
    expect(server.requests.map((r) => r.user.split('\n')[0])).toEqual([
      expect.stringContaining('أحمد العلوي'),
      expect.stringContaining('فاطمة بناني'),
      expect.stringContaining('أحمد العلوي'),
      expect.stringContaining('يوسف'),
    ]);
  });

  it('gives way while a recording or a transcription goes on: the next draft starts once it has ended', async () => {
    const { ctx, server, meetingId } = await setup();
    let busy = true;
    let looked = 0;
    let lookedTwice!: () => void;
    const waited = new Promise<void>((resolve) => (lookedTwice = resolve));
    const jobs = new DraftingJobs(ctx, sourceOpener(ctx), {
      givesWayTo: () => {
        if (++looked === 2) lookedTwice();
        return busy;
      },
    });
    const run = runEvents(ctx, meetingId);
    await jobs.start(meetingId);
    // The run has looked, waited, and looked again: no draft was asked for meanwhile.
    await waited;
    expect(server.requests).toHaveLength(0);
    busy = false;
    expect(await run.ended).toMatchObject({ status: 'done', done: 4 });
    expect(server.requests).toHaveLength(4);
  });

  it('cancel ends a run that is giving way at once', async () => {
    const { ctx, server, meetingId } = await setup();
    const jobs = new DraftingJobs(ctx, sourceOpener(ctx), { givesWayTo: () => true });
    await jobs.start(meetingId);
    expect(await jobs.cancel(meetingId)).toMatchObject({ status: 'cancelled', done: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses with a clear error: no source chosen, an approved meeting, an address off this computer', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const { id } = await service.createMeeting({ fields: meetingWithInterventions() });
    expect(await errorCodeOf(service.startDrafting({ meetingId: id }))).toBe('drafting.noSource');
    expect(await errorCodeOf(service.updateDraftingSettings({ settings: { endpoint: { url: 'http://192.168.1.10:8080/v1', model: '' } } }))).toBe('drafting.notLoopback');
    expect((await service.getDraftingSettings({})).endpoint.url).toBe('http://127.0.0.1:8080/v1');
    await ctx.archive.update(id, (m) => ({ ...m, status: 'approved' }));
    expect(await errorCodeOf(service.startDrafting({ meetingId: id, source: { kind: 'endpoint' } }))).toBe('meeting.readOnly');
    expect(await service.getDrafting({ meetingId: id })).toBeNull();
  });

  it('a server that is not running fails the run with endpointUnreachable, nothing drafted', async () => {
    const { ctx, service, server, meetingId } = await setup();
    server.close();
    const run = runEvents(ctx, meetingId);
    await service.startDrafting({ meetingId });
    expect(await run.ended).toMatchObject({ status: 'failed', done: 0, error: { code: 'drafting.endpointUnreachable' } });
  });
});
