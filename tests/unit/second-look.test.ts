// The second look (main/asr/gap-pass.ts) on the REAL engine and model: a hole in a meeting's
// transcript, where speech was said, is transcribed again on its own when the job runs, its
// segments go in place in meeting.json, and the job reports no span without text any more. Where
// it meets other work: a cancel and a resume, new audio imported, an edit made meanwhile.
//
// The hole is made by taking out the segments a full pass saved between 15 and 32 s: the state a
// job leaves when the app is killed during its second look (the full pass saved, no "done" record),
// whatever made the hole. The hole the engine itself leaves (a window that repeats a word, then
// skips) depends on the CPU's arithmetic: on this host it showed with the installers' AVX2 build,
// not with the native one (docs/engine.md), so a test cannot ask the engine for one.
// Tests wait on events (job, segment), never on the clock.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent, TranscriptionJob } from '../../shared/api.ts';
import { meetingSchema, type Segment } from '../../shared/domain.ts';
import { untranscribedSpans } from '../../shared/transcript/gaps.ts';
import { wordErrorRate } from '../../shared/text/wer.ts';
import { clearJobRecord, type TranscriptionJobs } from '../../main/asr/job.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import type { ServiceContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { createParts } from '../../main/service/parts.ts';
import { concatClips, FAST_DECODE, freshContext, haveModel, MSA, nextEvent, refs, tempDir } from './asr-fixtures.ts';

const CLIPS = ['010.wav', '011.wav', '012.wav', '013.wav', '014.wav', '015.wav'];
const fast = { threads: 2, decode: FAST_DECODE } as const;

/** A meeting on six msa-read clips (about 55 s), transcribed in full, then with its segments from 15 to 32 s taken out. */
async function meetingWithHole(ctx: ServiceContext, jobs: TranscriptionJobs) {
  const m = await ctx.archive.create({ title: 'جلسة المجلس' });
  const meeting = await importAudioFile(ctx, m.id, concatClips(CLIPS, join(tempDir(), 'six.wav'), 0.5), 'six.wav');
  const duration = meeting.audio!.durationSec;
  await jobs.start({ meetingId: m.id, ...fast });
  expect((await jobs.wait(m.id))?.status).toBe('done');
  const full = (await ctx.archive.read(m.id)).segments;
  const inHole = (s: Segment) => s.start >= 15 && s.start < 32;
  const removed = full.filter(inHole);
  await ctx.archive.update(m.id, (x) => ({ ...x, segments: x.segments.filter((s) => !inHole(s)) }));
  await clearJobRecord(ctx, m.id);
  const kept = (await ctx.archive.read(m.id)).segments;
  const holes = untranscribedSpans(kept, duration);
  // The premise: one hole of 10 s or more, which the job reports as it stands.
  expect(holes).toHaveLength(1);
  return { id: m.id, duration, hole: holes[0]!, removed, kept };
}

const jobEvent = (ctx: ServiceContext, id: string, match: (j: TranscriptionJob) => boolean) =>
  nextEvent(ctx, (e) => e.type === 'job' && e.job.meetingId === id && match(e.job)).then((e) => (e as { job: TranscriptionJob }).job);

