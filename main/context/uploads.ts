// Uploads: the UI sends a file's bytes in bounded chunks and receives an id; later commands
// (import audio, import model) name that id. No path ever crosses the trust boundary.
// One writer per upload: chunks are written one after the other, each exactly at the end of what
// was received, so two requests carrying the same chunk cannot interleave their bytes.
import { mkdir, open, readdir, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { idSchema, newId } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { MAX_UPLOAD_BYTES, type MahdarService } from '../../shared/api.ts';
import { formatBytes } from '../../shared/text/bytes.ts';
import { asDiskError } from '../archive/atomic-write.ts';
import { uploadsDir, type ServiceContext } from './context.ts';
import type { Upload, UploadTable } from './upload-table.ts';

/** An upload with no chunk for this long is abandoned: its file is deleted. */
export const UPLOAD_EXPIRY_MS = 60 * 60 * 1000;
/** How often abandoned uploads are looked for while some upload is open. */
export const UPLOAD_SWEEP_EVERY_MS = 5 * 60 * 1000;

/** The context's uploads in progress (upload-table.ts). */
const stateOf = (ctx: ServiceContext): UploadTable => ctx.uploads;

export function uploadPath(ctx: ServiceContext, uploadId: string): string {
  if (!idSchema.safeParse(uploadId).success) throw new MahdarError('upload.notFound');
  return join(uploadsDir(ctx), uploadId);
}

/**
 * The finished upload's file and original name; refuses an unknown, incomplete or already taken
 * upload. A finished upload is claimed: later chunks are refused and it is not swept while in use.
 */
export async function takeUpload(ctx: ServiceContext, uploadId: string): Promise<{ file: string; name: string }> {
  const file = uploadPath(ctx, uploadId);
  const meta = stateOf(ctx).uploads.get(uploadId);
  if (!meta || meta.taken) throw new MahdarError('upload.notFound');
  meta.taken = true;
  await meta.tail;
  const st = await stat(file).catch(() => null);
  if (meta.received !== meta.size || !st || st.size !== meta.size) {
    // Not finished: the client may still send the rest (or the upload expires).
    meta.taken = false;
    throw new MahdarError('upload.notFound');
  }
  return { file, name: meta.name };
}

export async function discardUpload(ctx: ServiceContext, uploadId: string): Promise<void> {
  const state = stateOf(ctx);
  state.uploads.delete(uploadId);
  updateTimer(ctx, state);
  await rm(uploadPath(ctx, uploadId), { force: true });
}

/** Uploads do not survive a restart (their metadata is in memory): clear leftovers at start. */
export async function clearUploads(ctx: ServiceContext): Promise<void> {
  const state = stateOf(ctx);
  state.uploads.clear();
  updateTimer(ctx, state);
  const dir = uploadsDir(ctx);
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) await rm(join(dir, f), { force: true, recursive: true });
}

/**
 * Deletes uploads with no chunk for UPLOAD_EXPIRY_MS (an import in progress is kept), and files
 * in uploads/ that no upload owns. Runs on each beginUpload and on a timer while uploads are open.
 */
export function sweepUploads(ctx: ServiceContext): Promise<void> {
  const state = stateOf(ctx);
  const run = state.sweeping.then(async () => {
    const now = Date.now();
    for (const [id, u] of state.uploads) {
      if (u.taken || now - u.touched < UPLOAD_EXPIRY_MS) continue;
      state.uploads.delete(id);
      await rm(join(uploadsDir(ctx), id), { force: true }).catch(() => undefined);
    }
    const names = await readdir(uploadsDir(ctx)).catch(() => [] as string[]);
    for (const name of names) {
      if (!state.uploads.has(name)) await rm(join(uploadsDir(ctx), name), { force: true, recursive: true }).catch(() => undefined);
    }
    updateTimer(ctx, state);
  });
  state.sweeping = run.catch(() => undefined);
  return run;
}

/** The sweep now running (or the last one) has finished. */
export function uploadsSwept(ctx: ServiceContext): Promise<void> {
  return stateOf(ctx).sweeping;
}

