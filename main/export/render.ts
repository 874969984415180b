// One export of a meeting in one format: the bytes, a file name and a content type. Shared by the
// service (exports into the archive) and the CLI (exports to --out).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/api.ts';
import type { Language, Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import type { MinutesImage } from '../../shared/minutes/model.ts';
import { renderDocx } from './docx.ts';
import { exportFileName } from './file-name.ts';
import { formatTranscript, transcriptContentTypes } from './transcript.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RenderedExport {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function contentTypeOf(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'docx') return DOCX_CONTENT_TYPE;
  if (ext === 'txt' || ext === 'srt' || ext === 'vtt' || ext === 'json') return transcriptContentTypes[ext];
  if (ext === 'zip') return 'application/zip';
  if (ext === 'pdf') return 'application/pdf';
  return 'application/octet-stream';
}

/** Size of a PNG or JPEG, read from its header; null when it is neither. */
export function imageSize(data: Uint8Array): { width: number; height: number; mime: MinutesImage['mime'] } | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    return { width: view.getUint32(16), height: view.getUint32(20), mime: 'image/png' };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const len = view.getUint16(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(i + 5), width: view.getUint16(i + 7), mime: 'image/jpeg' };
      }
      i += 2 + len;
    }
  }
  return null;
}

/** Logo files looked for in a meeting folder, in order. */
export const LOGO_FILES = ['logo.png', 'logo.jpg', 'logo.jpeg'];
const LOGO_MAX_BYTES = 2 * 1024 * 1024;
const LOGO_HEIGHT_PT = 56;

/** The institution's logo from the meeting folder (logo.png or logo.jpg), scaled to the letterhead. */
export async function readLogo(meetingDir: string): Promise<MinutesImage | null> {
  for (const name of LOGO_FILES) {
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(join(meetingDir, name)));
    } catch {
      continue;
    }
    const size = data.length <= LOGO_MAX_BYTES ? imageSize(data) : null;
    if (!size || size.width === 0 || size.height === 0) continue;
    const heightPt = LOGO_HEIGHT_PT;
    const widthPt = Math.min(160, Math.round((size.width / size.height) * heightPt));
    return { mime: size.mime, base64: Buffer.from(data).toString('base64'), widthPt, heightPt };
  }
  return null;
}

/** Renders one export of a meeting. meetingDir is where its logo may be found. */
export async function renderExport(
  meeting: Meeting,
  format: ExportFormat,
  language: Language = meeting.language,
  meetingDir?: string,
): Promise<RenderedExport> {
  let bytes: Uint8Array;
  try {
    if (format === 'docx') {
      const logo = meetingDir ? await readLogo(meetingDir) : null;
      bytes = await renderDocx(buildMinutes(meeting, language, { logo }));
    } else {
      bytes = new TextEncoder().encode(formatTranscript(format, meeting.segments, meeting.participants));
    }
  } catch (err) {
    if (err instanceof MahdarError) throw err;
    throw new MahdarError('export.failed', { detail: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : 'unknown' });
  }
  const fileName = exportFileName(meeting, format, language);
  return { fileName, contentType: contentTypeOf(fileName), bytes, sha256: sha256Hex(bytes) };
}
