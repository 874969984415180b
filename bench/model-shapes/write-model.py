#!/usr/bin/env python3
"""Writes a whisper.cpp ggml model of an official Whisper shape with random weights.

    .venv-tools/bin/python bench/model-shapes/write-model.py SHAPE OUT.bin [--base ggml-base.bin]

SHAPE is medium, large-v3 or large-v3-turbo (or base: random weights in base's own shape, to
check against the real base that the values do not change the speed). No large model can be downloaded here, but the
engine's speed depends on the tensors' shapes and types, not on their values: such a file times
the encoder and the decoder as the real model would (bench/model-shapes.ts forces the number of
tokens, since random weights decode garbage of any length).

The layout is the one of ggml-base.bin (whisper.cpp's models/convert-pt-to-ggml.py): magic,
hparams, mel filters, vocabulary, then the tensors, each with its dims, name and type. The
vocabulary is base's (whisper.cpp adds the special tokens, one more language for n_vocab 51866).
Each tensor is base's, with base's dims mapped to the shape's and layer 0's names repeated for
every layer. f16 where base has f16, f32 elsewhere, as the converter writes them.
"""
import argparse
import struct
import sys

import numpy as np

# Official Whisper dims (openai/whisper, the checkpoints' "dims").
SHAPES = {
    'base': dict(n_mels=80, n_vocab=51865, n_audio_state=512, n_audio_head=8, n_audio_layer=6,
                 n_text_state=512, n_text_head=8, n_text_layer=6),
    'medium': dict(n_mels=80, n_vocab=51865, n_audio_state=1024, n_audio_head=16, n_audio_layer=24,
                   n_text_state=1024, n_text_head=16, n_text_layer=24),
    'large-v3': dict(n_mels=128, n_vocab=51866, n_audio_state=1280, n_audio_head=20, n_audio_layer=32,
                     n_text_state=1280, n_text_head=20, n_text_layer=32),
    'large-v3-turbo': dict(n_mels=128, n_vocab=51866, n_audio_state=1280, n_audio_head=20, n_audio_layer=32,
                           n_text_state=1280, n_text_head=20, n_text_layer=4),
}
HPARAMS = ['n_vocab', 'n_audio_ctx', 'n_audio_state', 'n_audio_head', 'n_audio_layer',
           'n_text_ctx', 'n_text_state', 'n_text_head', 'n_text_layer', 'n_mels', 'ftype']
SAMPLE_RATE, N_FFT = 16000, 400


def read_base(path):
    """Header, mel filters, raw vocabulary bytes and tensor list (name, dims, ftype) of a ggml file."""
    with open(path, 'rb') as f:
        magic, = struct.unpack('<i', f.read(4))
        if magic != 0x67676d6c:
            sys.exit(f'{path}: not a whisper.cpp ggml model')
        hp = dict(zip(HPARAMS, struct.unpack('<11i', f.read(44))))
        n_mel, n_fft = struct.unpack('<2i', f.read(8))
        filters = np.frombuffer(f.read(4 * n_mel * n_fft), dtype='<f4').reshape(n_mel, n_fft)
        vocab_start = f.tell()
        n_tokens, = struct.unpack('<i', f.read(4))
        for _ in range(n_tokens):
            n, = struct.unpack('<i', f.read(4))
            f.seek(n, 1)
        vocab = (vocab_start, f.tell())
        tensors = []
        while True:
            head = f.read(12)
            if len(head) < 12:
                break
            n_dims, name_len, ftype = struct.unpack('<3i', head)
            dims = list(struct.unpack(f'<{n_dims}i', f.read(4 * n_dims)))
            name = f.read(name_len).decode()
            size = int(np.prod(dims)) * (2 if ftype == 1 else 4)
            f.seek(size, 1)
            tensors.append((name, dims, ftype))
        f.seek(vocab[0])
        vocab_bytes = f.read(vocab[1] - vocab[0])
    return hp, filters, vocab_bytes, tensors


