// Uploads: the UI sends a file's bytes in bounded chunks and receives an id; later commands
// (import audio, import model) name that id. No path ever crosses the trust boundary.
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { idSchema, newId } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { MahdarService } from '../../shared/api.ts';
import { asDiskError } from '../archive/atomic-write.ts';
import { uploadsDir, type ServiceContext } from './context.ts';

interface UploadMeta {
  name: string;
  size: number;
}
/** Uploads in progress, per service context (they do not outlive the process). */
const uploadsByContext = new WeakMap<ServiceContext, Map<string, UploadMeta>>();
function uploadsOf(ctx: ServiceContext): Map<string, UploadMeta> {
  let m = uploadsByContext.get(ctx);
  if (!m) uploadsByContext.set(ctx, (m = new Map()));
  return m;
}

export function uploadPath(ctx: ServiceContext, uploadId: string): string {
  if (!idSchema.safeParse(uploadId).success) throw new MahdarError('upload.notFound');
  return join(uploadsDir(ctx), uploadId);
}

/** The finished upload's file and original name; refuses an unknown or incomplete upload. */
export async function takeUpload(ctx: ServiceContext, uploadId: string): Promise<{ file: string; name: string }> {
  const file = uploadPath(ctx, uploadId);
  const meta = uploadsOf(ctx).get(uploadId);
  const st = await stat(file).catch(() => null);
  if (!meta || !st || st.size !== meta.size) throw new MahdarError('upload.notFound');
  return { file, name: meta.name };
}

export async function discardUpload(ctx: ServiceContext, uploadId: string): Promise<void> {
  uploadsOf(ctx).delete(uploadId);
  await rm(uploadPath(ctx, uploadId), { force: true });
}

/** Uploads do not survive a restart (their metadata is in memory): clear leftovers at start. */
export async function clearUploads(ctx: ServiceContext): Promise<void> {
  const dir = uploadsDir(ctx);
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) await rm(join(dir, f), { force: true, recursive: true });
}

export function uploadCommands(ctx: ServiceContext): Pick<MahdarService, 'beginUpload' | 'uploadChunk'> {
  return {
    async beginUpload({ name, size }) {
      const uploadId = newId('u');
      await mkdir(uploadsDir(ctx), { recursive: true });
      try {
        await (await open(uploadPath(ctx, uploadId), 'wx')).close();
      } catch (err) {
        throw asDiskError(err);
      }
      uploadsOf(ctx).set(uploadId, { name, size });
      return { uploadId };
    },
    async uploadChunk({ uploadId, offset, data }) {
      const meta = uploadsOf(ctx).get(uploadId);
      if (!meta) throw new MahdarError('upload.notFound');
      const bytes = Buffer.from(data, 'base64');
      const file = uploadPath(ctx, uploadId);
      const current = (await stat(file)).size;
      // Chunks arrive in order; a repeated chunk (a retry) is acknowledged, a gap is refused.
      if (offset !== current && offset + bytes.length !== current) {
        throw new MahdarError('validation', { detail: `offset ${offset}, expected ${current}` });
      }
      if (offset + bytes.length > meta.size) throw new MahdarError('request.tooLarge');
      if (offset === current) {
        const fh = await open(file, 'a');
        try {
          await fh.write(bytes);
        } catch (err) {
          throw asDiskError(err);
        } finally {
          await fh.close();
        }
      }
      return { received: offset + bytes.length };
    },
  };
}
