// Imported audio: every supported container decodes to 16 kHz mono WAV in the meeting; empty,
// corrupt, non-audio and oversized files get their own error and leave the meeting untouched.
import { execFileSync } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWavInfo } from '../../main/audio/wav.ts';
import { decodeToWav } from '../../main/audio/decode.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import { readManifest, verifyRevision } from '../../main/export/approve.ts';
import { createService } from '../../main/service/index.ts';
import { freshContext, MSA, tempDir } from './asr-fixtures.ts';
import { errorCodeOf } from './error-code.ts';

const SRC = join(MSA, '001.wav'); // 6.31 s of real read Arabic
const dir = tempDir('mahdar-audio-');

const code = errorCodeOf;

const formats: [string, string[]][] = [
  ['mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']],
  ['m4a', ['-c:a', 'aac', '-b:a', '64k']],
  ['aac', ['-c:a', 'aac', '-b:a', '64k', '-f', 'adts']],
  ['ogg', ['-c:a', 'libvorbis']],
  ['opus', ['-c:a', 'libopus', '-b:a', '32k']],
  ['flac', ['-c:a', 'flac']],
  ['webm', ['-c:a', 'libopus', '-b:a', '32k']],
  ['wav', ['-ar', '44100', '-ac', '2']], // stereo 44.1 kHz: resampled and mixed down
];

beforeAll(() => {
  for (const [ext, args] of formats) {
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', SRC, ...args, join(dir, `clip.${ext}`)]);
  }
  // sox writes its own FLAC: a second encoder, the way a recorder on another machine might.
  execFileSync('sox', [SRC, join(dir, 'sox.flac')]);
});

describe('decodeToWav', () => {
  it.each([...formats.map(([ext]) => `clip.${ext}`), 'sox.flac'])('%s decodes to 16 kHz mono s16 of the right length', async (name) => {
    const out = join(dir, `${name}.out.wav`);
    const r = await decodeToWav(join(dir, name), out);
    const info = await readWavInfo(out);
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
    expect(Math.abs(info.durationSec - 6.31)).toBeLessThan(0.1);
    expect(r.durationSec).toBeCloseTo(info.durationSec, 3);
  });

  it('refuses empty, non-audio, corrupt and oversized files, writing nothing', async () => {
    const d = tempDir('mahdar-bad-');
    await writeFile(join(d, 'empty.wav'), '');
    await writeFile(join(d, 'notes.mp3'), 'محضر الاجتماع: هذا ملف نصي وليس صوتًا.\n'.repeat(50));
    const wav = await readFile(SRC);
    const corrupt = Buffer.from(wav);
    corrupt.fill(0x5a, 0, 64); // header destroyed
    await writeFile(join(d, 'corrupt.wav'), corrupt);
    await writeFile(join(d, 'random.ogg'), Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 251)));
    const out = join(d, 'out.wav');
    expect(await code(decodeToWav(join(d, 'empty.wav'), out))).toBe('audio.empty');
    expect(await code(decodeToWav(join(d, 'notes.mp3'), out))).toBe('audio.unreadable');
    expect(await code(decodeToWav(join(d, 'corrupt.wav'), out))).toBe('audio.unreadable');
    expect(await code(decodeToWav(join(d, 'random.ogg'), out))).toBe('audio.unreadable');
    expect(await code(decodeToWav(SRC, out, { maxBytes: 1000 }))).toBe('audio.tooLarge');
    expect((await readdir(d)).sort()).toEqual(['corrupt.wav', 'empty.wav', 'notes.mp3', 'random.ogg']);
  });

  it('says clearly when ffmpeg is not installed', async () => {
    const prev = process.env.MAHDAR_FFPROBE;
    process.env.MAHDAR_FFPROBE = '/nonexistent/ffprobe';
    try {
      expect(await code(decodeToWav(SRC, join(tempDir(), 'x.wav')))).toBe('audio.noDecoder');
    } finally {
      if (prev === undefined) delete process.env.MAHDAR_FFPROBE;
      else process.env.MAHDAR_FFPROBE = prev;
    }
  });
});

