// Every UI message is shown somewhere: a key left behind when its field goes (the one chair
// field before co-chairs, issue 27) is found here rather than translated on for nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../renderer/i18n/messages.ts';

const root = join(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('the UI messages', () => {
  it('are each used by the renderer or shared code, by name or by a prefix it completes (`type_${type}`)', () => {
    const code = [...sources(join(root, 'renderer')), ...sources(join(root, 'shared'))]
      .filter((f) => !f.endsWith(join('i18n', 'messages.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const prefixes = [...code.matchAll(/[`'"]([A-Za-z]+_)\$\{/g)].map((m) => m[1]!);
    const quoted = (k: string) => ["'", '"', '`'].some((q) => code.includes(`${q}${k}${q}`));
    const unused = Object.keys(messages.ar).filter((k) => !quoted(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
