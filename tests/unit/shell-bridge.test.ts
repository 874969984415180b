// The desktop bridge: what the preload exposes on window is exactly the list in
// main/bridge-channels.ts, which is the bridge type the renderer is written against (but the
// serve-only onConnection) and what tests/e2e/electron.spec.ts expects the page to see.
import { expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_KEYS } from '../../main/bridge-channels.ts';
import { parseMediaUrl } from '../../main/shell/media-url.ts';
import type { MahdarBridge } from '../../renderer/api/bridge.ts';

const exposed = vi.hoisted(() => new Map<string, Record<string, unknown>>());
const invoke = vi.hoisted(() => ({ calls: [] as unknown[][] }));
// Electron itself is not needed (nor installed everywhere): the preload sees these two objects.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke.calls.push(args),
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Compile-time: a key added to the bridge type, or to the list, and not to the other fails here.
const sameKeys: Equal<(typeof BRIDGE_KEYS)[number], Exclude<keyof MahdarBridge, 'onConnection'>> = true;

async function loadPreload(): Promise<Record<string, unknown>> {
  // A path tsc does not follow: where npm skipped Electron its types are missing, and the
  // typecheck leaves the preload out (scripts/typecheck.mjs).
  const path = '../../main/preload.ts';
  await import(/* @vite-ignore */ path);
  const bridge = exposed.get('mahdarBridge');
  if (!bridge) throw new Error('the preload exposed no mahdarBridge');
  return bridge;
}

it('the preload exposes exactly the bridge keys, each a function', async () => {
  expect(sameKeys).toBe(true);
  const bridge = await loadPreload();
  expect([...exposed.keys()]).toEqual(['mahdarBridge']);
  expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_KEYS].sort());
  for (const key of BRIDGE_KEYS) expect(typeof bridge[key], key).toBe('function');
});

it('the preload sends commands on the call channel, and names recordings as the shell reads them', async () => {
  const bridge = (await loadPreload()) as unknown as Pick<MahdarBridge, 'call' | 'mediaUrl'>;
  await bridge.call('getMeeting', { id: 'm-abc' });
  expect(invoke.calls.at(-1)).toEqual([BRIDGE_CHANNELS.call, 'getMeeting', { id: 'm-abc' }]);
  expect(parseMediaUrl(bridge.mediaUrl('m-abc'))).toEqual({ meetingId: 'm-abc' });
});
