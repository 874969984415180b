// Events on their way to the UI, the same for both transports (Electron IPC in main/electron.ts,
// Server-Sent Events in main/serve/http-server.ts): each is read against the contract's schema
// (shared/events.ts) and sent in that form; one that does not match is a bug in main, logged
// once per event type and not sent.
import type { ApiEvent } from '../../shared/api.ts';
import { eventChecker } from '../../shared/events.ts';
import type { EventBus } from '../context/events.ts';

/** Forwards every event of the bus to `send` until the returned function is called. */
export function forwardEvents(events: EventBus, send: (event: ApiEvent) => void): () => void {
  const check = eventChecker((message) => console.error(message));
  return events.subscribe((event) => {
    const checked = check(event);
    if (checked) send(checked);
  });
}
