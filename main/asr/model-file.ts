// Validation of a whisper.cpp model file (legacy ggml format) before it is used or installed:
// the 'ggml' magic, sane hyper-parameters, and a walk over every tensor header so that a
// truncated or padded file is refused. Only headers are read (a few hundred small reads), never
// the weights, so this takes milliseconds even for a 1.5 GB model.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { MahdarError } from '../../shared/errors.ts';
import { GGML_TYPE_SIZES } from '../archive/ggml-types.ts';

export const GGML_MAGIC = 0x67676d6c; // 'ggml' read as a little-endian u32

export interface ModelHeader {
  nVocab: number;
  nAudioState: number;
  nAudioLayer: number;
  nTextLayer: number;
  nMels: number;
  ftype: number;
  /** English-only models have 51864 tokens; multilingual ones 51865 (51866 for large-v3). */
  multilingual: boolean;
  tensors: number;
  sizeBytes: number;
}

/** ggml tensor types of whisper.cpp model files: [elements per block, bytes per block]. */
const TYPE_SIZES = GGML_TYPE_SIZES;

const invalid = (detail: string) => new MahdarError('model.invalid', { detail });

/**
 * Walks the tensors from `pos` to the end of the file: each header, then exactly its data. A
 * truncated or padded file is refused. Returns how many tensors there are.
 */
async function walkTensors(fh: FileHandle, pos: number, size: number, minDims = 1): Promise<number> {
  let tensors = 0;
  const th = Buffer.alloc(12 + 16 + 256);
  while (pos < size) {
    if (pos + 12 > size) throw invalid('truncated (tensor header)');
    const { bytesRead } = await fh.read(th, 0, Math.min(th.length, size - pos), pos);
    if (bytesRead < 12) throw invalid('truncated (tensor header)');
    const nDims = th.readInt32LE(0);
    const nameLen = th.readInt32LE(4);
    const ttype = th.readInt32LE(8);
    if (nDims < minDims || nDims > 4 || nameLen <= 0 || nameLen > 256) throw invalid('bad tensor header');
    const ts = TYPE_SIZES[ttype];
    if (!ts) throw invalid(`unknown tensor type ${ttype}`);
    if (bytesRead < 12 + nDims * 4 + nameLen) throw invalid('truncated (tensor header)');
    let elements = 1;
    for (let d = 0; d < nDims; d++) {
      const ne = th.readInt32LE(12 + d * 4);
      if (ne <= 0) throw invalid('bad tensor shape');
      elements *= ne;
    }
    if (elements % ts[0] !== 0) throw invalid('bad tensor shape');
    const dataBytes = (elements / ts[0]) * ts[1];
    pos += 12 + nDims * 4 + nameLen + dataBytes;
    if (pos > size) throw invalid('truncated (tensor data)');
    tensors++;
  }
  return tensors;
}

const cache = new Map<string, { key: string; header: ModelHeader }>();

/** Reads and checks a model file; model.invalid (with a detail) for anything but a sound model. */
export async function validateModelFile(file: string): Promise<ModelHeader> {
  const st = await stat(file).catch(() => null);
  if (!st || !st.isFile()) throw new MahdarError('model.notFound', { model: file });
  const key = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit && hit.key === key) return hit.header;
  const header = await walk(file, st.size);
  cache.set(file, { key, header });
  return header;
}

