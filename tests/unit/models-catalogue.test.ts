// Models: the catalogue, header validation, download (resume, checksum) against a local HTTP
// server, import from an upload, and models found in read-only folders (../shared/models).
import { copyFile, mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api.ts';
import { MODEL_CATALOGUE, type CatalogueEntry } from '../../main/asr/catalogue.ts';
import { validateModelFile, validateVadModelFile } from '../../main/asr/model-file.ts';
import { downloadModel, importModel, listModels, resolveModel } from '../../main/asr/models.ts';
import { findVadModel } from '../../main/asr/vad-model.ts';
import { createContext, modelsDir } from '../../main/context/context.ts';
import { uploadCommands } from '../../main/context/uploads.ts';
import { freshContext, haveModel, MODEL, MODELS, tempDir } from './asr-fixtures.ts';
import { fakeGgml, sha1, sha256 } from './models-fixtures.ts';
import { errorCodeOf } from './error-code.ts';

const code = errorCodeOf;

describe('catalogue', () => {
  it('lists the multilingual models with exact sizes and checksums', () => {
    const ids = MODEL_CATALOGUE.map((m) => m.id);
    for (const id of ['tiny', 'base', 'small', 'medium', 'large-v3-turbo', 'large-v3-turbo-q5_0', 'base-q5_1', 'small-q5_1', 'medium-q5_0']) {
      expect(ids).toContain(id);
    }
    expect(ids.some((id) => id.includes('.en'))).toBe(false);
    for (const m of MODEL_CATALOGUE) {
      expect(m.sizeBytes).toBeGreaterThan(10_000_000);
      expect(m.sha256 ?? m.sha1).toBeTruthy();
      if (m.sha256) expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (m.sha1) expect(m.sha1).toMatch(/^[0-9a-f]{40}$/);
    }
    const base = MODEL_CATALOGUE.find((m) => m.id === 'base')!;
    expect(base.sizeBytes).toBe(147_951_465);
    expect(base.sha256).toBe('60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe');
  });

  it.runIf(haveModel)('the shared test model matches its catalogue entry', async () => {
    const shared = (await readFile(join(MODELS, 'SHA256SUMS'), 'utf8')).split('\n').find((l) => l.endsWith('ggml-base.bin'))!;
    expect(shared.split(/\s+/)[0]).toBe(MODEL_CATALOGUE.find((m) => m.id === 'base')!.sha256);
    expect((await stat(MODEL)).size).toBe(147_951_465);
  });
});

describe('model file validation', () => {
  it.runIf(haveModel)('accepts the real base model (every tensor accounted for)', async () => {
    const h = await validateModelFile(MODEL);
    expect(h).toMatchObject({ nVocab: 51865, nAudioLayer: 6, multilingual: true, tensors: 245 });
  });

  it('refuses a text file, a truncated model and the VAD model', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'text.bin'), 'this is not a model\n'.repeat(100));
    expect(await code(validateModelFile(join(dir, 'text.bin')))).toBe('model.invalid');
    const fake = fakeGgml();
    await writeFile(join(dir, 'ok.bin'), fake);
    await validateModelFile(join(dir, 'ok.bin'));
    await writeFile(join(dir, 'cut.bin'), fake.subarray(0, fake.length - 7));
    expect(await code(validateModelFile(join(dir, 'cut.bin')))).toBe('model.invalid');
    await writeFile(join(dir, 'long.bin'), Buffer.concat([fake, Buffer.alloc(5)]));
    expect(await code(validateModelFile(join(dir, 'long.bin')))).toBe('model.invalid');
    expect(await code(validateModelFile(join(MODELS, 'ggml-silero-v5.1.2.bin')))).toBe('model.invalid');
    if (haveModel) {
      await copyFile(MODEL, join(dir, 'base-cut.bin'));
      await truncate(join(dir, 'base-cut.bin'), 100_000_000);
      expect(await code(validateModelFile(join(dir, 'base-cut.bin')))).toBe('model.invalid');
    }
  });
});

