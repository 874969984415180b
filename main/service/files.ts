// What the transports send as files, found by id only: an export by its download id, a meeting's
// recording by meeting id. Serve mode (/download/<id>, /media/<id>/audio) and the desktop (its
// save dialog, the mahdar-media:// protocol) both go through these and only carry the bytes.
import { open, type FileHandle } from 'node:fs/promises';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import { resolveDownload } from './minutes.ts';
import { meetingAudioReply, type ByteReply, type MediaRequest } from './media.ts';

export interface DownloadFile {
  /** Open for reading; the caller closes it (a read stream made from it closes it when done). */
  handle: FileHandle;
  fileName: string;
  contentType: string;
}

export interface FileResolvers {
  openDownload(downloadId: string): Promise<DownloadFile>;
  openMedia(meetingId: string, request: MediaRequest): Promise<ByteReply>;
}

export function fileResolvers(ctx: ServiceContext): FileResolvers {
  return {
    openDownload: (downloadId) => openDownload(ctx, downloadId),
    openMedia: (meetingId, request) => meetingAudioReply(ctx, meetingId, request),
  };
}

/**
 * An exported file by download id (resolveDownload refuses any other id). Opened here: a file
 * deleted since the export is a clear export.failed, and one deleted while it is sent still
 * arrives whole through the open handle.
 */
export async function openDownload(ctx: ServiceContext, downloadId: string): Promise<DownloadFile> {
  const { file, fileName, contentType } = await resolveDownload(ctx, downloadId);
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) throw new MahdarError('export.failed', { detail: 'the exported file is no longer there; export again' });
  return { handle, fileName, contentType };
}
