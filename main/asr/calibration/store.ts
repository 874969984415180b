// The speeds measured by "Measure on this computer", kept in <data root>/calibration.json, and
// when one still holds: same model file (id, size, sha256), same engine build, thread count,
// voice detection, decoding settings and sample. A measure taken in another set-up is not shown:
// after the secretary changes the threads, the engine is rebuilt or an update changes the
// decoding defaults, an old speed would mislead.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelInfo } from '../../../shared/api.ts';
import { writeFileAtomic } from '../../archive/atomic-write.ts';
import type { ServiceContext } from '../../context/context.ts';
import { readSettings } from '../../context/settings.ts';
import type { CatalogueEntry } from '../catalogue.ts';
import { DEFAULT_DECODE } from '../decode-options.ts';
import { engineCandidates, resolveThreads } from '../engine.ts';
import { recommendModel, secondsPerHour } from './recommend.ts';
import { calibrationSample } from './sample.ts';

export const CALIBRATION_FILE = 'calibration.json';

/** What a measure depends on besides the model file. */
export interface Setup {
  threads: number;
  vad: boolean;
  /** The engine binary's size and mtime (a rebuild changes speed); null when not built. */
  engine: string | null;
  /** The sample's sha256; null when it is missing. */
  sample: string | null;
  /** The decoding settings the measure ran with (DEFAULT_DECODE, as JSON). */
  decoding: string;
}

/** One model's measure, as stored. */
export interface Measure extends Setup {
  modelId: string;
  sizeBytes: number;
  sha256: string | null;
  /** Length of the sample, and wall-clock seconds from the engine's start to its exit. */
  audioSec: number;
  wallSec: number;
  /** The encoder windows whisper.cpp ran on the sample and the time of one (null: it printed no timings). */
  encoderWindows: number | null;
  encoderSecPerWindow: number | null;
  /** Seconds of work per second of a meeting: wallSec with the windows counted at a meeting's rate (meeting-windows.ts). */
  rtf: number;
  measuredAt: string;
}

interface StoredFile {
  /** 2: rtf counts the sample's encoder windows at a meeting's rate. A version 1 file (wall clock over audio) is not read: measure again. */
  version: 2;
  models: Record<string, Measure>;
}

const file = (ctx: ServiceContext) => join(ctx.dataRoot, CALIBRATION_FILE);

/** The stored measures by model id; a missing or damaged file is no measures (measure again). */
export async function readMeasures(ctx: ServiceContext): Promise<Record<string, Measure>> {
  try {
    const parsed = JSON.parse(await readFile(file(ctx), 'utf8')) as Partial<StoredFile>;
    if (parsed?.version !== 2 || typeof parsed.models !== 'object' || !parsed.models) return {};
    const out: Record<string, Measure> = {};
    for (const [id, m] of Object.entries(parsed.models)) {
      if (m && m.modelId === id && typeof m.rtf === 'number' && m.rtf > 0 && Number.isFinite(m.rtf)) out[id] = m;
    }
    return out;
  } catch {
    return {};
  }
}

/** Saves one model's measure beside the others (atomic write: a crash leaves the old file or the new). */
export async function saveMeasure(ctx: ServiceContext, measure: Measure): Promise<void> {
  const models = { ...(await readMeasures(ctx)), [measure.modelId]: measure };
  const data: StoredFile = { version: 2, models };
  await writeFileAtomic(file(ctx), JSON.stringify(data, null, 2));
}

async function engineFingerprint(): Promise<string | null> {
  for (const p of engineCandidates()) {
    const st = await stat(p).catch(() => null);
    if (st?.isFile()) return `${st.size}:${Math.round(st.mtimeMs)}`;
  }
  return null;
}

/** This computer's set-up now: the settings' threads, whether voice detection runs, the engine, the sample. */
export async function currentSetup(ctx: ServiceContext, vad: boolean): Promise<Setup> {
  const settings = await readSettings(ctx);
  const sample = await calibrationSample().catch(() => null);
  return {
    threads: resolveThreads(undefined, settings.threads),
    vad,
    engine: await engineFingerprint(),
    sample: sample?.sha256 ?? null,
    decoding: JSON.stringify(DEFAULT_DECODE),
  };
}

/** Whether a stored measure belongs to this model file and this set-up. */
export function measureHolds(m: Measure, model: Pick<ModelInfo, 'id' | 'sizeBytes' | 'sha256'>, setup: Setup): boolean {
  return (
    m.modelId === model.id &&
    m.sizeBytes === model.sizeBytes &&
    m.sha256 === model.sha256 &&
    m.threads === setup.threads &&
    m.vad === setup.vad &&
    m.engine === setup.engine &&
    m.sample === setup.sample &&
    // A measure stored before this field existed has none: it ran with other defaults.
    m.decoding === setup.decoding
  );
}

/**
 * The models with their measured speed (installed models whose measure still holds) and the
 * recommendation (recommend.ts): what listModels returns.
 */
export async function withSpeed(ctx: ServiceContext, models: ModelInfo[], catalogue: readonly CatalogueEntry[], vad: boolean): Promise<ModelInfo[]> {
  const measures = await readMeasures(ctx);
  const setup = Object.keys(measures).length ? await currentSetup(ctx, vad) : null;
  const speedOf = (m: ModelInfo): ModelInfo['speed'] => {
    const measure = measures[m.id];
    if (!setup || !measure || !m.installed || !measureHolds(measure, m, setup)) return null;
    return { rtf: measure.rtf, secPerHour: secondsPerHour(measure.rtf), threads: measure.threads, measuredAt: measure.measuredAt };
  };
  const withSpeeds = models.map((m) => ({ ...m, speed: speedOf(m) }));
  const chosen = recommendModel(
    withSpeeds.map((m) => {
      const entry = catalogue.find((c) => c.id === m.id);
      return { id: m.id, accuracyRank: entry?.accuracyRank ?? null, rtf: m.speed?.rtf ?? null, trial: entry?.use === 'trial' };
    }),
  );
  return withSpeeds.map((m) => ({ ...m, recommended: m.id === chosen }));
}
