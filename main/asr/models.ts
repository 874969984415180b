// Whisper models on this computer: the official catalogue (download with progress, resume and
// checksum), models imported from a file (offline sites), and read-only folders of models
// (ctx.modelDirs, e.g. ../shared/models for tests). A model is only ever installed by an atomic
// rename of a fully verified file, so a half-downloaded or wrong file is never used.
import { rm, stat } from 'node:fs/promises';
import type { ModelInfo } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError } from '../archive/atomic-write.ts';
import type { ServiceContext } from '../context/context.ts';
import { discardUpload, takeUpload } from '../context/uploads.ts';
import { catalogueEntry, MODEL_CATALOGUE, type CatalogueEntry } from './catalogue.ts';
import { withSpeed } from './calibration/store.ts';
import { catalogueInfo, findModels, sidecarSha } from './installed-models.ts';
import { fetchModel, partPath, type DownloadOptions } from './model-download.ts';
import { installUpload } from './model-import.ts';
import { findVadModel } from './vad-model.ts';

// The listing, the download and the import each live in their own module; the app imports them from here.
export { findModels, resolveModel, type LocalModel } from './installed-models.ts';
export { verifyAgainst, type DownloadOptions } from './model-download.ts';

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
    out.push(catalogueInfo(entry, { installed: !!m, source: m?.source === 'local' ? 'local' : 'catalogue', download }));
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
  await fetchModel(ctx, entry, state, opts);
  return (await listModels(ctx, catalogue)).find((m) => m.id === entry.id)!;
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
    const id = await installUpload(ctx, file, name, catalogue, created);
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
