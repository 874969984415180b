// The desktop shell, kept thin: a hardened window around the same service that serve mode
// exposes. Everything behind it (archive, engine, export) is tested through serve mode.
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataRoot, extraModelDirs, repoRoot } from './paths.ts';
import { createContext } from './context/context.ts';
import { createService, dispatch } from './service/index.ts';
import { resolveDownload } from './service/minutes.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';
import { BRIDGE_CHANNELS } from './bridge-channels.ts';

const pageUrl = pathToFileURL(join(repoRoot, 'dist', 'renderer', 'index.html')).href;
let mainWindow: BrowserWindow | null = null;

/** IPC is answered only for our own window's top frame showing our own page. */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  return !!mainWindow && event.sender === mainWindow.webContents && event.senderFrame?.url === pageUrl;
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function main(): Promise<void> {
  await app.whenReady();
  // The same data root as serve mode, so both see the same archive.
  const ctx = await createContext(dataRoot(), extraModelDirs());
  const service = await createService(ctx);

  const ses = session.defaultSession;
  // The microphone is the only permission ever granted; no camera, no notifications, nothing else.
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const audioOnly = permission === 'media' && (details as { mediaTypes?: string[] }).mediaTypes?.every((t) => t === 'audio');
    callback(!!audioOnly && wc === mainWindow?.webContents);
  });
  ses.setPermissionCheckHandler((wc, permission) => permission === 'media' && wc === mainWindow?.webContents);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Nothing leaves the computer: any request that is not a local file is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(file|devtools|blob|data):/.test(details.url) }));

  ipcMain.handle(BRIDGE_CHANNELS.call, async (event, method: unknown, input: unknown) => {
    if (!fromOurWindow(event)) return { ok: false, error: { code: 'request.unauthorized', params: {} } };
    return dispatch(service, typeof method === 'string' ? method : '', input);
  });
  ipcMain.handle(BRIDGE_CHANNELS.download, async (event, downloadId: unknown) => {
    if (!fromOurWindow(event) || typeof downloadId !== 'string' || !mainWindow) return false;
    const d = await resolveDownload(ctx, downloadId);
    const target = await dialog.showSaveDialog(mainWindow, { defaultPath: d.fileName });
    if (target.canceled || !target.filePath) return false;
    await copyFile(d.file, target.filePath);
    return true;
  });
  ctx.events.subscribe((event) => mainWindow?.webContents.send(BRIDGE_CHANNELS.event, event));

  app.on('web-contents-created', (_e, contents) => harden(contents));
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'محضر — Mahdar',
    webPreferences: {
      preload: join(repoRoot, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(pageUrl);
}

app.on('window-all-closed', () => app.quit());
main().catch((err) => {
  console.error('mahdar:', err);
  dialog.showErrorBox('Mahdar', String(err));
  app.exit(1);
});
