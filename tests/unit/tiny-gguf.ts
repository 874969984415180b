// A tiny llama-architecture GGUF language model with random weights, written by the `gguf` Python
// package (.venv-tools, installed by .ci/run): 2 layers, 64-wide, a 260-token byte vocabulary.
// It writes nonsense, but node-llama-cpp loads and runs it like a real model, so the loading,
// generation, cancellation and crash paths are tested for real. Written once per test run.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const venvPython = join(import.meta.dirname, '../../.venv-tools/bin/python');

const SCRIPT = String.raw`
import sys
import numpy as np
import gguf

out = sys.argv[1]
n_embd, n_head, n_ff, n_layer, ctx = 64, 4, 128, 2, 4096
tokens = ['<unk>', '<s>', '</s>'] + ['<0x%02X>' % b for b in range(256)] + ['\u2581']
types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL] + [gguf.TokenType.BYTE] * 256 + [gguf.TokenType.NORMAL]
n_vocab = len(tokens)

w = gguf.GGUFWriter(out, 'llama')
w.add_name('mahdar-tiny-test')
w.add_context_length(ctx)
w.add_embedding_length(n_embd)
w.add_block_count(n_layer)
w.add_feed_forward_length(n_ff)
w.add_head_count(n_head)
w.add_head_count_kv(n_head)
w.add_rope_dimension_count(n_embd // n_head)
w.add_layer_norm_rms_eps(1e-5)
w.add_file_type(gguf.LlamaFileType.ALL_F32)
w.add_tokenizer_model('llama')
w.add_token_list(tokens)
w.add_token_scores([0.0] * n_vocab)
w.add_token_types(types)
w.add_bos_token_id(1)
w.add_eos_token_id(2)
w.add_unk_token_id(0)
w.add_add_bos_token(True)
w.add_chat_template("{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}\n{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}")

rng = np.random.default_rng(24)
def t(name, *shape):
    w.add_tensor(name, (rng.standard_normal(shape) * 0.1).astype(np.float32))
# numpy shapes are ggml's reversed: token_embd is [n_embd, n_vocab] in ggml.
t('token_embd.weight', n_vocab, n_embd)
for i in range(n_layer):
    w.add_tensor('blk.%d.attn_norm.weight' % i, np.ones(n_embd, dtype=np.float32))
    for p in ('attn_q', 'attn_k', 'attn_v', 'attn_output'):
        t('blk.%d.%s.weight' % (i, p), n_embd, n_embd)
    w.add_tensor('blk.%d.ffn_norm.weight' % i, np.ones(n_embd, dtype=np.float32))
    t('blk.%d.ffn_gate.weight' % i, n_ff, n_embd)
    t('blk.%d.ffn_up.weight' % i, n_ff, n_embd)
    t('blk.%d.ffn_down.weight' % i, n_embd, n_ff)
w.add_tensor('output_norm.weight', np.ones(n_embd, dtype=np.float32))
t('output.weight', n_vocab, n_embd)

w.write_header_to_file()
w.write_kv_data_to_file()
w.write_tensors_to_file()
w.close()
`;

/** Whether the Python tools that write the model are installed (.ci/run installs them). */
export const haveGgufWriter = existsSync(venvPython);

let written: Promise<string> | null = null;

/** The tiny model's path, written on first use into a temporary folder. */
export function tinyGguf(): Promise<string> {
  written ??= (async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mahdar-tiny-gguf-')), 'tiny-llama.gguf');
    await exec(venvPython, ['-c', SCRIPT, file], { timeout: 120_000 });
    return file;
  })();
  return written;
}
