// Where the desktop window may go: nowhere but our own page. A link, a redirect, a script
// setting location, a window.open or a <webview> must never load another page inside the app
// (it would get the bridge to the service), and nothing opens in another window.
import { isOurPage } from './ipc-sender.ts';

/** will-navigate / will-redirect: only our own page (another screen of it differs by the hash). */
export function allowNavigation(targetUrl: string, pageUrl: string): boolean {
  return isOurPage(targetUrl, pageUrl);
}

/** setWindowOpenHandler: no new windows, ever (the app has one window; links open nothing). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}
