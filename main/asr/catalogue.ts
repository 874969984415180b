// The official multilingual Whisper models in whisper.cpp's ggml format, as published at
// https://huggingface.co/ggerganov/whisper.cpp. English-only (.en) models are left out: Mahdar
// transcribes Arabic. Sizes are exact byte counts. SHA-1 values are the ones whisper.cpp's own
// models/README.md lists (vendored in node_modules/nodejs-whisper/cpp/whisper.cpp/models/).
// SHA-256 values are the Hugging Face LFS object ids of the same files: tiny and base confirmed
// here (base byte-identical to ../shared/models/ggml-base.bin); the others agree across several
// independent public catalogues. A download is verified against every checksum known for it.
import { config } from '../config.ts';

export interface CatalogueEntry {
  /** Stable id used by the API and the settings (the file is ggml-<id>.bin). */
  id: string;
  label: string;
  fileName: string;
  sizeBytes: number;
  sha256: string | null;
  sha1: string | null;
  /** Full URL; when absent, `${MODEL_BASE_URL}/${fileName}`. */
  url?: string;
  /** What it is good for, in a few words (for developers; the list shows `use`, translated). */
  note: string;
  /**
   * How accurate it is on Arabic, relative to the other entries (higher is better). Used to pick
   * the most accurate model that keeps up with real time (calibration/recommend.ts). Ordered by
   * model size, as the Whisper paper's Arabic results are (large > medium > small > base > tiny),
   * large-v3-turbo first as the project's choice for minutes; a quantised file ranks just below
   * its full-precision original (quantisation costs a little accuracy, never gains any).
   */
  accuracyRank?: number;
  /**
   * What the model list says about it: 'arabic' is the model the app recommends for Arabic
   * minutes (accurate, and small enough for a laptop); 'trial' is for trying the app only (base
   * gets about 60% of Arabic words wrong, docs/engine.md).
   */
  use?: 'arabic' | 'trial';
}

export const MODEL_BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';

const e = (
  id: string,
  label: string,
  sizeBytes: number,
  sha256: string | null,
  sha1: string | null,
  note: string,
  more: Pick<CatalogueEntry, 'accuracyRank' | 'use'>,
): CatalogueEntry => ({
  id,
  label,
  fileName: `ggml-${id}.bin`,
  sizeBytes,
  sha256,
  sha1,
  note,
  ...more,
});

/** The model the app recommends for Arabic: the default choice once it is installed (default-model.ts). */
export const ARABIC_DEFAULT_MODEL = 'large-v3-turbo-q5_0';

export const MODEL_CATALOGUE: readonly CatalogueEntry[] = [
  e('tiny', 'Whisper tiny', 77_691_713, 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21', 'bd577a113a864445d4c299885e0cb97d4ba92b5f', 'for trying the app only (tests)', { accuracyRank: 2, use: 'trial' }),
  e('tiny-q5_1', 'Whisper tiny (q5_1)', 32_152_673, '818710568da3ca15689e31a743197b520007872ff9576237bda97bd1b469c3d7', null, 'for trying the app only (tests)', { accuracyRank: 1, use: 'trial' }),
  e('base', 'Whisper base', 147_951_465, '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe', '465707469ff3a37a2b9b8d8f89f2f99de7299dac', 'for trying the app only (weak on Arabic)', { accuracyRank: 4, use: 'trial' }),
  e('base-q5_1', 'Whisper base (q5_1)', 59_707_625, '422f1ae452ade6f30a004d7e5c6a43195e4433bc370bf23fac9cc591f01a8898', null, 'for trying the app only (weak on Arabic)', { accuracyRank: 3, use: 'trial' }),
  e('small', 'Whisper small', 487_601_967, '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b', '55356645c2b361a969dfd0ef2c5a50d530afd8d5', 'balanced', { accuracyRank: 6 }),
  e('small-q5_1', 'Whisper small (q5_1)', 190_085_487, 'ae85e4a935d7a567bd102fe55afc16bb595bdb618e11b2fc7591bc08120411bb', null, 'balanced, lighter', { accuracyRank: 5 }),
  e('medium', 'Whisper medium', 1_533_763_059, '6c14d5adee5f86394037b4e4e8b59f1673b6cee10e3cf0b11bbdbee79c156208', 'fd9727b6e1217c2f614f9b698455c4ffd82463b4', 'accurate, slow', { accuracyRank: 8 }),
  e('medium-q5_0', 'Whisper medium (q5_0)', 539_212_467, '19fea4b380c3a618ec4723c3eef2eb785ffba0d0538cf43f8f235e7b3b34220f', null, 'accurate, lighter', { accuracyRank: 7 }),
  e('large-v3-turbo', 'Whisper large-v3-turbo', 1_624_555_275, '1fc70f774d38eb169993ac391eea357ef47c88757ef72ee5943879b7e8e2bc69', '4af2b29d7ec73d781377bfd1758ca957a807e941', 'most accurate for minutes', { accuracyRank: 10 }),
  e('large-v3-turbo-q5_0', 'Whisper large-v3-turbo (q5_0)', 574_041_195, '394221709cd5ad1f40c46e6031ca61bce88931e6e088c188294c6d5a55ffa7e2', 'e050f7970618a659205450ad97eb95a18d69c9ee', 'recommended for Arabic (laptops too)', { accuracyRank: 9, use: 'arabic' }),
];

export function catalogueEntry(id: string, catalogue: readonly CatalogueEntry[] = MODEL_CATALOGUE): CatalogueEntry | undefined {
  return catalogue.find((c) => c.id === id);
}

export function entryUrl(entry: CatalogueEntry): string {
  const base = (config.modelBaseUrl() ?? MODEL_BASE_URL).replace(/\/+$/, '');
  return entry.url ?? `${base}/${entry.fileName}`;
}
