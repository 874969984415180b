// Uploads refuse what would corrupt a file or fill the disk: one writer per upload, a chunk only at
// the offset received so far, strict base64, declared sizes checked against the limit and the free
// disk, and abandoned uploads swept.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importModel } from '../../main/asr/models.ts';
import { createContext, uploadsDir, type ServiceContext } from '../../main/context/context.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/api.ts';
import {
  takeUpload,
  UPLOAD_EXPIRY_MS,
  UPLOAD_SWEEP_EVERY_MS,
  uploadCommands,
  uploadsSwept,
} from '../../main/context/uploads.ts';
import { createService, dispatch } from '../../main/service/index.ts';
import { MahdarError } from '../../shared/errors.ts';
import { tempDir } from './asr-fixtures.ts';
import { fakeGgml, sha256 } from './models-fixtures.ts';

// The free space statfs reports for uploads/, when a test sets it (78 GB free here otherwise).
const disk = vi.hoisted(() => ({ free: null as number | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const statfs = (async (path: string) => {
    const real = await fs.statfs(path);
    return disk.free === null ? real : { ...real, bsize: 1, bavail: disk.free };
  }) as typeof fs.statfs;
  return { ...fs, default: { ...fs, statfs }, statfs };
});

afterEach(() => {
  disk.free = null;
  vi.useRealTimers();
});

async function fresh(): Promise<{ ctx: ServiceContext; up: ReturnType<typeof uploadCommands> }> {
  const ctx = await createContext(tempDir('mahdar-uploads-'));
  return { ctx, up: uploadCommands(ctx) };
}

/** The error a call is refused with: code and params. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof MahdarError) return { code: err.code, params: err.params };
    throw err;
  }
  return { code: 'resolved', params: {} };
}

const b64 = (b: Buffer) => b.toString('base64');
const filesIn = (ctx: ServiceContext) => readdir(uploadsDir(ctx)).catch(() => [] as string[]);

describe('chunks', () => {
  it('the same chunk sent twice at once is written once, and the import gets the exact file', async () => {
    const { ctx, up } = await fresh();
    const model = fakeGgml(4);
    const half = Math.floor(model.length / 2);
    const first = model.subarray(0, half);
    const second = model.subarray(half);
    const { uploadId } = await up.beginUpload({ name: 'ggml-twice.bin', size: model.length });
    // Two requests carrying chunk 0 arrive together (a client retry racing the original).
    const both = await Promise.allSettled([
      up.uploadChunk({ uploadId, offset: 0, data: b64(first) }),
      up.uploadChunk({ uploadId, offset: 0, data: b64(first) }),
    ]);
    const accepted = both.filter((r) => r.status === 'fulfilled');
    expect(accepted).toHaveLength(1);
    expect((accepted[0] as PromiseFulfilledResult<{ received: number }>).value).toEqual({ received: half });
    const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'upload.offset', params: { expected: half } });
    expect(await up.uploadChunk({ uploadId, offset: half, data: b64(second) })).toEqual({ received: model.length });
    expect(sha256(await readFile(join(uploadsDir(ctx), uploadId)))).toBe(sha256(model));
    const info = await importModel(ctx, uploadId);
    expect(info).toMatchObject({ id: 'twice', installed: true, sha256: sha256(model) });
  });

  it('a chunk at the wrong offset is refused with the offset to resume from', async () => {
    const { ctx, up } = await fresh();
    const data = Buffer.from('0123456789');
    const { uploadId } = await up.beginUpload({ name: 'x.wav', size: data.length });
    expect(await refusal(up.uploadChunk({ uploadId, offset: 4, data: b64(data.subarray(4)) }))).toEqual({ code: 'upload.offset', params: { expected: 0 } });
    await up.uploadChunk({ uploadId, offset: 0, data: b64(data.subarray(0, 4)) });
    // A retry of a chunk already written, and a gap, both say where to resume.
    expect(await refusal(up.uploadChunk({ uploadId, offset: 0, data: b64(data.subarray(0, 4)) }))).toEqual({ code: 'upload.offset', params: { expected: 4 } });
    expect(await refusal(up.uploadChunk({ uploadId, offset: 6, data: b64(data.subarray(6)) }))).toEqual({ code: 'upload.offset', params: { expected: 4 } });
    expect(await up.uploadChunk({ uploadId, offset: 4, data: b64(data.subarray(4)) })).toEqual({ received: 10 });
    // Nothing beyond the declared size.
    expect((await refusal(up.uploadChunk({ uploadId, offset: 10, data: b64(Buffer.from('!')) }))).code).toBe('validation');
    expect(await readFile((await takeUpload(ctx, uploadId)).file, 'utf8')).toBe('0123456789');
  });

  it('refuses data that is not strict base64, and writes nothing of it', async () => {
    const { ctx, up } = await fresh();
    const { uploadId } = await up.beginUpload({ name: 'x.bin', size: 4 });
    for (const data of ['@@@', 'QQ', 'QUJD=', 'QU JD', 'QUJD\n', 'QU-_']) {
      expect((await refusal(up.uploadChunk({ uploadId, offset: 0, data }))).code, data).toBe('validation');
    }
    expect((await stat(join(uploadsDir(ctx), uploadId))).size).toBe(0);
    expect(await up.uploadChunk({ uploadId, offset: 0, data: 'QUJD' })).toEqual({ received: 3 });
    expect(await up.uploadChunk({ uploadId, offset: 3, data: 'RA==' })).toEqual({ received: 4 });
    expect(await readFile(join(uploadsDir(ctx), uploadId), 'utf8')).toBe('ABCD');
  });

  it('the same refusals reach a client through the service boundary', async () => {
    const ctx = await createContext(tempDir('mahdar-uploads-'));
    const service = await createService(ctx);
    const begun = await dispatch(service, 'beginUpload', { name: 'a.wav', size: 3 });
    const uploadId = (begun as { value: { uploadId: string } }).value.uploadId;
    expect(await dispatch(service, 'uploadChunk', { uploadId, offset: 1, data: 'QUJD' })).toEqual({
      ok: false,
      error: { code: 'upload.offset', params: { expected: 0 } },
    });
    expect(await dispatch(service, 'uploadChunk', { uploadId, offset: 0, data: '@@@' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('declared size', () => {
  it('a file beyond the limit is refused before any byte is sent, the limit named, through the contract too', async () => {
    const { ctx, up } = await fresh();
    expect(await refusal(up.beginUpload({ name: 'huge.wav', size: MAX_UPLOAD_BYTES + 1 }))).toEqual({ code: 'upload.tooLarge', params: { limit: '8 GiB' } });
    expect(await filesIn(ctx)).toEqual([]);
    // The contract's schema lets the size through, so the secretary reads the limit, not "invalid".
    const service = await createService(ctx);
    expect(await dispatch(service, 'beginUpload', { name: 'huge.wav', size: MAX_UPLOAD_BYTES + 1 })).toEqual({
      ok: false,
      error: { code: 'upload.tooLarge', params: { limit: '8 GiB' } },
    });
    // Exactly the limit is accepted (on a disk with room for it).
    disk.free = MAX_UPLOAD_BYTES * 2;
    expect((await up.beginUpload({ name: 'big.wav', size: MAX_UPLOAD_BYTES })).uploadId).toMatch(/^u-/);
  });

  it('a file larger than the free disk is refused at beginUpload, counting what open uploads still need', async () => {
    const { ctx, up } = await fresh();
    disk.free = 1000;
    expect(await refusal(up.beginUpload({ name: 'a.wav', size: 1001 }))).toEqual({ code: 'upload.noSpace', params: { needed: '1001 B', free: '1000 B' } });
    const { uploadId } = await up.beginUpload({ name: 'a.wav', size: 600 });
    await up.uploadChunk({ uploadId, offset: 0, data: b64(Buffer.alloc(100)) });
    // 500 bytes of the first upload are still to come: 500 are left for a second one.
    expect((await refusal(up.beginUpload({ name: 'b.wav', size: 501 }))).code).toBe('upload.noSpace');
    expect((await up.beginUpload({ name: 'b.wav', size: 500 })).uploadId).toMatch(/^u-/);
    expect(await filesIn(ctx)).toHaveLength(2);
  });
});

describe('abandoned uploads', () => {
  it('expire an hour after their last chunk and are swept by the timer', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { ctx, up } = await fresh();
    const old = await up.beginUpload({ name: 'old.wav', size: 10 });
    await up.uploadChunk({ uploadId: old.uploadId, offset: 0, data: b64(Buffer.from('01234')) });
    vi.advanceTimersByTime(UPLOAD_EXPIRY_MS / 2);
    const recent = await up.beginUpload({ name: 'recent.wav', size: 10 });
    // The timer fires on its own schedule; the sweep it starts is awaited, not slept on.
    vi.advanceTimersByTime(UPLOAD_EXPIRY_MS / 2 + UPLOAD_SWEEP_EVERY_MS);
    await uploadsSwept(ctx);
    expect(existsSync(join(uploadsDir(ctx), old.uploadId))).toBe(false);
    expect(await refusal(up.uploadChunk({ uploadId: old.uploadId, offset: 5, data: b64(Buffer.from('56789')) }))).toMatchObject({ code: 'upload.notFound' });
    // The upload that had news less than an hour ago is kept and continues.
    expect(await up.uploadChunk({ uploadId: recent.uploadId, offset: 0, data: b64(Buffer.from('01234')) })).toEqual({ received: 5 });
  });

  it('are no longer swept once the context is closed (shutdown): its timer is stopped', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { ctx, up } = await fresh();
    const old = await up.beginUpload({ name: 'old.wav', size: 10 });
    expect(vi.getTimerCount()).toBe(1);
    await ctx.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(UPLOAD_EXPIRY_MS + UPLOAD_SWEEP_EVERY_MS);
    await uploadsSwept(ctx);
    // Left to the next start, which clears uploads/.
    expect(await filesIn(ctx)).toEqual([old.uploadId]);
  });

  it('are swept on the next beginUpload too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { ctx, up } = await fresh();
    const old = await up.beginUpload({ name: 'old.wav', size: 10 });
    vi.setSystemTime(Date.now() + UPLOAD_EXPIRY_MS + 1);
    const next = await up.beginUpload({ name: 'next.wav', size: 10 });
    expect(await filesIn(ctx)).toEqual([next.uploadId]);
    expect((await refusal(up.uploadChunk({ uploadId: old.uploadId, offset: 0, data: 'QUJD' }))).code).toBe('upload.notFound');
    expect((await refusal(takeUpload(ctx, old.uploadId))).code).toBe('upload.notFound');
  });
});
