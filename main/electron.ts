// The desktop shell, kept thin: a hardened window around the same service that serve mode
// exposes. Everything behind it (archive, engine, export) is tested through serve mode; the
// shell's own decisions (who may call, what may load, which permission) are pure functions in
// main/shell/, unit-tested, and only wired here.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { dataRoot, extraModelDirs, repoRoot } from './paths.ts';
import { createContext } from './context/context.ts';
import { createService, dispatch } from './service/index.ts';
import { forwardEvents } from './service/events.ts';
import { fileResolvers, type FileResolvers } from './service/files.ts';
import type { EventBus } from './context/events.ts';
import type { MahdarService } from '../shared/api.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';
import { BRIDGE_CHANNELS, MEDIA_SCHEME } from './bridge-channels.ts';
import { parseMediaUrl } from './shell/media-url.ts';
import { errorText, MahdarError } from '../shared/errors.ts';
import { acquireDataRootLock } from './archive/data-root-lock.ts';
import { acceptIpcSender } from './shell/ipc-sender.ts';
import { grantPermissionCheck, grantPermissionRequest } from './shell/permissions.ts';
import { allowNavigation, windowOpenDecision } from './shell/navigation.ts';
import { isLocalRequest } from './shell/request-filter.ts';
import { shellLanguage } from './shell/language.ts';

// Before the app is ready, as Electron requires: the recording protocol streams, and answers
// the <audio> element's range requests (main/shell/media-url.ts).
protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } }]);

const pageUrl = pathToFileURL(join(repoRoot, 'dist', 'renderer', 'index.html')).href;
let mainWindow: BrowserWindow | null = null;

/** IPC is answered only for our own window's top frame showing our own page (any screen of it). */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return acceptIpcSender(
    {
      fromOurWindow: !!mainWindow && event.sender === mainWindow.webContents,
      frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
    },
    pageUrl,
  );
}

function harden(contents: WebContents): void {
  const guard = (e: { preventDefault(): void; url: string }) => {
    if (!allowNavigation(e.url, pageUrl)) e.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(windowOpenDecision);
}

/** Takes the data root for this process, or says why not (another Mahdar has it) and quits. */
async function lockDataRoot(root: string): Promise<boolean> {
  try {
    const lock = await acquireDataRootLock(root, 'desktop');
    // Released on quit, and by the lock's own 'exit' handler should quitting be skipped.
    app.on('will-quit', () => lock.release());
    return true;
  } catch (err) {
    if (!(err instanceof MahdarError)) throw err;
    const text = errorText({ code: err.code, params: err.params }, shellLanguage(app.getLocale()));
    console.error(`mahdar: ${errorText({ code: err.code, params: err.params }, 'en')}`);
    dialog.showErrorBox('Mahdar', text);
    app.exit(1);
    return false;
  }
}

/** The session's rules: the microphone only, our content security policy, nothing remote. */
function guardSession(): void {
  const ses = session.defaultSession;
  const ours = (wc: WebContents | null) => !!wc && wc === mainWindow?.webContents;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(grantPermissionRequest({ permission, mediaTypes: (details as { mediaTypes?: string[] }).mediaTypes, fromOurWindow: ours(wc) }));
  });
  ses.setPermissionCheckHandler((wc, permission, _origin, details) =>
    grantPermissionCheck({ permission, mediaType: (details as { mediaType?: string }).mediaType, fromOurWindow: ours(wc) }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
}

/** The preload's bridge, answered here: commands, downloads through a save dialog, events, recordings. */
function serveBridge(service: MahdarService, files: FileResolvers, events: EventBus): void {
  ipcMain.handle(BRIDGE_CHANNELS.call, async (event, method: unknown, input: unknown) => {
    if (!fromOurWindow(event)) return { ok: false, error: { code: 'request.unauthorized', params: {} } };
    return dispatch(service, typeof method === 'string' ? method : '', input);
  });
  ipcMain.handle(BRIDGE_CHANNELS.download, async (event, downloadId: unknown) => {
    if (!fromOurWindow(event) || typeof downloadId !== 'string' || !mainWindow) return false;
    const d = await files.openDownload(downloadId);
    try {
      const target = await dialog.showSaveDialog(mainWindow, { defaultPath: d.fileName });
      if (target.canceled || !target.filePath) return false;
      await pipeline(d.handle.createReadStream({ autoClose: false }), createWriteStream(target.filePath));
      return true;
    } finally {
      await d.handle.close().catch(() => undefined);
    }
  });
  forwardEvents(events, (event) => mainWindow?.webContents.send(BRIDGE_CHANNELS.event, event));
  // A meeting's recording by id, with byte ranges so that the player can seek; the same
  // answers as serve mode's /media/<id>/audio (main/service/media.ts meetingAudioReply).
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const target = parseMediaUrl(request.url);
    const reply = target && (await files.openMedia(target.meetingId, { method: request.method, range: request.headers.get('range') }).catch(() => null));
    if (!reply) return new Response(null, { status: 404 });
    const body = reply.body && (Readable.toWeb(reply.body) as ReadableStream<Uint8Array>);
    return new Response(body, { status: reply.status, headers: reply.headers });
  });
}

async function main(): Promise<void> {
  await app.whenReady();
  // The same data root as serve mode, so both see the same archive; one process owns it at a time.
  const root = dataRoot();
  if (!(await lockDataRoot(root))) return;
  const ctx = await createContext(root, extraModelDirs());
  const service = await createService(ctx);
  app.on('will-quit', () => void ctx.close());
  guardSession();
  serveBridge(service, fileResolvers(ctx), ctx.events);

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
// Signals quit like closing the window, so the process exits normally and releases the data root.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, () => app.quit());
main().catch((err) => {
  console.error('mahdar:', err);
  dialog.showErrorBox('Mahdar', String(err));
  app.exit(1);
});
