// The typed client the UI uses, generated from the contract's list of commands: the same code
// over Electron IPC or loopback HTTP.
import { apiMethods, type MahdarApi, type MahdarClient } from '../../shared/api.ts';
import type { ErrorPayload } from '../../shared/errors.ts';
import type { ConnectionState, MahdarBridge } from './bridge.ts';
import { httpBridge } from './http-bridge.ts';

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
  return { api, onEvent: (l) => bridge.onEvent(l), download: (id) => bridge.download(id) };
}

const bridge = window.mahdarBridge ?? httpBridge();
export const client: MahdarClient = createClient(bridge);

/** Follows the connection to the service (renderer only: not part of the shared contract). */
export function onConnection(listener: (state: ConnectionState) => void): () => void {
  if (!bridge.onConnection) {
    listener('open');
    return () => undefined;
  }
  return bridge.onConnection(listener);
}
