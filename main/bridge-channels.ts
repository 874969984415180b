// IPC channel names shared by main/electron.ts and main/preload.ts.
export const BRIDGE_CHANNELS = {
  call: 'mahdar:call',
  event: 'mahdar:event',
  download: 'mahdar:download',
} as const;

/**
 * What the preload exposes on window.mahdarBridge, and nothing more: the keys of
 * renderer/api/bridge.ts's MahdarBridge but onConnection, which only serve mode has. The
 * preload is typed against this list, tests/unit/shell-bridge.test.ts holds the bridge type and
 * the exposed object to it, and tests/e2e/electron.spec.ts checks that the page sees exactly these.
 */
export const BRIDGE_KEYS = ['call', 'onEvent', 'download', 'mediaUrl'] as const;
export type BridgeKey = (typeof BRIDGE_KEYS)[number];

/**
 * The desktop's protocol for a meeting's recording: `mahdar-media://audio/<meetingId>`, answered
 * in main/electron.ts by meeting id (main/shell/media-url.ts reads the URL). The page gets the
 * URL from the preload; no path ever reaches it.
 */
export const MEDIA_SCHEME = 'mahdar-media';
