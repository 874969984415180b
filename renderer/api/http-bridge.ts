// Serve-mode transport: POST /api/<method> with JSON, events over Server-Sent Events. The token
// travels in an HttpOnly cookie set when the printed URL was first opened.
import type { ApiResult } from '../../shared/api.ts';
import type { ConnectionState, MahdarBridge } from './bridge.ts';

/** Waits before reopening the event stream after it broke: quick at first, then every 4 s. */
const RETRY_MS = [250, 500, 1000, 2000, 4000];

export function httpBridge(): MahdarBridge {
  const stream = eventStream();
  return {
    call: postCommand,
    onEvent: stream.onEvent,
    onConnection: stream.onConnection,
    mediaUrl: (meetingId) => `/media/${encodeURIComponent(meetingId)}/audio`,
    download: async (downloadId) => {
      const a = document.createElement('a');
      a.href = `/download/${encodeURIComponent(downloadId)}`;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
    },
  };
}

async function postCommand(method: string, input: unknown, opts?: { keepalive?: boolean }): Promise<ApiResult<unknown>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      // Only when asked: the browser caps the bodies of keepalive requests in flight (64 KiB).
      ...(opts?.keepalive ? { keepalive: true } : {}),
    });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    // The server is gone (stopped, restarting): say so as an error, never hang.
    return { ok: false, error: { code: 'internal', params: {} } };
  }
}

/**
 * The one event stream of the page, opened with the first listener and reopened whenever it
 * breaks. Events are handed on as they arrive (text that is not JSON as the text itself): the
 * client reads them against the contract (renderer/api/events.ts).
 */
function eventStream(): Pick<MahdarBridge, 'onEvent'> & Required<Pick<MahdarBridge, 'onConnection'>> {
  const listeners = new Set<(event: unknown) => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let source: EventSource | null = null;
  let failures = 0;
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of stateListeners) l(next);
  };
  const open = () => {
    const es = new EventSource('/api/events');
    source = es;
    es.onopen = () => {
      failures = 0;
      setState('open');
    };
    es.onmessage = (msg) => {
      const event = parseJson(msg.data as string);
      for (const l of listeners) l(event);
    };
    es.onerror = () => {
      // The stream broke: the server stopped, crashed or is restarting. The browser's own retry
      // gives up for good after a refused response and cannot tell the UI, so close and retry here.
      es.close();
      if (source === es) source = null;
      setState('lost');
      const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
      failures += 1;
      setTimeout(open, wait);
    };
  };
  const ensureOpen = () => {
    if (source || state === 'lost') return;
    open();
  };
  return {
    onEvent(listener) {
      listeners.add(listener);
      ensureOpen();
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      ensureOpen();
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
