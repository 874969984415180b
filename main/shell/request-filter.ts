// Nothing leaves the computer: the window may load only local files, in-memory data (blob:,
// data:) and the developer tools. http(s), ws(s), ftp… are cancelled, loopback included.

const LOCAL_PROTOCOLS = new Set(['file:', 'devtools:', 'blob:', 'data:']);

export function isLocalRequest(url: string): boolean {
  try {
    return LOCAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false; // not a URL at all: nothing to load
  }
}