describe('importAudio (service)', () => {
  async function uploadFile(service: Awaited<ReturnType<typeof createService>>, file: string, name: string) {
    const bytes = await readFile(file);
    const { uploadId } = await service.beginUpload({ name, size: bytes.length });
    for (let off = 0; off < bytes.length || off === 0; off += 1024 * 1024) {
      await service.uploadChunk({ uploadId, offset: off, data: bytes.subarray(off, off + 1024 * 1024).toString('base64') });
      if (bytes.length === 0) break;
    }
    return uploadId;
  }

  it('imports an mp3 into a meeting and records its duration and checksum', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const m = await service.createMeeting({ fields: { title: 'استيراد' } });
    const saved = await service.importAudio({ meetingId: m.id, uploadId: await uploadFile(service, join(dir, 'clip.mp3'), 'جلسة.mp3') });
    expect(saved.audio).toMatchObject({ originalName: 'جلسة.mp3' });
    expect(saved.audio!.file).toMatch(/^audio-[0-9a-f]+\.wav$/);
    expect(Math.abs(saved.audio!.durationSec - 6.31)).toBeLessThan(0.1);
    expect(saved.audio!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const files = await readdir(ctx.archive.meetingDir(m.id));
    expect(files.filter((f) => f.endsWith('.wav'))).toEqual([saved.audio!.file]);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('empty audio, a text file named .mp3 and corrupt audio leave the meeting untouched', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const m = await service.createMeeting({ fields: { title: 'سليم' } });
    const first = await service.importAudio({ meetingId: m.id, uploadId: await uploadFile(service, join(dir, 'clip.flac'), 'a.flac') });
    const before = await readFile(join(ctx.archive.meetingDir(m.id), 'meeting.json'), 'utf8');
    const filesBefore = (await readdir(ctx.archive.meetingDir(m.id))).sort();
    const d = tempDir();
    await writeFile(join(d, 'empty.m4a'), '');
    await writeFile(join(d, 'text.mp3'), 'not audio at all\n'.repeat(200));
    const corrupt = Buffer.from(await readFile(join(dir, 'clip.mp3')));
    for (let i = 0; i < corrupt.length; i += 3) corrupt[i] = (corrupt[i]! * 31 + 17) & 0xff;
    await writeFile(join(d, 'corrupt.mp3'), corrupt.subarray(0, 2000));
    const res: string[] = [];
    for (const f of ['empty.m4a', 'text.mp3', 'corrupt.mp3']) {
      res.push(await code(service.importAudio({ meetingId: m.id, uploadId: await uploadFile(service, join(d, f), f) })));
    }
    expect(res).toEqual(['audio.empty', 'audio.unreadable', 'audio.unreadable']);
    expect(await readFile(join(ctx.archive.meetingDir(m.id), 'meeting.json'), 'utf8')).toBe(before);
    expect((await readdir(ctx.archive.meetingDir(m.id))).sort()).toEqual(filesBefore);
    expect((await service.getMeeting({ id: m.id })).audio).toEqual(first.audio);
    expect(await readdir(join(ctx.dataRoot, 'uploads'))).toEqual([]);
  });

  it('new audio after reopening keeps the recording an approved revision names; unreferenced old audio goes', async () => {
    const ctx = await freshContext();
    const service = await createService(ctx);
    const m = await service.createMeeting({ fields: { title: 'مراجعة' } });
    const folder = ctx.archive.meetingDir(m.id);
    const first = await service.importAudio({ meetingId: m.id, uploadId: await uploadFile(service, join(dir, 'clip.flac'), 'a.flac') });
    await service.approveMeeting({ meetingId: m.id });
    expect((await readManifest(folder, 1))!.audio?.file).toBe(first.audio!.file);
    await service.reopenMeeting({ meetingId: m.id });
    const second = await service.importAudio({ meetingId: m.id, uploadId: await uploadFile(service, join(dir, 'clip.mp3'), 'b.mp3') });
    expect(second.audio!.file).not.toBe(first.audio!.file);
    // Revision 1 can still be verified: its audio is still there, unchanged.
    expect(await verifyRevision(folder, 1)).toEqual([]);
    const third = await service.importAudio({ meetingId: m.id, uploadId: await uploadFile(service, join(dir, 'clip.ogg'), 'c.ogg') });
    const wavs = (await readdir(folder)).filter((f) => f.endsWith('.wav')).sort();
    expect(wavs).toEqual([first.audio!.file, third.audio!.file].sort()); // the second, named by no revision, is gone
    expect(await verifyRevision(folder, 1)).toEqual([]);
  });

  it('an approved meeting refuses new audio', async () => {
    const ctx = await freshContext();
    const m = await ctx.archive.create({ title: 'x' });
    await ctx.archive.update(m.id, (x) => ({ ...x, status: 'approved' }));
    const copy = join(tempDir(), 'a.wav');
    await copyFile(SRC, copy);
    expect(await code(importAudioFile(ctx, m.id, copy, 'a.wav'))).toBe('meeting.readOnly');
    expect((await readdir(ctx.archive.meetingDir(m.id))).filter((f) => f.endsWith('.wav'))).toEqual([]);
  });
});
