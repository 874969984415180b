// Sends a File chosen by the secretary to main in bounded chunks; main answers with an upload
// id that later commands name. The renderer never learns or sends a path.
import { UPLOAD_CHUNK_BYTES } from '../../shared/api.ts';
import { client } from './client.ts';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  const { uploadId } = await client.api.beginUpload({ name: file.name.slice(0, 255), size: file.size });
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const chunk = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
    await client.api.uploadChunk({ uploadId, offset, data: toBase64(chunk) });
    onProgress(Math.min(1, (offset + chunk.length) / file.size));
  }
  onProgress(1);
  return uploadId;
}
