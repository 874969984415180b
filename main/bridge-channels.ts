// IPC channel names shared by main/electron.ts and main/preload.ts.
export const BRIDGE_CHANNELS = {
  call: 'mahdar:call',
  event: 'mahdar:event',
  download: 'mahdar:download',
} as const;

/**
 * The desktop's protocol for a meeting's recording: `mahdar-media://audio/<meetingId>`, answered
 * in main/electron.ts by meeting id (main/shell/media-url.ts reads the URL). The page gets the
 * URL from the preload; no path ever reaches it.
 */
export const MEDIA_SCHEME = 'mahdar-media';