describe('models on disk', () => {
  it.runIf(haveModel)('finds the shared base model as a local, installed model', async () => {
    const ctx = await freshContext();
    const models = await listModels(ctx);
    const base = models.find((m) => m.id === 'base')!;
    expect(base).toMatchObject({ installed: true, source: 'local', sizeBytes: 147_951_465 });
    expect(models.find((m) => m.id === 'small')).toMatchObject({ installed: false, source: 'catalogue' });
    expect(models.some((m) => m.id.includes('silero'))).toBe(false);
    expect((await resolveModel(ctx)).id).toBe('base');
    expect(await code(resolveModel(ctx, 'medium'))).toBe('model.notFound');
  });
});

describe('download', () => {
  const good = fakeGgml(3);
  let server: Server;
  let base = '';
  const requests: { url: string; range: string | undefined }[] = [];
  let dropFirst = true;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url!, range: req.headers.range });
      const body = req.url!.includes('bad') ? Buffer.from(good).fill(7, 1000, 1010) : good;
      const m = /bytes=(\d+)-/.exec(req.headers.range ?? '');
      const from = m ? Number(m[1]) : 0;
      const slice = body.subarray(from);
      res.writeHead(m ? 206 : 200, {
        'Content-Length': String(slice.length),
        ...(m ? { 'Content-Range': `bytes ${from}-${body.length - 1}/${body.length}` } : {}),
      });
      if (req.url!.includes('drop') && dropFirst) {
        // Send part of the body, then cut the connection (a dropped Wi-Fi).
        dropFirst = false;
        res.write(slice.subarray(0, 30_000), () => setTimeout(() => res.socket?.destroy(), 50));
        return;
      }
      res.end(slice);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  const entry = (id: string, path: string, over: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
    id,
    label: id,
    fileName: `ggml-${id}.bin`,
    sizeBytes: good.length,
    sha256: sha256(good),
    sha1: sha1(good),
    url: `${base}/${path}`,
    note: 'test',
    ...over,
  });

  it('resumes with a Range request after a dropped connection, verifies, installs and reports progress', async () => {
    const ctx = await freshContext(tempDir());
    const events: ApiEvent[] = [];
    ctx.events.subscribe((e) => events.push(e));
    const catalogue = [entry('fake', 'drop/ggml-fake.bin')];
    const info = await downloadModel(ctx, 'fake', { catalogue, progressEveryMs: 0 });
    expect(info).toMatchObject({ id: 'fake', installed: true, download: null });
    const drops = requests.filter((r) => r.url.includes('drop'));
    expect(drops.length).toBe(2);
    expect(drops[0]!.range).toBeUndefined();
    expect(drops[1]!.range).toBe('bytes=30000-');
    expect(sha256(await readFile(join(modelsDir(ctx), 'ggml-fake.bin')))).toBe(sha256(good));
    expect((await readdir(modelsDir(ctx))).filter((f) => f.endsWith('.part'))).toEqual([]);
    const progress = events.filter((e) => e.type === 'model' && e.model.download).map((e) => (e as { model: { download: { received: number } } }).model.download.received);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(good.length);
  });

  it('a later call resumes a .part left by an earlier, interrupted one', async () => {
    const ctx = await freshContext(tempDir());
    const catalogue = [entry('fake', 'plain/ggml-fake.bin')];
    await mkdir(modelsDir(ctx), { recursive: true });
    await writeFile(join(modelsDir(ctx), '.ggml-fake.bin.part'), good.subarray(0, 12_345));
    expect((await listModels(ctx, catalogue))[0]!.download).toEqual({ received: 12_345, total: good.length });
    const before = requests.length;
    await downloadModel(ctx, 'fake', { catalogue });
    expect(requests.slice(before).map((r) => r.range)).toEqual(['bytes=12345-']);
    expect(sha256(await readFile(join(modelsDir(ctx), 'ggml-fake.bin')))).toBe(sha256(good));
  });

  it('refuses a file whose checksum does not match, and keeps nothing of it', async () => {
    const ctx = await freshContext(tempDir());
    const catalogue = [entry('fake', 'bad/ggml-fake.bin')];
    expect(await code(downloadModel(ctx, 'fake', { catalogue }))).toBe('model.checksum');
    expect(await readdir(modelsDir(ctx))).toEqual([]);
    expect((await listModels(ctx, catalogue))[0]).toMatchObject({ installed: false, download: null });
  });

  it('a server error is model.download, and an unknown id model.notFound', async () => {
    const ctx = await freshContext(tempDir());
    const catalogue = [entry('fake', 'x', { url: 'http://127.0.0.1:9/none.bin' })];
    expect(await code(downloadModel(ctx, 'fake', { catalogue, retries: 0 }))).toBe('model.download');
    expect(await code(downloadModel(ctx, 'nope', { catalogue }))).toBe('model.notFound');
  });
});