async function walk(file: string, size: number): Promise<ModelHeader> {
  const fh = await open(file, 'r');
  try {
    // The first part (magic, hparams, mel filters, vocabulary) fits in a few MB.
    const headLen = Math.min(size, 4 * 1024 * 1024);
    const head = Buffer.alloc(headLen);
    await fh.read(head, 0, headLen, 0);
    if (headLen < 48) throw invalid('file too short');
    if (head.readUInt32LE(0) !== GGML_MAGIC) throw invalid('no ggml magic');
    const hp = Array.from({ length: 11 }, (_, i) => head.readInt32LE(4 + i * 4));
    const [nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer, nMels, ftype] = hp as [
      number, number, number, number, number, number, number, number, number, number, number,
    ];
    const sane =
      nVocab >= 51864 && nVocab <= 51866 &&
      nAudioCtx === 1500 && nTextCtx === 448 &&
      [384, 512, 768, 1024, 1280].includes(nAudioState) && nTextState === nAudioState &&
      nAudioHead > 0 && nAudioHead <= 32 && nTextHead > 0 && nTextHead <= 32 &&
      nAudioLayer > 0 && nAudioLayer <= 64 && nTextLayer > 0 && nTextLayer <= 64 &&
      (nMels === 80 || nMels === 128) &&
      ftype >= 0 && ftype % 1000 <= 40;
    if (!sane) throw invalid('not a Whisper model header');
    let pos = 48;
    const need = (n: number) => {
      if (pos + n > headLen) throw invalid('truncated header');
    };
    need(8);
    const melN = head.readInt32LE(pos);
    const melFft = head.readInt32LE(pos + 4);
    pos += 8;
    if (melN !== nMels || melFft <= 0 || melFft > 1024) throw invalid('bad mel filters');
    pos += melN * melFft * 4;
    need(4);
    const vocab = head.readInt32LE(pos);
    pos += 4;
    if (vocab <= 0 || vocab > nVocab) throw invalid('bad vocabulary');
    for (let i = 0; i < vocab; i++) {
      need(4);
      const len = head.readUInt32LE(pos);
      if (len > 256) throw invalid('bad vocabulary');
      pos += 4 + len;
    }
    need(0);
    const tensors = await walkTensors(fh, pos, size);
    if (tensors < 10) throw invalid('too few tensors');
    return { nVocab, nAudioState, nAudioLayer, nTextLayer, nMels, ftype, multilingual: nVocab >= 51865, tensors, sizeBytes: size };
  } finally {
    await fh.close();
  }
}

export interface VadHeader {
  modelType: string;
  version: string;
  tensors: number;
}

const vadCache = new Map<string, { key: string; header: VadHeader }>();

/**
 * Checks a Silero voice-activity model in whisper.cpp's ggml format (what whisper_vad_init reads):
 * the magic, a 'silero' model type, sane hyper-parameters, and every tensor accounted for, so that
 * a file merely named like a VAD model is never handed to the engine. model.invalid otherwise.
 */
export async function validateVadModelFile(file: string): Promise<VadHeader> {
  const st = await stat(file).catch(() => null);
  if (!st || !st.isFile()) throw new MahdarError('model.notFound', { model: file });
  const key = `${st.size}:${st.mtimeMs}`;
  const hit = vadCache.get(file);
  if (hit && hit.key === key) return hit.header;
  const fh = await open(file, 'r');
  try {
    const headLen = Math.min(st.size, 4096);
    const head = Buffer.alloc(headLen);
    await fh.read(head, 0, headLen, 0);
    let pos = 0;
    const i32 = () => {
      if (pos + 4 > headLen) throw invalid('truncated header');
      const v = head.readInt32LE(pos);
      pos += 4;
      return v;
    };
    if (headLen < 8 || head.readUInt32LE(0) !== GGML_MAGIC) throw invalid('no ggml magic');
    pos = 4;
    const typeLen = i32();
    if (typeLen <= 0 || typeLen > 64 || pos + typeLen > headLen) throw invalid('not a VAD model header');
    const modelType = head.toString('latin1', pos, pos + typeLen);
    pos += typeLen;
    if (!modelType.startsWith('silero')) throw invalid('not a Silero VAD model');
    const version = [i32(), i32(), i32()];
    const nWindow = i32();
    const nContext = i32();
    const layers = i32();
    const inRange = (v: number, max: number) => v > 0 && v <= max;
    let sane = version.every((v) => v >= 0 && v < 1000) && inRange(nWindow, 16384) && inRange(nContext, 16384) && inRange(layers, 16);
    for (let i = 0; sane && i < layers; i++) sane = inRange(i32(), 4096) && inRange(i32(), 4096) && inRange(i32(), 64);
    if (sane) sane = [i32(), i32(), i32(), i32()].every((v) => inRange(v, 4096));
    if (!sane) throw invalid('not a VAD model header');
    // The Silero model holds a scalar (0-dimension) bias, which Whisper models never do.
    const tensors = await walkTensors(fh, pos, st.size, 0);
    // whisper.cpp's VAD graph: the STFT basis, two per encoder layer, four LSTM, two final.
    if (tensors !== layers * 2 + 7) throw invalid('wrong tensor count');
    const header = { modelType, version: version.join('.'), tensors };
    vadCache.set(file, { key, header });
    return header;
  } finally {
    await fh.close();
  }
}