describe.runIf(haveModel)('the second look at speech left without text', () => {
  it('fills the hole in place with the engine\'s text; cancelled during it, the job resumes it; a finished job does not run it again', async () => {
    const ctx = await freshContext();
    const { jobs } = createParts(ctx);
    const { id, duration, hole, removed, kept } = await meetingWithHole(ctx, jobs);

    // Cancelled while the second look's engine runs: nothing goes in, the job says cancelled.
    const looking = jobEvent(ctx, id, (j) => !!j.secondLook && !!jobs.childPid(id));
    await jobs.start({ meetingId: id, ...fast });
    expect(await looking).toMatchObject({ status: 'running', secondLook: { done: 0, total: 1 }, etaSec: null });
    expect((await jobs.cancel(id))?.status).toBe('cancelled');
    expect((await ctx.archive.read(id)).segments).toEqual(kept);

    // Started again: the hole is transcribed, its segments are published and saved in time order.
    const published: Segment[] = [];
    const off = ctx.events.subscribe((e: ApiEvent) => {
      if (e.type === 'segment' && e.meetingId === id) published.push(e.segment);
    });
    const progressed = jobEvent(ctx, id, (j) => j.secondLook?.done === 1);
    await jobs.start({ meetingId: id, ...fast });
    expect((await progressed).secondLook).toEqual({ done: 1, total: 1 });
    const done = (await jobs.wait(id))!;
    off();
    expect(done).toMatchObject({ status: 'done', percent: 100, untranscribed: [] });
    expect(done.secondLook).toBeUndefined();
    const after = (await ctx.archive.read(id)).segments;
    const filled = after.filter((s) => s.start >= hole.start && s.end <= hole.end);
    expect(filled.length).toBeGreaterThan(0);
    expect(published.map((s) => s.id)).toEqual(filled.map((s) => s.id));
    expect(after.map((s) => s.start)).toEqual([...after.map((s) => s.start)].sort((a, b) => a - b));
    expect(after.filter((s) => !filled.includes(s))).toEqual(kept);
    expect(untranscribedSpans(after, duration)).toEqual([]);
    // Against the readings of the six clips, the transcript with the hole filled is as good as the
    // full pass (within 0.05). (Against the full pass's own words in the hole this could not be told: the second look starts a window elsewhere and spells base's
    // words otherwise, here «متناسق» and «تخرج» where the full pass wrote «متناس قل» and «تخرو»,
    // nearer the reading but 0.605 off the full pass's words.)
    const reading = CLIPS.map((c) => refs().get(c)!.text).join(' ');
    const words = (segs: Segment[]) => [...segs].sort((x, y) => x.start - y.start).map((s) => s.text).join(' ');
    const fullWer = wordErrorRate(reading, words([...kept, ...removed])).wer;
    const holedWer = wordErrorRate(reading, words(kept)).wer;
    const filledWer = wordErrorRate(reading, words(after)).wer;
    console.log(`second look: hole ${hole.start.toFixed(1)}-${hole.end.toFixed(1)} s, ${filled.length} segments; WER against the readings: full pass ${fullWer.toFixed(3)}, with the hole ${holedWer.toFixed(3)}, filled ${filledWer.toFixed(3)}`);
    expect(filledWer).toBeLessThan(fullWer + 0.05);
    // Base gets most of these words wrong, so a lost word mostly turns a substitution into a
    // deletion and moves the WER little (here 0.753 with the hole's words, 0.847 without): the word
    // count says whether the hole's words are there, as many as the full pass wrote within 15%.
    const count = (segs: Segment[]) => words(segs).split(/\s+/).filter(Boolean).length;
    expect(count(kept)).toBeLessThan(0.8*count([...kept, ...removed])); // the premise: the hole's words count
    expect(Math.abs(count(after) - count([...kept, ...removed]))).toBeLessThanOrEqual(0.15*count([...kept, ...removed]));
    expect(filled.some((s) => (s.wordConfidence?.length ?? 0) > 0)).toBe(true);

    // A finished job is not run again: nothing changes.
    await jobs.start({ meetingId: id, ...fast });
    expect((await jobs.wait(id))?.status).toBe('done');
    expect((await ctx.archive.read(id)).segments).toEqual(after);
  }, 300_000);

  it('new audio imported during the second look cancels it: nothing of the old recording goes into the new one', async () => {
    const ctx = await freshContext();
    const parts = createParts(ctx);
    const service = await createService(ctx, { parts });
    const { id } = await meetingWithHole(ctx, parts.jobs);
    const bytes = await readFile(join(MSA, '001.wav'));
    const { uploadId } = await service.beginUpload({ name: 'new.wav', size: bytes.length });
    await service.uploadChunk({ uploadId, offset: 0, data: bytes.toString('base64') });

    const looking = jobEvent(ctx, id, (j) => !!j.secondLook && !!parts.jobs.childPid(id));
    const ended = jobEvent(ctx, id, (j) => j.status !== 'running');
    await parts.jobs.start({ meetingId: id, ...fast });
    await looking;
    const imported = await service.importAudio({ meetingId: id, uploadId }); // issued while the second look runs
    expect((await ended).status).toBe('cancelled');
    expect(imported.segments).toEqual([]);
    expect((await ctx.archive.read(id)).segments).toEqual([]);
    expect(await service.getTranscription({ meetingId: id })).toBeNull();
  }, 300_000);

  it('an edit the secretary makes during the second look is kept, in meeting.json too, beside the filled hole', async () => {
    const ctx = await freshContext();
    const parts = createParts(ctx);
    const service = await createService(ctx, { parts });
    const { id, hole, kept } = await meetingWithHole(ctx, parts.jobs);
    const looking = jobEvent(ctx, id, (j) => !!j.secondLook && !!parts.jobs.childPid(id));
    await parts.jobs.start({ meetingId: id, ...fast });
    await looking;
    const target = kept[0]!;
    const { version } = await service.getEditState({ meetingId: id });
    await service.applyEdit({ meetingId: id, baseVersion: version, edit: { type: 'setText', segmentId: target.id, text: 'نص راجعته الكاتبة' } }); // while the engine runs
    expect((await parts.jobs.wait(id))?.status).toBe('done');
    const check = (segments: Segment[]) => {
      expect(segments.find((s) => s.id === target.id)?.text).toBe('نص راجعته الكاتبة');
      expect(segments.filter((s) => s.start >= hole.start && s.end <= hole.end).length).toBeGreaterThan(0);
      expect(segments).toHaveLength(new Set(segments.map((s) => s.id)).size);
    };
    check((await service.getMeeting({ id })).segments);
    await ctx.journals.close();
    check(meetingSchema.parse(JSON.parse(await readFile(join(ctx.archive.meetingDir(id), 'meeting.json'), 'utf8'))).segments);
  }, 300_000);
});
