// The meeting's recording, for the player: both transports (serve's /media/<id>/audio and the
// desktop's mahdar-media:// protocol) reach it by meeting id through meetingAudioReply, never by
// a path from the page, and only carry the status, headers and bytes it gives. The file is opened here and handed over open: a new import deletes the old
// recording, and an open handle keeps reading it (POSIX), where a path resolved now and opened
// later could name nothing by then.
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { idSchema } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import { readStateFile } from './recording/state-file.ts';

/** Imports always decode to 16 kHz mono WAV (main/audio/import.ts). */
export const MEETING_AUDIO_TYPE = 'audio/wav';

export interface MeetingAudio {
  /** Open for reading; the caller closes it (a read stream made from it closes it when done). */
  handle: FileHandle;
  size: number;
  contentType: string;
}

/**
 * The file the player plays: while a recording is open whose followed transcript is the meeting's
 * (service/recording/follow-meeting.ts), that recording, as far as it is written (its header is
 * brought up to date every second), so that the secretary can listen to what she reviews during
 * the recording; otherwise the meeting's audio.
 */
async function playedFile(ctx: ServiceContext, meetingId: string): Promise<string> {
  const meeting = await ctx.archive.read(meetingId);
  const recording = await readStateFile(ctx.archive.meetingDir(meetingId));
  if (recording?.followInto === 'meeting') return recording.file;
  if (!meeting.audio) throw new MahdarError('audio.missing');
  return meeting.audio.file;
}

/**
 * Opens the current recording of a meeting. Refuses an invalid id (validation), an unknown
 * meeting (meeting.notFound) and a meeting without audio or whose file is gone (audio.missing).
 */
export async function openMeetingAudio(ctx: ServiceContext, meetingId: string): Promise<MeetingAudio> {
  if (!idSchema.safeParse(meetingId).success) throw new MahdarError('validation', { detail: 'id' });
  // Twice at most: an import may replace the recording (and delete the old file) between
  // reading meeting.json and opening the file it named, and a recording that stops makes its file
  // the meeting's audio; the second read names the new one.
  for (let attempt = 0; attempt < 2; attempt++) {
    const file = await playedFile(ctx, meetingId);
    const handle = await open(join(ctx.archive.meetingDir(meetingId), file), 'r').catch(() => null);
    if (!handle) continue;
    const st = await handle.stat().catch(() => null);
    if (st?.isFile()) return { handle, size: st.size, contentType: MEETING_AUDIO_TYPE };
    await handle.close().catch(() => undefined);
  }
  throw new MahdarError('audio.missing');
}

/** A byte range to send, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads an HTTP `Range` header against a file of `size` bytes (RFC 9110 §14): null to send the
 * whole file (no header, another unit, several ranges, or a header we cannot read: a server may
 * ignore Range), 'unsatisfiable' for a range that starts past the end (416), else the range,
 * its end clamped to the file.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, first, last] = m as unknown as [string, string, string];
  if (first === '' && last === '') return null;
  if (first === '') {
    // Suffix: the last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Number(last);
  return { start, end: Math.min(end, size - 1) };
}

export interface MediaReply {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to send, both ends included; null for no body. */
  range: ByteRange | null;
}

/** The status, headers and bytes for a request of a recording of `size` bytes (one range at most). */
export function mediaReply(rangeHeader: string | null | undefined, size: number, contentType: string): MediaReply {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  const range = parseByteRange(rangeHeader ?? undefined, size);
  if (range === 'unsatisfiable') return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, range: null };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  return { status: range ? 206 : 200, headers, range: size > 0 ? { start, end } : null };
}

/** A request for a recording, as either transport receives it. */
export interface MediaRequest {
  method: string;
  /** The Range header, if any. */
  range: string | null | undefined;
}

/** An answer to send as it is: the transport only carries it. */
export interface ByteReply {
  status: number;
  headers: Record<string, string>;
  /** The bytes; null for none (HEAD, 416, an empty file). */
  body: Readable | null;
}

/**
 * A meeting's recording as the answer to a request for it, with single byte ranges so that the
 * player can seek (206 + Content-Range; 416 past the end). Refuses as openMeetingAudio does, before
 * anything is sent. Once streaming, a file deleted under us still arrives whole (the open handle),
 * and one that shrinks makes the body fail rather than end: its Content-Length is then not met,
 * so the client cannot mistake it for the whole.
 */
export async function meetingAudioReply(ctx: ServiceContext, meetingId: string, request: MediaRequest): Promise<ByteReply> {
  const audio = await openMeetingAudio(ctx, meetingId);
  const reply = mediaReply(request.range, audio.size, audio.contentType);
  if (request.method === 'HEAD' || !reply.range) {
    await audio.handle.close().catch(() => undefined);
    return { status: reply.status, headers: reply.headers, body: null };
  }
  return { status: reply.status, headers: reply.headers, body: exactBytes(audio.handle, reply.range) };
}

/** The bytes start..end of an open file; the stream fails if fewer arrive (the file shrank). */
function exactBytes(handle: FileHandle, { start, end }: ByteRange): Readable {
  const expected = end - start + 1;
  let sent = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      done(sent < expected ? new Error(`the recording shrank while it was sent (${sent} of ${expected} bytes)`) : null);
    },
  });
  // Reading ends, or fails, or the transport stops it: the handle is closed in every case.
  return pipeline(handle.createReadStream({ start, end }), counted, () => undefined);
}
