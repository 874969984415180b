// The GGUF language models imported into the app: <dataRoot>/models/llm/<id>.gguf, each with a
// <id>.gguf.label file holding the name it was imported from. An import checks the upload's GGUF
// header (gguf-file.ts) before it moves it in; a file never appears in the folder half-copied.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LanguageModelInfo } from '../../shared/drafting.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError, fsyncDir } from '../archive/atomic-write.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { discardUpload, takeUpload } from '../context/uploads.ts';
import { readGgufHeader } from './gguf-file.ts';

export const languageModelsDir = (ctx: ServiceContext) => join(modelsDir(ctx), 'llm');

/** An id is also a file name: nothing that could climb out of the folder. */
const ID = /^[a-z0-9][a-z0-9._-]{0,80}$/;
const EXT = '.gguf';
const labelFile = (path: string) => `${path}.label`;

/** The file of an imported model (drafting.modelNotFound when there is none). */
export async function languageModelPath(ctx: ServiceContext, modelId: string): Promise<string> {
  if (!ID.test(modelId)) throw new MahdarError('drafting.modelNotFound', { model: modelId });
  const path = join(languageModelsDir(ctx), `${modelId}${EXT}`);
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new MahdarError('drafting.modelNotFound', { model: modelId });
  return path;
}

async function infoOf(id: string, path: string): Promise<LanguageModelInfo | null> {
  const header = await readGgufHeader(path).catch(() => null);
  // A file put there by hand that is not a sound GGUF is not offered.
  if (!header) return null;
  const label = (await readFile(labelFile(path), 'utf8').catch(() => '')).trim() || `${id}${EXT}`;
  return { id, label, sizeBytes: header.sizeBytes, architecture: header.architecture };
}

/** The imported models, by label. */
export async function listLanguageModels(ctx: ServiceContext): Promise<LanguageModelInfo[]> {
  const dir = languageModelsDir(ctx);
  const out: LanguageModelInfo[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const id = name.endsWith(EXT) ? name.slice(0, -EXT.length) : '';
    if (!ID.test(id)) continue;
    const info = await infoOf(id, join(dir, name));
    if (info) out.push(info);
  }
  return out.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** The file name's ASCII words joined by '-': `Qwen2.5 7B (Q4_K_M).gguf` → `qwen2.5-7b-q4_k_m`. */
function slug(name: string): string {
  const words = basename(name).replace(/\.gguf$/i, '').toLowerCase().match(/[a-z0-9]+(?:[._][a-z0-9]+)*/g) ?? [];
  return words.join('-').slice(0, 60).replace(/[-._]+$/, '') || 'model';
}

/** A free id from the file's name: qwen2.5-7b-instruct-q4_k_m, then …-2, …-3. */
async function freeId(dir: string, name: string): Promise<string> {
  const stem = slug(name);
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!(await stat(join(dir, `${id}${EXT}`)).catch(() => null))) return id;
  }
}

/**
 * Moves an uploaded GGUF file into models/llm/ (drafting.notGguf for any other file, which is
 * deleted with its upload). The upload is in the same data root: the move is a rename, not a copy.
 */
export async function importLanguageModel(ctx: ServiceContext, uploadId: string): Promise<LanguageModelInfo> {
  const { file, name } = await takeUpload(ctx, uploadId);
  try {
    await readGgufHeader(file);
    const info = await install(languageModelsDir(ctx), file, name);
    if (!info) throw new MahdarError('drafting.notGguf', { detail: 'not readable after import' });
    return info;
  } catch (err) {
    throw asDiskError(err);
  } finally {
    await discardUpload(ctx, uploadId).catch(() => undefined);
  }
}

/** Renames the checked file into `dir` under a free id, beside its label; nothing stays behind if it fails. */
async function install(dir: string, file: string, name: string): Promise<LanguageModelInfo | null> {
  await mkdir(dir, { recursive: true });
  const id = await freeId(dir, name);
  const target = join(dir, `${id}${EXT}`);
  // The label is written under a hidden name first, then the model and its label appear.
  const tmpLabel = join(dir, `.${id}${EXT}.label.tmp`);
  try {
    await writeFile(tmpLabel, `${basename(name)}\n`);
    await rename(file, target);
    await rename(tmpLabel, labelFile(target));
    await fsyncDir(dir).catch(() => undefined);
  } catch (err) {
    await Promise.all([tmpLabel, target, labelFile(target)].map((f) => rm(f, { force: true }).catch(() => undefined)));
    throw err;
  }
  return infoOf(id, target);
}

export async function removeLanguageModel(ctx: ServiceContext, modelId: string): Promise<{ removed: true }> {
  const path = await languageModelPath(ctx, modelId);
  await rm(path, { force: true });
  await rm(labelFile(path), { force: true });
  return { removed: true };
}
