// The language-model worker: a child process of the app (model-drafter.ts) that loads one GGUF
// model with node-llama-cpp and writes drafts on request, so that a crash or an out-of-memory of
// the model ends this process and never the app. It runs below everything else (nice 19: after
// the recording and the live text), and ends as soon as the app's end of the IPC channel closes,
// however the app ended. Arguments: MODEL_FILE [THREADS] [CONTEXT_SIZE].
import { availableParallelism, setPriority } from 'node:os';
import { getLlama, LlamaChatSession, type LlamaContext } from 'node-llama-cpp';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** The default context: Arabic takes many tokens per word in most vocabularies. */
const CONTEXT_SIZE = 4096;
/** Room for the chat template's own tokens around the system and user messages. */
const TEMPLATE_MARGIN = 64;
/** Low: a summary restates, it does not invent. */
const TEMPERATURE = 0.2;

const [modelPath, threadsArg, contextArg] = process.argv.slice(2) as [string, string | undefined, string | undefined];
const send = (msg: FromWorker) => {
  if (process.connected) process.send!(msg);
};

process.on('disconnect', () => process.exit(0));
try {
  setPriority(19);
} catch {
  // Not allowed here: the worker runs at the app's priority.
}

/** The drafts in progress (one at a time, queued), by id. */
const controllers = new Map<number, AbortController>();
let queue: Promise<void> = Promise.resolve();

async function draft(context: LlamaContext, msg: Extract<ToWorker, { type: 'draft' }>): Promise<void> {
  const ac = controllers.get(msg.id);
  if (!ac || ac.signal.aborted) return send({ type: 'cancelled', id: msg.id });
  // The model would otherwise drop the start of the passages without a word (context shift).
  const needed = context.model.tokenize(msg.system).length + context.model.tokenize(msg.user).length + msg.maxTokens + TEMPLATE_MARGIN;
  if (needed > context.contextSize) {
    controllers.delete(msg.id);
    return send({ type: 'tooLong', id: msg.id, tokens: needed, limit: context.contextSize });
  }
  // A fresh sequence and session per draft: nothing of one intervention leaks into the next.
  const sequence = context.getSequence();
  const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: msg.system });
  let written = 0;
  const started = performance.now();
  try {
    const text = await session.prompt(msg.user, {
      maxTokens: msg.maxTokens,
      temperature: TEMPERATURE,
      signal: ac.signal,
      onToken: (t) => {
        written += t.length;
        send({ type: 'progress', id: msg.id, tokens: written });
      },
    });
    send({ type: 'done', id: msg.id, text: text.trim(), tokens: written, modelMs: performance.now() - started });
  } catch (err) {
    if (ac.signal.aborted) send({ type: 'cancelled', id: msg.id });
    else send({ type: 'failed', id: msg.id, detail: err instanceof Error ? err.message : String(err) });
  } finally {
    session.dispose();
    sequence.dispose();
    controllers.delete(msg.id);
  }
}

async function load(): Promise<LlamaContext> {
  const llama = await getLlama({ build: 'never', gpu: false });
  const model = await llama.loadModel({ modelPath });
  // Not node-llama-cpp's default (4 threads on a 2-core machine here): threads spinning on more
  // cores than there are made the tiny test model write 250 ms a token, against 3 ms with one
  // thread. One core is left to the recording and the live text, which must not wait.
  const threads = Number(threadsArg) || Math.max(1, availableParallelism() - 1);
  const contextSize = Number(contextArg) || CONTEXT_SIZE;
  return model.createContext({ contextSize: Math.min(contextSize, model.trainContextSize), threads });
}

try {
  const context = await load();
  process.on('message', (msg: ToWorker) => {
    if (msg.type === 'cancel') {
      controllers.get(msg.id)?.abort();
      return;
    }
    controllers.set(msg.id, new AbortController());
    queue = queue.then(() => draft(context, msg));
  });
  send({ type: 'ready' });
} catch (err) {
  send({ type: 'loadFailed', detail: err instanceof Error ? err.message : String(err) });
  process.disconnect?.();
  process.exitCode = 1;
}
