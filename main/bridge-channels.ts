// IPC channel names shared by main/electron.ts and main/preload.ts.
export const BRIDGE_CHANNELS = {
  call: 'mahdar:call',
  event: 'mahdar:event',
  download: 'mahdar:download',
} as const;
