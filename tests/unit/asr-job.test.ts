// Transcription jobs on the REAL engine: segments saved as they arrive, a job killed halfway
// resumes (even from a new service on the same data root, as after the app died) and the final
// segments cover the audio once; errors leave the meeting untouched; the service keeps
// answering while the engine runs.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent, TranscriptionJob } from '../../shared/api.ts';
import { wordErrorRate } from '../../shared/text/wer.ts';
import { jobsFor } from '../../main/asr/job.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import { createContext, modelsDir } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { concatClips, FAST_DECODE, freshContext, haveModel, MODELS, refs, tempDir } from './asr-fixtures.ts';
import { errorCodeOf } from './error-code.ts';

const code = errorCodeOf;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(haveModel)('transcription job', () => {
  it('killed halfway, resumes in a new service on the same data root; segments cover the audio once', async () => {
    // 6 clips (~50 s of speech): more than one 30 s window, so segments are saved before the end.
    const files = ['004.wav', '005.wav', '006.wav', '007.wav', '008.wav', '009.wav'];
    const wav = concatClips(files, join(tempDir(), 'six.wav'), 0.5);
    const root = tempDir();
    const ctx = await freshContext(root);
    const service = await createService(ctx);
    const m = await service.createMeeting({ fields: { title: 'اجتماع' } });
    const meeting = await importAudioFile(ctx, m.id, wav, 'six.wav');
    const duration = meeting.audio!.durationSec;
    const events: ApiEvent[] = [];
    ctx.events.subscribe((e) => events.push(e));

    const jobs = jobsFor(ctx);
    const started = await jobs.start({ meetingId: m.id, threads: 2, decode: FAST_DECODE });
    expect(started).toMatchObject({ status: 'running', modelId: 'base', doneSec: 0 });
    expect(await code(jobs.start({ meetingId: m.id, threads: 2 }))).toBe('job.running');

    // While the engine runs, the service answers at once; once some segments are on disk, kill it.
    let worst = 0;
    let saved = 0;
    for (let i = 0; i < 3000 && saved === 0; i++) {
      const t0 = performance.now();
      const cur = await service.getMeeting({ id: m.id });
      await service.listMeetings({ query: '' });
      worst = Math.max(worst, performance.now() - t0);
      saved = cur.segments.length;
      if (!saved) await sleep(100);
    }
    expect(saved).toBeGreaterThan(0);
    expect(worst).toBeLessThan(500);
    const pid = jobs.childPid(m.id)!;
    process.kill(pid, 'SIGKILL');
    const killed = (await jobs.wait(m.id))!;
    expect(killed.status).toBe('failed');
    expect(killed.error?.code).toBe('engine.failed');
    const afterKill = await ctx.archive.read(m.id);
    expect(afterKill.segments.length).toBeGreaterThan(0);
    const resumeAt = Math.max(...afterKill.segments.map((s) => s.end));
    expect(resumeAt).toBeLessThan(duration - 5);
    expect(events.some((e) => e.type === 'segment')).toBe(true);
    expect(events.some((e) => e.type === 'job' && e.job.status === 'failed')).toBe(true);

    // The app "restarts": a new context and service on the same data root.
    const ctx2 = await createContext(root, [MODELS]);
    const jobs2 = jobsFor(ctx2);
    const resumed = await jobs2.start({ meetingId: m.id, threads: 2, decode: FAST_DECODE });
    expect(resumed.doneSec).toBeCloseTo(resumeAt, 3);
    const done = (await jobs2.wait(m.id)) as TranscriptionJob;
    expect(done).toMatchObject({ status: 'done', percent: 100, error: null });

    const final = (await ctx2.archive.read(m.id)).segments;
    expect(final.slice(0, afterKill.segments.length)).toEqual(afterKill.segments);
    expect(final.length).toBeGreaterThan(afterKill.segments.length);
    expect(new Set(final.map((s) => s.id)).size).toBe(final.length);
    for (let i = 1; i < final.length; i++) {
      // In order, never overlapping; no gap at the resume point beyond the silence between clips.
      expect(final[i]!.start).toBeGreaterThanOrEqual(final[i - 1]!.end - 1e-6);
      expect(final[i]!.start - final[i - 1]!.end).toBeLessThan(2.5);
    }
    expect(final[0]!.start).toBeLessThan(1.5);
    expect(final.at(-1)!.end).toBeGreaterThan(duration - 3);
    // No text twice, none missing: the whole transcript still scores like one uninterrupted run.
    const r = refs();
    const hyp = final.map((s) => s.text).join(' ');
    const { wer } = wordErrorRate(files.map((f) => r.get(f)!.text).join(' '), hyp);
    console.log(`resume at ${resumeAt}s of ${duration}s; ${final.length} segments; WER ${wer.toFixed(3)}; slowest getMeeting+listMeetings during the run ${worst.toFixed(0)} ms`);
    expect(wer).toBeLessThan(0.8);

    // Starting again on a finished meeting does not run the engine twice.
    const again = await jobs2.start({ meetingId: m.id, threads: 2 });
    expect(again).toMatchObject({ status: 'done', percent: 100 });
    expect(((await jobs2.wait(m.id)) as TranscriptionJob).status).toBe('done');
    expect((await ctx2.archive.read(m.id)).segments).toEqual(final);
  }, 480_000); // ~50 s on an idle 2-core machine; several times that when other engines share the cores

  it('cancel through the service: the child stops, the job says cancelled, the service still answers', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const m = await service.createMeeting({ fields: {} });
    await importAudioFile(ctx, m.id, concatClips(['010.wav', '011.wav', '012.wav', '013.wav', '014.wav'], join(tempDir(), 'five.wav'), 0.3), 'five.wav');
    const job = await service.startTranscription({ meetingId: m.id, threads: 2 });
    expect(job.status).toBe('running');
    await sleep(1200);
    const pid = jobsFor(ctx).childPid(m.id);
    expect(pid).toBeTruthy();
    const t0 = Date.now();
    const cancelled = await service.cancelTranscription({ meetingId: m.id });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(await service.getTranscription({ meetingId: m.id })).toMatchObject({ status: 'cancelled' });
    expect((await service.getMeeting({ id: m.id })).id).toBe(m.id);
  });

  it('a finished transcription is not run twice; restart replaces it from the beginning', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const jobs = jobsFor(ctx);
    const m = await service.createMeeting({ fields: {} });
    await importAudioFile(ctx, m.id, concatClips(['001.wav'], join(tempDir(), 'one.wav')), 'one.wav');
    await service.startTranscription({ meetingId: m.id, threads: 2 });
    expect(await jobs.wait(m.id)).toMatchObject({ status: 'done' });
    const first = (await service.getMeeting({ id: m.id })).segments;
    expect(first.length).toBeGreaterThan(0);

    await service.startTranscription({ meetingId: m.id, threads: 2 });
    expect(await jobs.wait(m.id)).toMatchObject({ status: 'done' });
    expect((await service.getMeeting({ id: m.id })).segments).toEqual(first);

    await service.startTranscription({ meetingId: m.id, threads: 2, restart: true });
    expect(await jobs.wait(m.id)).toMatchObject({ status: 'done' });
    const again = (await service.getMeeting({ id: m.id })).segments;
    expect(again.length).toBeGreaterThan(0);
    expect(again.map((x) => x.id)).not.toEqual(first.map((x) => x.id)); // new segments, not the old ones kept
    expect(again[0]!.start).toBeLessThan(1); // from the beginning, not resumed at the end
  });

  it('a wrong model file, an approved meeting and a meeting without audio are refused; nothing changes', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const noAudio = await service.createMeeting({ fields: {} });
    expect(await code(service.startTranscription({ meetingId: noAudio.id }))).toBe('audio.missing');

    const m = await service.createMeeting({ fields: { title: 'نموذج' } });
    await importAudioFile(ctx, m.id, concatClips(['001.wav'], join(tempDir(), 'one.wav'), 0), 'one.wav');
    await mkdir(modelsDir(ctx), { recursive: true });
    await writeFile(join(modelsDir(ctx), 'ggml-broken.bin'), 'I am a text file pretending to be a model\n'.repeat(1000));
    const before = await readFile(join(ctx.archive.meetingDir(m.id), 'meeting.json'), 'utf8');
    expect(await code(service.startTranscription({ meetingId: m.id, modelId: 'broken' }))).toBe('model.invalid');
    expect(await code(service.startTranscription({ meetingId: m.id, modelId: 'large-v3-turbo' }))).toBe('model.notFound');
    expect(await readFile(join(ctx.archive.meetingDir(m.id), 'meeting.json'), 'utf8')).toBe(before);
    expect(await service.getTranscription({ meetingId: m.id })).toBeNull();

    await ctx.archive.update(m.id, (x) => ({ ...x, status: 'approved' }));
    expect(await code(service.startTranscription({ meetingId: m.id }))).toBe('meeting.readOnly');
  });
});
