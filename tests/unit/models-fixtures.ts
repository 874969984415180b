// A tiny but structurally valid whisper.cpp ggml file (header, mel filters, a short vocabulary and
// a dozen small f32 tensors) for testing downloads and imports without moving 148 MB around.
import { createHash } from 'node:crypto';

export function fakeGgml(seed = 1): Buffer {
  const parts: Buffer[] = [];
  const i32 = (...v: number[]) => {
    const b = Buffer.alloc(v.length * 4);
    v.forEach((x, i) => b.writeInt32LE(x, i * 4));
    parts.push(b);
  };
  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(0x67676d6c, 0);
  parts.push(magic);
  // n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype
  i32(51865, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1);
  i32(80, 201);
  parts.push(Buffer.alloc(80 * 201 * 4, seed));
  const words = ['a', 'b', 'c', 'مرحبا'];
  i32(words.length);
  for (const w of words) {
    const b = Buffer.from(w, 'utf8');
    i32(b.length);
    parts.push(b);
  }
  for (let t = 0; t < 12; t++) {
    const name = Buffer.from(`tensor.${t}`, 'latin1');
    i32(2, name.length, 0, 4, 8); // n_dims, name length, f32, ne0, ne1
    parts.push(name);
    parts.push(Buffer.alloc(4 * 8 * 4, (t + seed) & 0xff));
  }
  return Buffer.concat(parts);
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');
