// Downloading a catalogue model (models.ts, downloadModel): resumed from its .part file with
// HTTP Range requests, retried at once while a connection makes progress, and renamed into place
// only after its size, checksum and ggml header were verified.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError, fsyncDir } from '../archive/atomic-write.ts';
import { hashFile } from '../archive/file-hash.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { entryUrl, type CatalogueEntry } from './catalogue.ts';
import { catalogueInfo } from './installed-models.ts';
import { validateModelFile } from './model-file.ts';

/** Bytes received of a download, and of the whole file. */
export interface DownloadState {
  received: number;
  total: number;
}

/** The partial file of a download, hidden in models/. */
export function partPath(ctx: ServiceContext, entry: CatalogueEntry): string {
  return join(modelsDir(ctx), `.${entry.fileName}.part`);
}

/** Checks a complete file against every checksum the catalogue knows for it. */
export async function verifyAgainst(entry: CatalogueEntry, path: string): Promise<string> {
  const st = await stat(path);
  if (st.size !== entry.sizeBytes) throw new MahdarError('model.checksum');
  const sha256 = await hashFile(path, 'sha256');
  if (entry.sha256 && sha256 !== entry.sha256) throw new MahdarError('model.checksum');
  if (!entry.sha256 && entry.sha1 && (await hashFile(path, 'sha1')) !== entry.sha1) throw new MahdarError('model.checksum');
  return sha256;
}

export interface DownloadOptions {
  /** Tests use a catalogue of their own (a small file on a local server). */
  catalogue?: readonly CatalogueEntry[];
  /** Attempts after a dropped connection that made progress (each resumes with Range). */
  retries?: number;
  /** Milliseconds between progress events. */
  progressEveryMs?: number;
}

/**
 * Downloads a catalogue model into modelsDir(ctx) unless a file of its size is there: publishes
 * {type:'model'} progress events, verifies the complete file, then renames it into place.
 */
export async function fetchModel(ctx: ServiceContext, entry: CatalogueEntry, state: DownloadState, opts: DownloadOptions): Promise<void> {
  const dir = modelsDir(ctx);
  await mkdir(dir, { recursive: true });
  const target = join(dir, entry.fileName);
  const existing = await stat(target).catch(() => null);
  if (existing && existing.size === entry.sizeBytes) return;
  const part = partPath(ctx, entry);
  const progress = progressEvents(ctx, entry, state, opts.progressEveryMs ?? 250);
  await fetchResuming(entryUrl(entry), part, entry.sizeBytes, state, opts.retries ?? 3, progress);
  progress(true);
  await installVerified(entry, part, target);
}

/** Publishes the download's progress: at most every `everyMs`, unless forced. */
function progressEvents(ctx: ServiceContext, entry: CatalogueEntry, state: DownloadState, everyMs: number): (force?: boolean) => void {
  let lastEvent = 0;
  return (force = false) => {
    const now = Date.now();
    if (!force && now - lastEvent < everyMs) return;
    lastEvent = now;
    const download = { received: state.received, total: state.total };
    ctx.events.publish({ type: 'model', model: catalogueInfo(entry, { installed: false, source: 'catalogue', download }) });
  };
}

/**
 * Fetches into `part` until it holds `size` bytes. After a dropped connection it retries at once
 * (up to `retries` times) only when the attempt made progress; otherwise it reports and throws,
 * and a later call resumes.
 */
async function fetchResuming(url: string, part: string, size: number, state: DownloadState, retries: number, progress: (force?: boolean) => void): Promise<void> {
  for (let attempts = retries; ; attempts--) {
    const have = (await stat(part).catch(() => null))?.size ?? 0;
    state.received = have;
    if (have >= size) return;
    try {
      await fetchInto(url, part, have, size, (n) => {
        state.received = n;
        progress();
      });
      return;
    } catch (err) {
      if (err instanceof MahdarError && err.code !== 'model.download') throw err;
      const now = (await stat(part).catch(() => null))?.size ?? 0;
      if (attempts > 0 && now > have) continue;
      progress(true);
      throw err instanceof MahdarError ? err : new MahdarError('model.download', { detail: String((err as Error).message ?? err).slice(0, 200) });
    }
  }
}

/** Checks the complete file and renames it into place; a file that fails is removed (the next download starts over). */
async function installVerified(entry: CatalogueEntry, part: string, target: string): Promise<void> {
  try {
    await verifyAgainst(entry, part);
    await validateModelFile(part);
    await rename(part, target);
    await fsyncDir(dirname(target)).catch(() => undefined);
  } catch (err) {
    await rm(part, { force: true }).catch(() => undefined);
    throw err instanceof MahdarError ? err : asDiskError(err);
  }
}

/** GET `url` from byte `from` (Range) and append to `file`; truncates first when the server ignores Range. */
async function fetchInto(url: string, file: string, from: number, total: number, onBytes: (n: number) => void): Promise<void> {
  const headers: Record<string, string> = {};
  if (from > 0) headers.Range = `bytes=${from}-`;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'follow' });
  } catch (err) {
    throw new MahdarError('model.download', { detail: String((err as Error).cause ?? (err as Error).message).slice(0, 200) });
  }
  if (res.status === 416 && from > 0) return; // already complete: the checksum decides
  if (res.status !== 200 && res.status !== 206) {
    await res.body?.cancel().catch(() => undefined);
    throw new MahdarError('model.download', { detail: `HTTP ${res.status}` });
  }
  let offset = from;
  if (res.status === 200 || !res.body) offset = 0; // full body: start the file over
  const fh = await open(file, offset === 0 ? 'w' : 'a');
  try {
    if (!res.body) throw new MahdarError('model.download', { detail: 'empty response' });
    const reader = res.body.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw new MahdarError('model.download', { detail: String((err as Error).cause ?? (err as Error).message ?? err).slice(0, 200) });
      }
      if (chunk.done) break;
      if (offset + chunk.value.length > total) {
        await reader.cancel().catch(() => undefined);
        throw new MahdarError('model.checksum');
      }
      try {
        await fh.write(chunk.value);
      } catch (err) {
        throw asDiskError(err);
      }
      offset += chunk.value.length;
      onBytes(offset);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (offset < total) throw new MahdarError('model.download', { detail: `connection closed at ${offset} of ${total} bytes` });
}
