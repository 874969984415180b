// The desktop's recording protocol, as a decision without Electron: which URL names which
// meeting's recording. main/electron.ts wires it to protocol.handle with meetingAudioReply
// (main/service/media.ts), which serve mode's /media route uses too.
import { MEDIA_SCHEME } from '../bridge-channels.ts';
import { idSchema } from '../../shared/domain.ts';

/** The only host of the scheme: the URL names a meeting's current recording, nothing else. */
export const MEDIA_HOST = 'audio';

/**
 * `mahdar-media://audio/<meetingId>` (a query, such as the page's `?v=` that changes with each
 * import, is allowed and ignored) → the meeting id; anything else → null: another scheme or
 * host, a port or credentials, an invalid id, more path parts, dot segments that leave the id.
 */
export function parseMediaUrl(url: string): { meetingId: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${MEDIA_SCHEME}:` || u.hostname.toLowerCase() !== MEDIA_HOST) return null;
  if (u.port || u.username || u.password) return null;
  const m = /^\/([^/]+)$/.exec(u.pathname);
  if (!m || !idSchema.safeParse(m[1]).success) return null;
  return { meetingId: m[1]! };
}
