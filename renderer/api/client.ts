// The typed client the UI uses, generated from the contract's list of commands: the same code
// over Electron IPC or loopback HTTP.
import { apiMethods, type ApiMethod, type MahdarApi, type MahdarClient } from '../../shared/api.ts';
import type { ErrorPayload } from '../../shared/errors.ts';
import type { ConnectionState, MahdarBridge } from './bridge.ts';
import { httpBridge } from './http-bridge.ts';
import { checkedEvents } from './events.ts';

export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.code);
  }
}

export function createClient(bridge: MahdarBridge): MahdarClient {
  const api = Object.fromEntries(
    apiMethods.map((method) => [
      method,
      async (input: unknown) => {
        const result = await bridge.call(method, input);
        if (!result.ok) throw new ApiError(result.error);
        return result.value;
      },
    ]),
  ) as unknown as MahdarApi;
  return { api, onEvent: checkedEvents(bridge), download: (id) => bridge.download(id) };
}

const bridge = window.mahdarBridge ?? httpBridge();
export const client: MahdarClient = createClient(bridge);

/**
 * Where a meeting's recording plays from (renderer only: an address, never a path). `version`
 * (the audio file's name or hash) changes the address when a new recording replaces the old, so
 * that the player loads the new one.
 */
export function mediaUrl(meetingId: string, version?: string): string {
  const url = bridge.mediaUrl(meetingId);
  return version ? `${url}?v=${encodeURIComponent(version)}` : url;
}

/**
 * One command sent so that it outlives the page (renderer only): what the page is closed or
 * reloaded with is still delivered. See MahdarBridge.call's `keepalive`.
 */
export async function callOnLeave<M extends ApiMethod>(method: M, input: Parameters<MahdarApi[M]>[0]): Promise<Awaited<ReturnType<MahdarApi[M]>>> {
  const result = await bridge.call(method, input, { keepalive: true });
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Awaited<ReturnType<MahdarApi[M]>>;
}

/** Follows the connection to the service (renderer only: not part of the shared contract). */
export function onConnection(listener: (state: ConnectionState) => void): () => void {
  if (!bridge.onConnection) {
    listener('open');
    return () => undefined;
  }
  return bridge.onConnection(listener);
}
