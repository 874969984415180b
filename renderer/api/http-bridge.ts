// Serve-mode transport: POST /api/<method> with JSON, events over Server-Sent Events. The token
// travels in an HttpOnly cookie set when the printed URL was first opened.
import type { ApiEvent, ApiResult } from '../../shared/api.ts';
import type { MahdarBridge } from './bridge.ts';

export function httpBridge(): MahdarBridge {
  const listeners = new Set<(e: ApiEvent) => void>();
  let source: EventSource | null = null;
  const ensureStream = () => {
    if (source) return;
    source = new EventSource('/api/events');
    source.onmessage = (msg) => {
      const event = JSON.parse(msg.data as string) as ApiEvent;
      for (const l of listeners) l(event);
    };
  };
  return {
    async call(method, input) {
      try {
        const res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        // The server is gone (stopped, restarting): say so as an error, never hang.
        return { ok: false, error: { code: 'internal', params: {} } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      ensureStream();
      return () => listeners.delete(listener);
    },
    async download(downloadId) {
      const a = document.createElement('a');
      a.href = `/download/${encodeURIComponent(downloadId)}`;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
    },
  };
}
