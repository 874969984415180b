// Who may call the service over IPC: only our own window's top frame showing our own page.
// The page routes with the hash (`index.html#/meeting/<id>`), so the frame's URL is compared
// with the page's by protocol, host and path, never as a whole string: the fragment changes
// with every screen, and a query does not change which file (and so which code) is loaded.

export interface IpcSender {
  /** The sender's webContents is our main window's. */
  fromOurWindow: boolean;
  /** The sending frame; null when Electron no longer knows it (a frame that navigated away or was destroyed). */
  frame: { url: string; isMainFrame: boolean } | null;
}

/** The same document as pageUrl: same protocol, host and (decoded) path; fragment and query ignored. */
export function isOurPage(url: string, pageUrl: string): boolean {
  const a = parse(url);
  const b = parse(pageUrl);
  if (!a || !b) return false;
  return a.protocol === b.protocol && a.host === b.host && decodedPath(a) === decodedPath(b);
}

export function acceptIpcSender(sender: IpcSender, pageUrl: string): boolean {
  return sender.fromOurWindow && !!sender.frame && sender.frame.isMainFrame && isOurPage(sender.frame.url, pageUrl);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Chromium and pathToFileURL may percent-encode the same path differently (spaces, Arabic folder names). */
function decodedPath(u: URL): string {
  try {
    return decodeURIComponent(u.pathname);
  } catch {
    return u.pathname;
  }
}
