// The only permission the desktop app ever grants is the microphone (audio capture, no camera),
// and only to our own window. Notifications, geolocation, clipboard, screen capture… are refused.

export interface PermissionRequest {
  permission: string;
  /** For 'media' requests: what is asked for ('audio', 'video'). */
  mediaTypes?: readonly string[];
  fromOurWindow: boolean;
}

/** Electron's permission request handler: a getUserMedia call asking for audio only. */
export function grantPermissionRequest(req: PermissionRequest): boolean {
  if (!req.fromOurWindow || req.permission !== 'media') return false;
  const types = req.mediaTypes ?? [];
  // An empty list would pass `every`; it names no device, so nothing is granted.
  return types.length > 0 && types.every((t) => t === 'audio');
}

export interface PermissionCheck {
  permission: string;
  /** For 'media' checks: 'audio', 'video' or 'unknown'. */
  mediaType?: string;
  fromOurWindow: boolean;
}

/** Electron's permission check handler (synchronous "is it already granted?"): the microphone only. */
export function grantPermissionCheck(check: PermissionCheck): boolean {
  return check.fromOurWindow && check.permission === 'media' && check.mediaType === 'audio';
}