describe('import from an upload', () => {
  async function upload(ctx: Awaited<ReturnType<typeof freshContext>>, name: string, bytes: Buffer) {
    const up = uploadCommands(ctx);
    const { uploadId } = await up.beginUpload({ name, size: bytes.length });
    await up.uploadChunk({ uploadId, offset: 0, data: bytes.toString('base64') });
    return uploadId;
  }

  it('installs a sound model under its own name and lists it as imported', async () => {
    const ctx = await freshContext(tempDir());
    const info = await importModel(ctx, await upload(ctx, 'ggml-small-darija.bin', fakeGgml(5)));
    expect(info).toMatchObject({ id: 'small-darija', installed: true, source: 'imported', sha256: sha256(fakeGgml(5)) });
    expect((await listModels(ctx)).find((m) => m.id === 'small-darija')).toBeTruthy();
  });

  it('refuses a text file, a truncated model and a catalogue-sized file with the wrong checksum', async () => {
    const ctx = await freshContext(tempDir());
    expect(await code(importModel(ctx, await upload(ctx, 'notes.bin', Buffer.from('hello, not a model'))))).toBe('model.invalid');
    const fake = fakeGgml(6);
    expect(await code(importModel(ctx, await upload(ctx, 'ggml-x.bin', fake.subarray(0, fake.length - 100))))).toBe('model.invalid');
    const catalogue: CatalogueEntry[] = [{ id: 'same-size', label: 'x', fileName: 'ggml-same-size.bin', sizeBytes: fake.length, sha256: '0'.repeat(64), sha1: null, note: '' }];
    expect(await code(importModel(ctx, await upload(ctx, 'ggml-same-size.bin', fake), catalogue))).toBe('model.checksum');
    expect(await readdir(modelsDir(ctx)).catch(() => [])).toEqual([]);
    expect((await readdir(join(ctx.dataRoot, 'uploads')))).toEqual([]);
  });
});

