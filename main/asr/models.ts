// Whisper models on this computer: the official catalogue (download with progress, resume and
// checksum), models imported from a file (offline sites), and read-only folders of models
// (ctx.modelDirs, e.g. ../shared/models for tests). A model is only ever installed by an atomic
// rename of a fully verified file, so a half-downloaded or wrong file is never used.
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ModelInfo } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError, fsyncDir } from '../archive/atomic-write.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { discardUpload, takeUpload } from '../context/uploads.ts';
import { catalogueEntry, entryUrl, MODEL_CATALOGUE, type CatalogueEntry } from './catalogue.ts';
import { validateModelFile } from './model-file.ts';
import { hashFile } from '../archive/file-hash.ts';
import { withSpeed } from './calibration/store.ts';
import { findVadModel, VAD_FILE } from './vad-model.ts';

/** A model file found on disk. */
export interface LocalModel {
  id: string;
  path: string;
  sizeBytes: number;
  source: ModelInfo['source'];
  entry: CatalogueEntry | undefined;
}

/** Preference when no model was chosen: the most accurate installed one first. */
const PREFERENCE = ['large-v3-turbo', 'large-v3-turbo-q5_0', 'medium', 'medium-q5_0', 'small', 'small-q5_1', 'base', 'base-q5_1', 'tiny', 'tiny-q5_1'];

/** Names that say "voice activity model", never listed or installed as Whisper models. */
const VAD_WORD = /(?:^|[-_.])(?:silero|vad)(?:[-_.]|$)/i;

function idFromFileName(name: string): string | null {
  const m = /^(?:ggml-)?([a-z0-9][a-z0-9._-]{0,80})\.bin$/i.exec(name);
  if (!m) return null;
  const id = m[1]!.toLowerCase();
  // The voice-activity model lives beside the Whisper models but is not one.
  if (VAD_FILE.test(name) || VAD_WORD.test(id)) return null;
  return id;
}

