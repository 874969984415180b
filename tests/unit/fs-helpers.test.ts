import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile, hashFileWithSize } from '../../main/archive/file-hash.ts';
import { KeyedQueue } from '../../main/archive/keyed-queue.ts';

describe('hashFile', () => {
  it('streams a file larger than one read and gives the same digest as hashing it whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mahdar-hash-'));
    const data = Buffer.alloc(3 * (1 << 20) + 17, 7);
    await writeFile(join(dir, 'f'), data);
    expect(await hashFileWithSize(join(dir, 'f'))).toEqual({ hex: createHash('sha256').update(data).digest('hex'), bytes: data.length });
    expect(await hashFile(join(dir, 'f'), 'sha1')).toBe(createHash('sha1').update(data).digest('hex'));
    await expect(hashFile(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('KeyedQueue', () => {
  it('runs tasks of one key in order, one at a time, and goes on after a failure', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = q.run('m1', async () => {
      log.push('a start');
      await gate;
      log.push('a end');
    });
    const b = q.run('m1', async () => {
      log.push('b');
      throw new Error('b failed');
    });
    const c = q.run('m1', async () => log.push('c'));
    const other = q.run('m2', async () => log.push('other key'));
    await other;
    expect(log).toEqual(['a start', 'other key']);
    release();
    await a;
    await expect(b).rejects.toThrow('b failed');
    await c;
    expect(log).toEqual(['a start', 'other key', 'a end', 'b', 'c']);
    expect(q.busyKeys).toEqual([]);
  });
});
