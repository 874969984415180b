// The GGUF language models: importing one (a tiny random-weight llama model written by the test,
// tiny-gguf.ts), refusing other files, and running it for real in its worker process: generation,
// cancellation, a crash of the worker, and the app's own death, which the worker must not outlive.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { getPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { uploadCommands } from '../../main/context/uploads.ts';
import { readGgufHeader } from '../../main/llm/gguf-file.ts';
import { openModelDrafter, workerLaunch, type ModelDrafter } from '../../main/llm/model-drafter.ts';
import { importLanguageModel, languageModelPath, languageModelsDir, listLanguageModels, removeLanguageModel } from '../../main/llm/models.ts';
import { tempDir } from './asr-fixtures.ts';
import { errorCodeOf } from './error-code.ts';
import { gone, running } from './processes.ts';
import { haveGgufWriter, tinyGguf } from './tiny-gguf.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const WHISPER = resolve(REPO, '..', 'shared', 'models', 'ggml-base.bin');
const req = { system: 'لخص ما قاله المتدخل بضمير الغائب.', user: 'السيد الرئيس: نفتتح الجلسة ونرحب بالحضور.', maxTokens: 24 };
const live = () => new AbortController().signal;

async function upload(ctx: ServiceContext, name: string, bytes: Buffer): Promise<string> {
  const up = uploadCommands(ctx);
  const { uploadId } = await up.beginUpload({ name, size: bytes.length });
  if (bytes.length) await up.uploadChunk({ uploadId, offset: 0, data: bytes.toString('base64') });
  return uploadId;
}

describe('worker launch', () => {
  it('runs the .ts worker through tsx from the sources, and the bundled worker from dist/main', () => {
    expect(workerLaunch(pathToFileURL('/app/main/llm/model-drafter.ts').href)).toEqual({ script: '/app/main/llm/worker.ts', execArgv: ['--import', 'tsx'] });
    expect(workerLaunch(pathToFileURL('/app/dist/main/electron.mjs').href)).toEqual({ script: '/app/dist/main/llm-worker.mjs', execArgv: [] });
  });
});

describe.runIf(haveGgufWriter)('language model store', () => {
  it('imports a GGUF model and lists it with its size and architecture; removes it', async () => {
    const ctx = await createContext(tempDir());
    const bytes = readFileSync(await tinyGguf());
    const info = await importLanguageModel(ctx, await upload(ctx, 'Tiny Llama (test) Q8.gguf', bytes));
    expect(info).toEqual({ id: 'tiny-llama-test-q8', label: 'Tiny Llama (test) Q8.gguf', sizeBytes: bytes.length, architecture: 'llama' });
    expect(await listLanguageModels(ctx)).toEqual([info]);
    // The same name again gets its own id, never overwrites.
    const again = await importLanguageModel(ctx, await upload(ctx, 'Tiny Llama (test) Q8.gguf', bytes));
    expect(again.id).toBe('tiny-llama-test-q8-2');
    expect(await languageModelPath(ctx, info.id)).toBe(join(languageModelsDir(ctx), 'tiny-llama-test-q8.gguf'));
    expect(await removeLanguageModel(ctx, info.id)).toEqual({ removed: true });
    expect((await listLanguageModels(ctx)).map((m) => m.id)).toEqual(['tiny-llama-test-q8-2']);
    expect(await errorCodeOf(languageModelPath(ctx, info.id))).toBe('drafting.modelNotFound');
    expect(await errorCodeOf(languageModelPath(ctx, '../settings'))).toBe('drafting.modelNotFound');
  });

  it('refuses a Whisper model, an empty file, a random file and a truncated GGUF, and keeps none of them', async () => {
    const ctx = await createContext(tempDir());
    expect(await errorCodeOf(readGgufHeader(WHISPER))).toBe('drafting.notGguf');
    const whisperHead = readFileSync(WHISPER).subarray(0, 1024 * 1024);
    const tiny = readFileSync(await tinyGguf());
    for (const [name, bytes] of [
      ['ggml-base.bin', whisperHead],
      ['empty.gguf', Buffer.alloc(0)],
      ['random.gguf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256))],
      ['cut.gguf', tiny.subarray(0, tiny.length - 1)],
      ['header-only.gguf', tiny.subarray(0, 2000)],
    ] as const) {
      expect(await errorCodeOf(importLanguageModel(ctx, await upload(ctx, name, bytes))), name).toBe('drafting.notGguf');
    }
    expect(await readdir(languageModelsDir(ctx)).catch(() => [])).toEqual([]);
    expect(await readdir(join(ctx.dataRoot, 'uploads'))).toEqual([]);
  });
});

describe.runIf(haveGgufWriter)('drafting with a GGUF model in a worker process', () => {
  let drafter: ModelDrafter;
  let tokensSeen: (n: number) => void = () => undefined;
  beforeAll(async () => {
    drafter = openModelDrafter(await tinyGguf(), { threads: 1, onTokens: (n) => tokensSeen(n) });
  });
  afterAll(() => drafter.close());

  it('writes a draft with the real model, in a worker below the app’s priority', async () => {
    const out = await drafter.draft(req, live());
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.tokens).toBeGreaterThan(0);
    expect(out.tokens).toBeLessThanOrEqual(req.maxTokens);
    expect(out.modelMs).toBeGreaterThan(0);
    expect(drafter.pid).not.toBe(process.pid);
    expect(getPriority(drafter.pid!)).toBe(19);
    expect(drafter.modelName).toBe('tiny-llama');
  });

  it('stops a draft when cancelled, and drafts again after', async () => {
    const ac = new AbortController();
    tokensSeen = () => ac.abort();
    const pending = errorCodeOf(drafter.draft({ ...req, maxTokens: 100_000 }, ac.signal));
    expect(await pending).toBe('drafting.cancelled');
    tokensSeen = () => undefined;
    const pid = drafter.pid;
    expect((await drafter.draft(req, live())).tokens).toBeGreaterThan(0);
    expect(drafter.pid).toBe(pid); // the same worker: a cancel does not cost a reload
  });

  it('a worker killed mid-draft fails that draft with drafting.crashed; the next draft starts a new worker', async () => {
    const before = drafter.pid!;
    tokensSeen = () => process.kill(before, 'SIGKILL');
    expect(await errorCodeOf(drafter.draft({ ...req, maxTokens: 100_000 }, live()))).toBe('drafting.crashed');
    tokensSeen = () => undefined;
    const out = await drafter.draft(req, live());
    expect(out.tokens).toBeGreaterThan(0);
    expect(drafter.pid).not.toBe(before);
    expect(running(before)).toBe(false);
  });

  it('a file that is no model fails with drafting.failed, and the app goes on', async () => {
    const bad = join(tempDir(), 'bad.gguf');
    writeFileSync(bad, 'not a model');
    const d = openModelDrafter(bad);
    expect(await errorCodeOf(d.draft(req, live()))).toBe('drafting.failed');
    await d.close();
  });
});

describe.runIf(haveGgufWriter)('worker lifetime', () => {
  it('SIGKILL of the app ends its language-model worker', async () => {
    const app = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/unit/llm-child.ts'), await tinyGguf()], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(app, 'exit');
    let line = '';
    for await (const l of createInterface({ input: app.stdout! })) {
      line = l;
      if (l.startsWith('WORKER ')) break;
    }
    const workerPid = Number(line.split(' ')[1]);
    expect(workerPid).toBeGreaterThan(0);
    expect(running(workerPid)).toBe(true);
    app.kill('SIGKILL');
    await exited;
    expect(await gone(workerPid)).toBe(true);
  });
});
