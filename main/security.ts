// The Content Security Policy of the app's page, the same in Electron and serve mode: only our
// own scripts and styles, no eval, no remote connections (nothing leaves the computer). Media
// also from the desktop's own recording protocol (main/bridge-channels.ts MEDIA_SCHEME).
import { MEDIA_SCHEME } from './bridge-channels.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `media-src 'self' blob: ${MEDIA_SCHEME}:`,
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
