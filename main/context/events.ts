// A tiny typed event bus: the service publishes, each transport forwards to its UI clients.
import type { ApiEvent } from '../../shared/api.ts';

export type EventListener = (event: ApiEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ApiEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A failing listener (a closed window, a dropped stream) must not stop the others.
      }
    }
  }
}
