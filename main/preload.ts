// Preload (sandboxed): exposes the narrow bridge the renderer's typed client is built on
// (renderer/api/bridge.ts). No Node, no ipcRenderer, no paths reach the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_CHANNELS, MEDIA_SCHEME, type BridgeKey } from './bridge-channels.ts';

// Exactly the keys of BRIDGE_KEYS: a missing or an extra one does not compile (where Electron's
// types are installed, as in CI), and tests/unit/shell-bridge.test.ts fails everywhere.
const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(BRIDGE_CHANNELS.call, String(method), input),
  // Events arrive as sent; the page reads them against the contract (renderer/api/events.ts).
  onEvent: (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(BRIDGE_CHANNELS.event, wrapped);
    return () => ipcRenderer.removeListener(BRIDGE_CHANNELS.event, wrapped);
  },
  download: (downloadId: string) => ipcRenderer.invoke(BRIDGE_CHANNELS.download, String(downloadId)),
  // A recording's address by meeting id; main/electron.ts answers it (main/shell/media-url.ts).
  mediaUrl: (meetingId: string) => `${MEDIA_SCHEME}://audio/${encodeURIComponent(String(meetingId))}`,
} satisfies Record<BridgeKey, unknown>;

contextBridge.exposeInMainWorld('mahdarBridge', bridge);
