// The narrow bridge the Electron preload exposes on window (see main/preload.ts). In serve mode
// it is absent and the HTTP transport is used instead.
import type { ApiEvent, ApiResult } from '../../shared/api.ts';

export interface MahdarBridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  download(downloadId: string): Promise<void>;
}

declare global {
  interface Window {
    mahdarBridge?: MahdarBridge;
  }
}