async function filesIn(dir: string): Promise<{ name: string; path: string; size: number }[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: { name: string; path: string; size: number }[] = [];
  for (const name of names) {
    if (!name.endsWith('.bin') || name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = await stat(path).catch(() => null);
    if (st?.isFile()) out.push({ name, path, size: st.size });
  }
  return out;
}

/** Every usable-looking model file: the data root's models/ first, then ctx.modelDirs. */
export async function findModels(ctx: ServiceContext, catalogue: readonly CatalogueEntry[] = MODEL_CATALOGUE): Promise<LocalModel[]> {
  const found = new Map<string, LocalModel>();
  const sources: [string, ModelInfo['source'] | null][] = [[modelsDir(ctx), null], ...ctx.modelDirs.map((d) => [d, 'local'] as [string, 'local'])];
  for (const [dir, source] of sources) {
    for (const f of await filesIn(dir)) {
      const id = idFromFileName(f.name);
      if (!id || found.has(id)) continue;
      const entry = catalogue.find((c) => c.fileName === f.name);
      // A catalogue file of the wrong size is not that model (an interrupted copy, another build).
      if (entry && f.size !== entry.sizeBytes) continue;
      found.set(id, { id, path: f.path, sizeBytes: f.size, source: source ?? (entry ? 'catalogue' : 'imported'), entry });
    }
  }
  return [...found.values()];
}

function partPath(ctx: ServiceContext, entry: CatalogueEntry): string {
  return join(modelsDir(ctx), `.${entry.fileName}.part`);
}

async function sidecarSha(path: string): Promise<string | null> {
  const s = await readFile(`${path}.sha256`, 'utf8').catch(() => null);
  return s && /^[0-9a-f]{64}$/.test(s.trim()) ? s.trim() : null;
}

export async function listModels(ctx: ServiceContext, catalogue: readonly CatalogueEntry[] = MODEL_CATALOGUE): Promise<ModelInfo[]> {
  const local = await findModels(ctx, catalogue);
  const byId = new Map(local.map((m) => [m.id, m]));
  const out: ModelInfo[] = [];
  for (const entry of catalogue) {
    const m = byId.get(entry.id);
    const d = ctx.downloads.get(entry.id);
    let download: ModelInfo['download'] = d && !m ? { received: d.received, total: d.total } : null;
    if (!download && !m) {
      const part = await stat(partPath(ctx, entry)).catch(() => null);
      if (part) download = { received: part.size, total: entry.sizeBytes };
    }
    out.push({
      id: entry.id,
      label: entry.label,
      sizeBytes: entry.sizeBytes,
      sha256: entry.sha256,
      installed: !!m,
      source: m?.source === 'local' ? 'local' : 'catalogue',
      download,
      use: entry.use ?? null,
      speed: null,
      recommended: false,
    });
  }
  for (const m of local) {
    if (catalogue.some((c) => c.id === m.id)) continue;
    out.push({
      id: m.id,
      label: m.id,
      sizeBytes: m.sizeBytes,
      sha256: await sidecarSha(m.path),
      installed: true,
      source: m.source,
      download: null,
      use: null,
      speed: null,
      recommended: false,
    });
  }
  // The speed measured on this computer, and the model recommended from it (calibration/).
  return withSpeed(ctx, out, catalogue, (await findVadModel(ctx)) !== null);
}

/** The file of a model id, validated (model.notFound / model.invalid). With no id, the best installed model. */
export async function resolveModel(ctx: ServiceContext, modelId?: string | null): Promise<LocalModel> {
  const local = await findModels(ctx);
  let m: LocalModel | undefined;
  if (modelId) m = local.find((x) => x.id === modelId);
  else {
    m = [...local].sort((a, b) => rank(a.id) - rank(b.id))[0];
  }
  if (!m) throw new MahdarError('model.notFound', { model: modelId ?? '—' });
  const header = await validateModelFile(m.path);
  if (!header.multilingual) throw new MahdarError('model.englishOnly');
  return m;
}

function rank(id: string): number {
  const i = PREFERENCE.indexOf(id);
  return i < 0 ? PREFERENCE.length : i;
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

async function installFile(tmp: string, target: string): Promise<void> {
  await rename(tmp, target);
  await fsyncDir(modelsDir0(target)).catch(() => undefined);
}
const modelsDir0 = (target: string) => target.slice(0, target.length - basename(target).length - 1);

export interface DownloadOptions {
  /** Tests use a catalogue of their own (a small file on a local server). */
  catalogue?: readonly CatalogueEntry[];
  /** Attempts after a dropped connection that made progress (each resumes with Range). */
  retries?: number;
  /** Milliseconds between progress events. */
  progressEveryMs?: number;
}

/**
 * Downloads a catalogue model into modelsDir(ctx): resumes from the .part file with an HTTP
 * Range request, publishes {type:'model'} progress events, verifies size and checksum, checks the
 * ggml header, then renames into place. A second call for the same model joins the first.
 */
export function downloadModel(ctx: ServiceContext, id: string, opts: DownloadOptions = {}): Promise<ModelInfo> {
  const catalogue = opts.catalogue ?? MODEL_CATALOGUE;
  const entry = catalogueEntry(id, catalogue);
  if (!entry) return Promise.reject(new MahdarError('model.notFound', { model: id }));
  const running = ctx.downloads.get(id);
  if (running) return running.promise;
  const state = { received: 0, total: entry.sizeBytes, promise: null as unknown as Promise<ModelInfo> };
  state.promise = (async () => {
    try {
      return await doDownload(ctx, entry, catalogue, state, opts);
    } finally {
      ctx.downloads.delete(id);
      publishModel(ctx, entry.id, catalogue);
    }
  })();
  ctx.downloads.set(id, state);
  return state.promise;
}

function publishModel(ctx: ServiceContext, id: string, catalogue: readonly CatalogueEntry[]): void {
  void listModels(ctx, catalogue)
    .then((all) => {
      const model = all.find((m) => m.id === id);
      if (model) ctx.events.publish({ type: 'model', model });
    })
    .catch(() => undefined);
}

async function doDownload(
  ctx: ServiceContext,
  entry: CatalogueEntry,
  catalogue: readonly CatalogueEntry[],
  state: { received: number; total: number },
  opts: DownloadOptions,
): Promise<ModelInfo> {
  const dir = modelsDir(ctx);
  await mkdir(dir, { recursive: true });
  const target = join(dir, entry.fileName);
  const existing = await stat(target).catch(() => null);
  if (existing && existing.size === entry.sizeBytes) {
    return (await listModels(ctx, catalogue)).find((m) => m.id === entry.id)!;
  }
  const part = partPath(ctx, entry);
  const url = entryUrl(entry);
  const every = opts.progressEveryMs ?? 250;
  let lastEvent = 0;
  const info = (): ModelInfo => ({
    id: entry.id,
    label: entry.label,
    sizeBytes: entry.sizeBytes,
    sha256: entry.sha256,
    installed: false,
    source: 'catalogue',
    download: { received: state.received, total: state.total },
    use: entry.use ?? null,
    speed: null,
    recommended: false,
  });
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastEvent < every) return;
    lastEvent = now;
    ctx.events.publish({ type: 'model', model: info() });
  };

  let attempts = (opts.retries ?? 3) + 1;
  for (;;) {
    attempts--;
    const have = (await stat(part).catch(() => null))?.size ?? 0;
    state.received = have;
    if (have < entry.sizeBytes) {
      try {
        await fetchInto(url, part, have, entry.sizeBytes, (n) => {
          state.received = n;
          progress();
        });
      } catch (err) {
        if (err instanceof MahdarError && err.code !== 'model.download') throw err;
        const now = (await stat(part).catch(() => null))?.size ?? 0;
        // Retry at once only when this attempt made progress; otherwise report (a later call resumes).
        if (attempts > 0 && now > have) continue;
        progress(true);
        throw err instanceof MahdarError ? err : new MahdarError('model.download', { detail: String((err as Error).message ?? err).slice(0, 200) });
      }
    }
    break;
  }
  progress(true);
  try {
    const sha256 = await verifyAgainst(entry, part);
    await validateModelFile(part);
    await installFile(part, target);
    void sha256;
  } catch (err) {
    // A complete file that fails its checksum is useless: start over next time.
    await rm(part, { force: true }).catch(() => undefined);
    throw err instanceof MahdarError ? err : asDiskError(err);
  }
  return (await listModels(ctx, catalogue)).find((m) => m.id === entry.id)!;
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

function slug(name: string): string {
  const stem = basename(name).replace(/\.bin$/i, '').replace(/^ggml-/i, '');
  const s = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '').slice(0, 60);
  return s || 'model';
}

