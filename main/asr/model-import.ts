// Installing a model sent as an upload (models.ts, importModel): the checks it must pass and the
// name it is installed under.
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MahdarError } from '../../shared/errors.ts';
import { fsyncDir } from '../archive/atomic-write.ts';
import { hashFile } from '../archive/file-hash.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { idFromFileName, sidecarSha } from './installed-models.ts';
import { verifyAgainst } from './model-download.ts';
import { validateModelFile } from './model-file.ts';

/**
 * Moves an uploaded file into models/ and returns the model's id. The file must be a sound,
 * multilingual ggml Whisper model; a file the size of a catalogue model must match that model's
 * checksum. Every path it creates in models/ is added to `created`, for the caller to remove if
 * the import fails later.
 */
export async function installUpload(ctx: ServiceContext, file: string, name: string, catalogue: readonly CatalogueEntry[], created: string[]): Promise<string> {
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
  return id;
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
