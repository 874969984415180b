// Reading a GGUF file's header before it is imported or loaded: the magic, the version, every
// metadata entry (general.architecture among them) and every tensor's description, so that a
// Whisper ggml file, a random file or a truncated download is refused with drafting.notGguf.
// Only the header is read (a few MB at most, the vocabulary), never the weights.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { MahdarError } from '../../shared/errors.ts';
import { GGML_TYPE_SIZES } from '../archive/ggml-types.ts';

export interface GgufHeader {
  version: number;
  tensors: number;
  /** general.architecture (`llama`, `qwen2`, `gemma3`…); null when the file does not say. */
  architecture: string | null;
  sizeBytes: number;
}

const notGguf = (detail: string) => new MahdarError('drafting.notGguf', { detail });

/** Bounds far above any real model's, so that a corrupt count fails fast instead of reading on. */
const MAX_COUNT = 10_000_000;
const MAX_STRING = 64 * 1024 * 1024;
/** Bytes of each fixed-size metadata value type (GGUF spec: u8 i8 u16 i16 u32 i32 f32 bool _ _ u64 i64 f64). */
const SCALAR_BYTES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

/** Sequential little-endian reads over a file, a chunk at a time. */
class HeaderReader {
  pos = 0;
  private buf = Buffer.alloc(0);
  private bufStart = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  private async need(n: number): Promise<Buffer> {
    if (this.pos + n > this.size) throw notGguf('truncated header');
    const end = this.bufStart + this.buf.length;
    if (this.pos < this.bufStart || this.pos + n > end) {
      const len = Math.min(this.size - this.pos, Math.max(n, 1024 * 1024));
      this.buf = Buffer.alloc(len);
      await this.fh.read(this.buf, 0, len, this.pos);
      this.bufStart = this.pos;
    }
    const at = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(at, at + n);
  }

  async u32(): Promise<number> {
    return (await this.need(4)).readUInt32LE(0);
  }

  async u64(): Promise<number> {
    const v = (await this.need(8)).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw notGguf('bad header');
    return Number(v);
  }

  async count(): Promise<number> {
    const n = await this.u64();
    if (n > MAX_COUNT) throw notGguf('bad header');
    return n;
  }

  async string(): Promise<string> {
    const len = await this.u64();
    if (len > MAX_STRING) throw notGguf('bad header');
    return (await this.need(len)).toString('utf8');
  }

  skip(n: number): void {
    this.pos += n;
    if (this.pos > this.size) throw notGguf('truncated header');
  }
}

/** Reads one metadata value; returns it when it is a string or a u32 (what is looked at), else skips it. */
async function readValue(r: HeaderReader, type: number): Promise<string | number | null> {
  if (type === STRING) return r.string();
  if (type === 4) return r.u32();
  const scalar = SCALAR_BYTES[type];
  if (scalar) {
    r.skip(scalar);
    return null;
  }
  if (type !== ARRAY) throw notGguf(`unknown value type ${type}`);
  const itemType = await r.u32();
  const n = await r.count();
  const itemBytes = SCALAR_BYTES[itemType];
  if (itemBytes) r.skip(n * itemBytes);
  else if (itemType === STRING) for (let i = 0; i < n; i++) await r.string();
  else throw notGguf(`unknown array type ${itemType}`); // nested arrays: no model writes them
  return null;
}

/** Walks the tensor descriptions; returns where the tensor data ends, relative to the data section. */
async function tensorDataEnd(r: HeaderReader, tensors: number): Promise<number> {
  let end = 0;
  for (let i = 0; i < tensors; i++) {
    await r.string();
    const dims = await r.u32();
    if (dims < 1 || dims > 4) throw notGguf('bad tensor header');
    let elements = 1;
    for (let d = 0; d < dims; d++) {
      const ne = await r.u64();
      if (ne < 1) throw notGguf('bad tensor shape');
      elements *= ne;
    }
    // A type newer than this table is only checked to start inside the file.
    const size = GGML_TYPE_SIZES[await r.u32()];
    const offset = await r.u64();
    end = Math.max(end, offset + (size ? Math.ceil(elements / size[0]) * size[1] : 1));
  }
  return end;
}

async function walk(fh: FileHandle, size: number): Promise<GgufHeader> {
  const r = new HeaderReader(fh, size);
  if (size < 24) throw notGguf('file too short');
  if ((await r.u32()) !== 0x46554747) throw notGguf('no GGUF magic'); // 'GGUF' read as a little-endian u32
  const version = await r.u32();
  // Version 1 (2023) used 32-bit counts; llama.cpp no longer reads it.
  if (version < 2 || version > 3) throw notGguf(`GGUF version ${version}`);
  const tensors = await r.count();
  const entries = await r.count();
  if (tensors < 1) throw notGguf('no tensors');
  let architecture: string | null = null;
  let alignment = 32;
  for (let i = 0; i < entries; i++) {
    const key = await r.string();
    const value = await readValue(r, await r.u32());
    if (key === 'general.architecture' && typeof value === 'string') architecture = value;
    if (key === 'general.alignment' && typeof value === 'number' && value > 0) alignment = value;
  }
  const end = await tensorDataEnd(r, tensors);
  const dataStart = Math.ceil(r.pos / alignment) * alignment;
  // Every tensor's data must lie inside the file: a truncated download fails here.
  if (dataStart + end > size) throw notGguf('truncated (tensor data)');
  return { version, tensors, architecture, sizeBytes: size };
}

const cache = new Map<string, { key: string; header: GgufHeader }>();

/** Reads and checks a GGUF file's header; drafting.notGguf (with a detail) for anything else. */
export async function readGgufHeader(file: string): Promise<GgufHeader> {
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) throw notGguf('no such file');
  const key = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.key === key) return hit.header;
  const fh = await open(file, 'r');
  try {
    const header = await walk(fh, st.size);
    cache.set(file, { key, header });
    return header;
  } finally {
    await fh.close();
  }
}
