// Nothing leaves the computer: the window may load only local files, in-memory data (blob:,
// data:), the developer tools and our own recording protocol (answered in this process, by
// meeting id). http(s), ws(s), ftp… are cancelled, loopback included.
import { MEDIA_SCHEME } from '../bridge-channels.ts';

const LOCAL_PROTOCOLS = new Set(['file:', 'devtools:', 'blob:', 'data:', `${MEDIA_SCHEME}:`]);

export function isLocalRequest(url: string): boolean {
  try {
    return LOCAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false; // not a URL at all: nothing to load
  }
}