describe('import refusals leave nothing installed', () => {
  async function upload(ctx: Awaited<ReturnType<typeof freshContext>>, name: string, bytes: Buffer, send = bytes.length) {
    const up = uploadCommands(ctx);
    const { uploadId } = await up.beginUpload({ name, size: bytes.length });
    await up.uploadChunk({ uploadId, offset: 0, data: bytes.subarray(0, send).toString('base64') });
    return uploadId;
  }
  const leftovers = async (ctx: Awaited<ReturnType<typeof freshContext>>) => ({
    models: await readdir(modelsDir(ctx)).catch(() => [] as string[]),
    uploads: await readdir(join(ctx.dataRoot, 'uploads')).catch(() => [] as string[]),
  });

  it('every refusal: not a model, truncated, English-only, wrong checksum, unknown or unfinished upload', async () => {
    const ctx = await freshContext(tempDir());
    const fake = fakeGgml(7);
    const english = Buffer.from(fake);
    english.writeInt32LE(51864, 4); // n_vocab of the English-only models
    const sameSize: CatalogueEntry[] = [{ id: 'same-size', label: 'x', fileName: 'ggml-same-size.bin', sizeBytes: fake.length, sha256: '0'.repeat(64), sha1: null, note: '' }];
    const cases: [string, () => Promise<unknown>][] = [
      ['model.invalid', async () => importModel(ctx, await upload(ctx, 'notes.bin', Buffer.from('hello, not a model')))],
      ['model.invalid', async () => importModel(ctx, await upload(ctx, 'ggml-cut.bin', fake.subarray(0, fake.length - 1)))],
      ['model.englishOnly', async () => importModel(ctx, await upload(ctx, 'ggml-base.en.bin', english))],
      ['model.checksum', async () => importModel(ctx, await upload(ctx, 'ggml-same-size.bin', fake), sameSize)],
      ['upload.notFound', async () => importModel(ctx, 'u-doesnotexist')],
    ];
    for (const [expected, run] of cases) {
      expect(await code(run())).toBe(expected);
      expect(await leftovers(ctx)).toEqual({ models: [], uploads: [] });
    }
    expect((await listModels(ctx)).filter((m) => m.source === 'imported')).toEqual([]);
    // An upload not yet finished is refused too, and kept so that the client can send the rest.
    const half = await upload(ctx, 'ggml-half.bin', fake, 1000);
    expect(await code(importModel(ctx, half))).toBe('upload.notFound');
    expect(await leftovers(ctx)).toEqual({ models: [], uploads: [half] });
    await uploadCommands(ctx).uploadChunk({ uploadId: half, offset: 1000, data: fake.subarray(1000).toString('base64') });
    expect(await importModel(ctx, half)).toMatchObject({ id: 'half', installed: true });
  });

  it('a sound model uploaded under a VAD-like name is installed under a name that is listed, with its sidecar', async () => {
    const ctx = await freshContext(tempDir());
    const model = fakeGgml(8);
    const info = await importModel(ctx, await upload(ctx, 'ggml-silero-v9.bin', model));
    expect(info).toMatchObject({ id: `imported-${sha256(model).slice(0, 12)}`, installed: true, source: 'imported', sha256: sha256(model) });
    expect((await readdir(modelsDir(ctx))).sort()).toEqual([`ggml-${info.id}.bin`, `ggml-${info.id}.bin.sha256`]);
    expect(await findVadModel(await createContext(ctx.dataRoot))).toBeNull();
  });

  it('a second model with the same name never replaces the first; the same file again is the same model', async () => {
    const ctx = await freshContext(tempDir());
    const a = await importModel(ctx, await upload(ctx, 'ggml-darija.bin', fakeGgml(9)));
    const b = await importModel(ctx, await upload(ctx, 'ggml-darija.bin', fakeGgml(10)));
    const again = await importModel(ctx, await upload(ctx, 'ggml-darija.bin', fakeGgml(9)));
    expect([a.id, b.id, again.id]).toEqual(['darija', 'darija-2', 'darija']);
    expect(sha256(await readFile(join(modelsDir(ctx), 'ggml-darija.bin')))).toBe(sha256(fakeGgml(9)));
    expect(sha256(await readFile(join(modelsDir(ctx), 'ggml-darija-2.bin')))).toBe(sha256(fakeGgml(10)));
  });
});

describe('voice-activity (Silero) model', () => {
  const SILERO = join(MODELS, 'ggml-silero-v5.1.2.bin');
  const haveSilero = existsSync(SILERO);

  it.runIf(haveSilero)('the real Silero model validates; a Whisper model or a cut Silero file does not', async () => {
    expect(await validateVadModelFile(SILERO)).toMatchObject({ modelType: 'silero-16k', version: '5.1.2', tensors: 15 });
    const dir = tempDir();
    await copyFile(SILERO, join(dir, 'cut.bin'));
    await truncate(join(dir, 'cut.bin'), 800_000);
    expect(await code(validateVadModelFile(join(dir, 'cut.bin')))).toBe('model.invalid');
    await writeFile(join(dir, 'whisper.bin'), fakeGgml());
    expect(await code(validateVadModelFile(join(dir, 'whisper.bin')))).toBe('model.invalid');
  });

  it.runIf(haveSilero)('is found only as a sound model named ggml-silero-*.bin; a file with that name that is not one is skipped', async () => {
    const ctx = await createContext(tempDir());
    const dir = modelsDir(ctx);
    await mkdir(dir, { recursive: true });
    // Right model, other names: not the VAD model.
    await copyFile(SILERO, join(dir, 'silero.bin'));
    await copyFile(SILERO, join(dir, 'ggml-vad.bin'));
    // The VAD name, but not a VAD model (and sorting after the real one).
    await writeFile(join(dir, 'ggml-silero-v9.9.9.bin'), 'not a model');
    await writeFile(join(dir, 'ggml-silero-v6.0.0.bin'), fakeGgml());
    expect(await findVadModel(ctx)).toBeNull();
    await copyFile(SILERO, join(dir, 'ggml-silero-v5.1.2.bin'));
    expect(await findVadModel(ctx)).toBe(join(dir, 'ggml-silero-v5.1.2.bin'));
    // And the shared models folder is searched after the data root's.
    expect(await findVadModel(await createContext(tempDir(), [MODELS]))).toBe(SILERO);
  });
});
