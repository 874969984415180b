// Events from the service, read against the contract (shared/events.ts) before any view sees
// them: whatever the transport delivered (JSON over Server-Sent Events, or a message through the
// Electron preload), an event that does not match is dropped and said once on the console, so
// a view never works on a malformed one.
import type { ApiEvent, Unsubscribe } from '../../shared/api.ts';
import { eventChecker } from '../../shared/events.ts';
import type { MahdarBridge } from './bridge.ts';

export function checkedEvents(
  bridge: Pick<MahdarBridge, 'onEvent'>,
  report: (message: string) => void = (message) => console.error(message),
): (listener: (event: ApiEvent) => void) => Unsubscribe {
  // One checker for all listeners: an invalid event type is reported once, not once per view.
  const check = eventChecker(report);
  return (listener) =>
    bridge.onEvent((raw) => {
      const event = check(raw);
      if (event) listener(event);
    });
}
