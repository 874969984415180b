// The Whisper models installed on this computer: the files in the data root's models/ and in
// the read-only folders of ctx.modelDirs (e.g. ../shared/models for tests), the ids their names
// give, and the model a job uses when none was chosen.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelInfo } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { MODEL_CATALOGUE, type CatalogueEntry } from './catalogue.ts';
import { validateModelFile } from './model-file.ts';
import { VAD_FILE } from './vad-model.ts';

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

/** A Whisper model's id from its file name (ggml-<id>.bin); null for other files and the voice-activity model. */
export function idFromFileName(name: string): string | null {
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

/** The checksum an imported model's .sha256 file holds; null when there is none or it is not one. */
export async function sidecarSha(path: string): Promise<string | null> {
  const s = await readFile(`${path}.sha256`, 'utf8').catch(() => null);
  return s && /^[0-9a-f]{64}$/.test(s.trim()) ? s.trim() : null;
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

/** How a catalogue model shows in the list of models (listModels, download progress). */
export function catalogueInfo(entry: CatalogueEntry, state: Pick<ModelInfo, 'installed' | 'source' | 'download'>): ModelInfo {
  return {
    id: entry.id,
    label: entry.label,
    sizeBytes: entry.sizeBytes,
    sha256: entry.sha256,
    installed: state.installed,
    source: state.source,
    download: state.download,
    use: entry.use ?? null,
    speed: null,
    recommended: false,
  };
}