/** A timer only while uploads are open, and one that never keeps the process alive. */
function updateTimer(ctx: ServiceContext, state: UploadTable): void {
  if (state.uploads.size > 0 && !state.timer) {
    state.timer = setInterval(() => void sweepUploads(ctx).catch(() => undefined), UPLOAD_SWEEP_EVERY_MS);
    state.timer.unref();
  } else if (state.uploads.size === 0 && state.timer) {
    clearInterval(state.timer);
    state.timer = null;
  }
}

/** Free bytes for uploads/, or null where the platform cannot say. */
async function freeBytes(dir: string): Promise<number | null> {
  try {
    const fs = await statfs(dir);
    return Number(fs.bavail) * Number(fs.bsize);
  } catch {
    return null;
  }
}

/** Base64 exactly as a browser's btoa writes it: a string that does not round-trip is refused. */
function decodeBase64(data: string): Buffer {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.toString('base64') !== data) throw new MahdarError('validation', { detail: 'data: not base64' });
  return bytes;
}

export function uploadCommands(ctx: ServiceContext): Pick<MahdarService, 'beginUpload' | 'uploadChunk'> {
  const state = stateOf(ctx);
  return {
    async beginUpload({ name, size }) {
      await sweepUploads(ctx);
      if (size > MAX_UPLOAD_BYTES) throw new MahdarError('upload.tooLarge', { limit: formatBytes(MAX_UPLOAD_BYTES) });
      const dir = uploadsDir(ctx);
      await mkdir(dir, { recursive: true });
      // Room for this file and for what the uploads already open still have to send.
      let pending = 0;
      for (const u of state.uploads.values()) if (!u.taken) pending += u.size - u.received;
      const free = await freeBytes(dir);
      if (free !== null && size + pending > free) {
        throw new MahdarError('upload.noSpace', { needed: formatBytes(size), free: formatBytes(Math.max(0, free - pending)) });
      }
      const uploadId = newId('u');
      // Registered before the file exists, so that a sweep never takes the new file for a leftover.
      const meta: Upload = { name, size, received: 0, touched: Date.now(), taken: false, tail: Promise.resolve() };
      state.uploads.set(uploadId, meta);
      try {
        await (await open(uploadPath(ctx, uploadId), 'wx')).close();
      } catch (err) {
        state.uploads.delete(uploadId);
        throw asDiskError(err);
      }
      updateTimer(ctx, state);
      return { uploadId };
    },
    async uploadChunk({ uploadId, offset, data }) {
      const meta = state.uploads.get(uploadId);
      if (!meta || meta.taken) throw new MahdarError('upload.notFound');
      const bytes = decodeBase64(data);
      meta.touched = Date.now();
      const write = meta.tail.then(async () => {
        if (state.uploads.get(uploadId) !== meta || meta.taken) throw new MahdarError('upload.notFound');
        // A chunk goes exactly at the end of what was received: a repeated or skipped chunk is
        // refused with the offset to resume from.
        if (offset !== meta.received) throw new MahdarError('upload.offset', { expected: meta.received });
        if (meta.received + bytes.length > meta.size) {
          throw new MahdarError('validation', { detail: `data beyond the declared size (${meta.size} bytes)` });
        }
        if (bytes.length === 0) return meta.received;
        const fh = await open(uploadPath(ctx, uploadId), 'r+');
        try {
          const { bytesWritten } = await fh.write(bytes, 0, bytes.length, offset);
          if (bytesWritten !== bytes.length) throw new MahdarError('disk.full');
        } catch (err) {
          // Nothing of a failed chunk is kept, so the same chunk can be sent again.
          await fh.truncate(meta.received).catch(() => undefined);
          throw asDiskError(err);
        } finally {
          await fh.close();
        }
        meta.received += bytes.length;
        meta.touched = Date.now();
        return meta.received;
      });
      meta.tail = write.catch(() => undefined);
      return { received: await write };
    },
  };
}
