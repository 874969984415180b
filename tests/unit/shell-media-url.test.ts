// The desktop's recording protocol: which URLs name a meeting's recording (by id only, never a
// path), and the range answers the <audio> element gets, without starting Electron.
import { describe, expect, it } from 'vitest';
import { parseMediaUrl } from '../../main/shell/media-url.ts';
import { mediaReply } from '../../main/service/media.ts';

describe('parseMediaUrl', () => {
  it('accepts our scheme with a valid meeting id, with or without the page’s version query', () => {
    expect(parseMediaUrl('mahdar-media://audio/m-abc123')).toEqual({ meetingId: 'm-abc123' });
    expect(parseMediaUrl('mahdar-media://audio/m-abc123?v=audio-1f2e.wav')).toEqual({ meetingId: 'm-abc123' });
    expect(parseMediaUrl('MAHDAR-MEDIA://AUDIO/m-abc123')).toEqual({ meetingId: 'm-abc123' });
  });

  it('refuses other schemes and hosts, ports and credentials', () => {
    for (const url of [
      'file:///home/x/meetings/m-abc123/audio.wav',
      'http://audio/m-abc123',
      'https://127.0.0.1/media/m-abc123/audio',
      'mahdar-mediax://audio/m-abc123',
      'mahdar-media://video/m-abc123',
      'mahdar-media://audio:80/m-abc123',
      'mahdar-media://u:p@audio/m-abc123',
      'mahdar-media:audio/m-abc123',
      'not a url',
      '',
    ]) {
      expect(parseMediaUrl(url), url).toBeNull();
    }
  });

  it('refuses path traversal, bad ids and extra path parts', () => {
    for (const url of [
      'mahdar-media://audio/../../etc/passwd',
      'mahdar-media://audio/..%2F..%2Fetc%2Fpasswd',
      'mahdar-media://audio/%2e%2e',
      'mahdar-media://audio/m-abc123/audio-1234.wav',
      'mahdar-media://audio/m-abc123/',
      'mahdar-media://audio/',
      'mahdar-media://audio',
      'mahdar-media://audio/M-ABC123',
      'mahdar-media://audio/m%2Dabc123',
      'mahdar-media://audio/-abc',
      'mahdar-media://audio/ab',
      `mahdar-media://audio/${'a'.repeat(65)}`,
    ]) {
      expect(parseMediaUrl(url), url).toBeNull();
    }
  });
});

describe('mediaReply', () => {
  it('the whole file, a range, a suffix, and 416 past the end', () => {
    expect(mediaReply(null, 1000, 'audio/wav')).toEqual({
      status: 200,
      headers: { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store', 'Content-Length': '1000' },
      range: { start: 0, end: 999 },
    });
    const part = mediaReply('bytes=100-199', 1000, 'audio/wav');
    expect(part.status).toBe(206);
    expect(part.headers['Content-Range']).toBe('bytes 100-199/1000');
    expect(part.headers['Content-Length']).toBe('100');
    expect(part.range).toEqual({ start: 100, end: 199 });
    expect(mediaReply('bytes=-10', 1000, 'audio/wav').range).toEqual({ start: 990, end: 999 });
    const past = mediaReply('bytes=1000-', 1000, 'audio/wav');
    expect(past.status).toBe(416);
    expect(past.headers['Content-Range']).toBe('bytes */1000');
    expect(past.range).toBeNull();
  });
});