/**
 * The id an imported (non-catalogue) model is installed under: from its file name, never a
 * catalogue id, never a name that reads as the voice-activity model, and never over another
 * model. Returns `existing` when the same file (same sha256) is already installed under that name.
 */
async function importId(dir: string, name: string, sha256: string, catalogue: readonly CatalogueEntry[]): Promise<{ id: string; existing: boolean }> {
  let stem = slug(name);
  if (catalogue.some((c) => c.id === stem)) stem = `imported-${stem}`;
  if (!idFromFileName(`ggml-${stem}.bin`)) stem = `imported-${sha256.slice(0, 12)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    const target = join(dir, `ggml-${id}.bin`);
    if (!(await stat(target).catch(() => null))) return { id, existing: false };
    if ((await sidecarSha(target)) === sha256) return { id, existing: true };
  }
}

/**
 * Installs a model sent as an upload (an offline site copies it from a USB key). The file must
 * be a sound, multilingual ggml Whisper model; a file the size of a catalogue model must match
 * that model's checksum. A refused import leaves nothing in models/ (no model, no .sha256) and
 * deletes the upload.
 */
export async function importModel(ctx: ServiceContext, uploadId: string, catalogue: readonly CatalogueEntry[] = MODEL_CATALOGUE): Promise<ModelInfo> {
  const { file, name } = await takeUpload(ctx, uploadId);
  // What this import put in models/, removed again if it fails half-way.
  const created: string[] = [];
  try {
    const header = await validateModelFile(file);
    if (!header.multilingual) throw new MahdarError('model.englishOnly');
    const entry = catalogue.find((c) => c.sizeBytes === header.sizeBytes);
    const sha256 = entry ? await verifyAgainst(entry, file) : await hashFile(file, 'sha256');
    const dir = modelsDir(ctx);
    await mkdir(dir, { recursive: true });
    let id: string;
    if (entry) {
      id = entry.id;
      // A catalogue model already installed stays as it is: the upload is the same verified file.
      const target = join(dir, entry.fileName);
      if (!(await stat(target).catch(() => null))) {
        await rename(file, target);
        created.push(target);
      }
    } else {
      const chosen = await importId(dir, name, sha256, catalogue);
      id = chosen.id;
      if (!chosen.existing) {
        const target = join(dir, `ggml-${id}.bin`);
        // The sidecar is written under a hidden name first: a model never appears without it.
        const tmpSidecar = join(dir, `.ggml-${id}.bin.sha256.tmp`);
        created.push(tmpSidecar);
        await writeFile(tmpSidecar, `${sha256}\n`);
        await rename(file, target);
        created.push(target, `${target}.sha256`);
        await rename(tmpSidecar, `${target}.sha256`);
      }
    }
    await fsyncDir(dir).catch(() => undefined);
    const info = (await listModels(ctx, catalogue)).find((m) => m.id === id);
    if (!info) throw new MahdarError('model.invalid', { detail: 'not listed after import' });
    created.length = 0;
    ctx.events.publish({ type: 'model', model: info });
    return info;
  } catch (err) {
    for (const f of created) await rm(f, { force: true }).catch(() => undefined);
    throw asDiskError(err);
  } finally {
    await discardUpload(ctx, uploadId).catch(() => undefined);
  }
}
