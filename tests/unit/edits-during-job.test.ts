// Where the editor meets a running transcription: the secretary edits the first segments while
// the engine is still appending new ones to the same meeting. Every edit and every segment must
// survive, in the meeting as read and in meeting.json on disk, and undo must still work.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent, TranscriptionJob } from '../../shared/api.ts';
import { meetingSchema, type Segment } from '../../shared/domain.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import { createService } from '../../main/service/index.ts';
import { createParts } from '../../main/service/parts.ts';
import { concatClips, FAST_DECODE, freshContext, haveModel, tempDir } from './asr-fixtures.ts';

describe.skipIf(!haveModel)('edits while a transcription job appends segments', () => {
  it('keeps every edit and every segment; undo works after the job ended', async () => {
    const ctx = await freshContext();
    const parts = createParts(ctx);
    const service = await createService(ctx, { parts });
    const audio = concatClips(['001.wav', '002.wav', '003.wav', '004.wav', '005.wav', '006.wav'], join(tempDir(), 'six.wav'));
    const created = await service.createMeeting({ fields: { title: 'edits during a job', participants: [{ id: 'p-chair', name: 'الرئيس', gender: 'm', title: '', organisation: '' }] } });
    await importAudioFile(ctx, created.id, audio, 'six.wav');

    // Each time a segment lands, the secretary edits it at once: text and speaker.
    const edited = new Map<string, string>();
    const pending: Promise<unknown>[] = [];
    let version = (await service.getEditState({ meetingId: created.id })).version;
    // Edits are chained (each on the version the previous one answered), as the editor does.
    let chain: Promise<unknown> = Promise.resolve();
    const ended = new Promise<TranscriptionJob>((resolve) => {
      ctx.events.subscribe((e: ApiEvent) => {
        if (e.type === 'segment' && e.meetingId === created.id) {
          const seg = e.segment;
          const text = `${seg.text} (مراجع)`;
          edited.set(seg.id, text);
          chain = chain.then(async () => {
            const a = await service.applyEdit({ meetingId: created.id, baseVersion: version, edit: { type: 'setText', segmentId: seg.id, text } });
            const b = await service.applyEdit({ meetingId: created.id, baseVersion: a.version, edit: { type: 'assignSpeaker', range: { ids: [seg.id] }, speakerId: 'p-chair' } });
            version = b.version;
          });
          pending.push(chain);
        }
        if (e.type === 'job' && e.job.meetingId === created.id && e.job.status !== 'running') resolve(e.job);
      });
    });
    await parts.jobs.start({ meetingId: created.id, modelId: 'base', decode: FAST_DECODE });
    const job = await ended;
    await Promise.all(pending);
    expect(job.status).toBe('done');
    expect(edited.size).toBeGreaterThan(2);

    const check = (segments: Segment[]) => {
      expect(segments.map((s) => s.id).sort()).toEqual([...edited.keys()].sort());
      for (const s of segments) {
        expect(s.text).toBe(edited.get(s.id));
        expect(s.speakerId).toBe('p-chair');
      }
    };
    check((await service.getMeeting({ id: created.id })).segments);
    await ctx.journals.close();
    const onDisk = meetingSchema.parse(JSON.parse(await readFile(join(ctx.archive.meetingDir(created.id), 'meeting.json'), 'utf8')));
    check(onDisk.segments);

    // Undo the last speaker assignment: one segment loses its speaker, the others keep theirs.
    const service2 = await createService(await freshContext(ctx.dataRoot));
    const state = await service2.getEditState({ meetingId: created.id });
    expect(state.canUndo).toBe(true);
    await service2.undoEdit({ meetingId: created.id, baseVersion: state.version });
    const after = await service2.getMeeting({ id: created.id });
    expect(after.segments.filter((s) => s.speakerId === null)).toHaveLength(1);
    expect(after.segments).toHaveLength(edited.size);
  });
});