def mel_filters(n_mels):
    """Slaney-style mel filterbank as librosa.filters.mel(sr=16000, n_fft=400, n_mels) (Whisper's)."""
    def hz_to_mel(f):
        f = np.asarray(f, dtype=np.float64)
        mel = f / (200.0 / 3)
        log_part = f >= 1000.0
        return np.where(log_part, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0), mel)

    def mel_to_hz(m):
        m = np.asarray(m, dtype=np.float64)
        f = m * (200.0 / 3)
        return np.where(m >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0)), f)

    fft_freqs = np.linspace(0, SAMPLE_RATE / 2, N_FFT // 2 + 1)
    mel_pts = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SAMPLE_RATE / 2), n_mels + 2))
    fdiff = np.diff(mel_pts)
    ramps = mel_pts[:, None] - fft_freqs[None, :]
    weights = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_pts[2:n_mels + 2] - mel_pts[:n_mels]))[:, None]
    return weights.astype(np.float32)


def shaped_tensors(base_hp, base_tensors, shape):
    """Base's tensors with the shape's dims and layer counts (decoder, then encoder, as in base)."""
    dim_map = {
        base_hp['n_audio_state']: shape['n_audio_state'],
        4 * base_hp['n_audio_state']: 4 * shape['n_audio_state'],
        base_hp['n_mels']: shape['n_mels'],
        base_hp['n_vocab']: shape['n_vocab'],
    }
    if base_hp['n_audio_state'] != base_hp['n_text_state'] or shape['n_audio_state'] != shape['n_text_state']:
        sys.exit('audio and text widths differ: the dim map would be ambiguous')
    out = []
    for prefix, layers in (('decoder', shape['n_text_layer']), ('encoder', shape['n_audio_layer'])):
        part = [t for t in base_tensors if t[0].startswith(prefix + '.')]
        block = f'{prefix}.blocks.0.'
        before = [t for t in part if '.blocks.' not in t[0]]
        per_layer = [t for t in part if t[0].startswith(block)]
        # Base's order: the non-block tensors (embeddings, convs) then the blocks, then ln_post/ln.
        head = [t for t in before if part.index(t) < part.index(per_layer[0])]
        tail = [t for t in before if t not in head]
        for name, dims, ftype in head:
            out.append((name, [dim_map.get(d, d) for d in dims], ftype))
        for i in range(layers):
            for name, dims, ftype in per_layer:
                out.append((f'{prefix}.blocks.{i}.' + name[len(block):], [dim_map.get(d, d) for d in dims], ftype))
        for name, dims, ftype in tail:
            out.append((name, [dim_map.get(d, d) for d in dims], ftype))
    return out


def random_values(name, count, dtype, rng, pool):
    """Small values that keep every layer's activations finite: norms' weights near 1, biases and
    weights near 0. The values do not matter to the speed; finite ones keep the arithmetic on its
    ordinary path."""
    if name.endswith('.weight') and ('ln' in name.split('.')[-2] or 'layer_norm' in name):
        return (1.0 + 0.01 * rng.standard_normal(count)).astype(dtype)
    # A pool of random values repeated: drawing billions of them would take longer than the bench.
    reps = -(-count // pool.size)
    return np.tile(pool, reps)[:count].astype(dtype, copy=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('shape', choices=sorted(SHAPES))
    ap.add_argument('out')
    ap.add_argument('--base', default='../shared/models/ggml-base.bin')
    args = ap.parse_args()
    shape = SHAPES[args.shape]
    base_hp, base_filters, vocab_bytes, base_tensors = read_base(args.base)
    filters = base_filters if shape['n_mels'] == base_hp['n_mels'] else mel_filters(shape['n_mels'])
    hp = {**base_hp, **shape, 'ftype': 1}
    rng = np.random.default_rng(26)
    pool = (0.02 * rng.standard_normal(1 << 22)).astype(np.float32)
    total = 0
    with open(args.out, 'wb') as f:
        f.write(struct.pack('<i', 0x67676d6c))
        f.write(struct.pack('<11i', *(hp[k] for k in HPARAMS)))
        f.write(struct.pack('<2i', *filters.shape))
        f.write(filters.astype('<f4').tobytes())
        f.write(vocab_bytes)
        for name, dims, ftype in shaped_tensors(base_hp, base_tensors, shape):
            encoded = name.encode()
            f.write(struct.pack('<3i', len(dims), len(encoded), ftype))
            f.write(struct.pack(f'<{len(dims)}i', *dims))
            f.write(encoded)
            count = int(np.prod(dims))
            f.write(random_values(name, count, '<f2' if ftype == 1 else '<f4', rng, pool).tobytes())
            total += count
    print(f'{args.shape}: {total / 1e6:.0f} M parameters, written to {args.out}')


if __name__ == '__main__':
    main()
