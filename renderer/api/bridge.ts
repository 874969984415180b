// The narrow bridge the Electron preload exposes on window (see main/preload.ts). In serve mode
// it is absent and the HTTP transport is used instead.
import type { ApiResult } from '../../shared/api.ts';

/** The event stream to the service: 'lost' while it is broken (the server stopped or restarts). */
export type ConnectionState = 'connecting' | 'open' | 'lost';

export interface MahdarBridge {
  /**
   * `keepalive`: the request must outlive the page (sent as it is closed or reloaded). Over HTTP,
   * a keepalive fetch, which the browser completes after the page is gone; over Electron IPC the
   * message leaves at once and the main process handles it whatever becomes of the page.
   */
  call(method: string, input: unknown, opts?: { keepalive?: boolean }): Promise<ApiResult<unknown>>;
  /** Events as they arrive, not yet checked: the client reads them against the contract (renderer/api/events.ts). */
  onEvent(listener: (event: unknown) => void): () => void;
  download(downloadId: string): Promise<void>;
  /** The address a meeting's recording plays from, by id: /media/<id>/audio in serve mode, mahdar-media://audio/<id> in Electron. */
  mediaUrl(meetingId: string): string;
  /**
   * Tells the UI when the connection to the service breaks and comes back (called at once with
   * the current state). Absent in Electron, where the service lives in the same app.
   */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    mahdarBridge?: MahdarBridge;
  }
}
