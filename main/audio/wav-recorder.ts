// The crash-safe WAV writer of live recording (16 kHz mono PCM16). Chunks are appended at the end
// of the file; at most `syncIntervalMs` after an append (and at every pause and stop) the data is
// fsynced and the RIFF and data sizes in the header are rewritten and fsynced, so the file on disk
// is a valid WAV holding everything but the last second at worst.
//
// What a crash can do, and what is done about it:
//  - the app is killed (SIGKILL, a crash): every append acknowledged has reached the kernel, so
//    the bytes are in the file; only the header may be behind. repairWav sets it from the length.
//  - power cut: data not yet fsynced may be lost (at most `syncIntervalMs`), and the file may end
//    in half a sample. repairWav cuts that half sample off and sets the header from what is left.
// The data is fsynced before the header is rewritten, so the header never claims bytes that the
// disk may not hold.
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError } from '../archive/atomic-write.ts';
import { RECORDING_SAMPLE_RATE } from '../../shared/recording.ts';
import { isMono16kPcm16, readWavInfo, wavHeader } from './wav.ts';

/** Bytes of one second of 16 kHz mono PCM16. */
export const RECORDING_BYTES_PER_SEC = RECORDING_SAMPLE_RATE * 2;
const HEADER_BYTES = 44;
/** A WAV's sizes are 32-bit: past this the header could not say how long the file is. */
const MAX_DATA_BYTES = 0xffffffff - 36;

export interface RepairResult {
  dataBytes: number;
  durationSec: number;
  /** True when the header or the length had to be changed. */
  repaired: boolean;
}

/**
 * Makes a 16 kHz mono PCM16 WAV left by a crash valid: cuts a half sample at the end, then sets
 * the RIFF and data sizes from the file's length. A file too short to hold its header, or not a
 * WAV of that format, is refused with audio.unreadable.
 */
export async function repairWav(file: string): Promise<RepairResult> {
  const info = await readWavInfo(file);
  if (!isMono16kPcm16(info)) throw new MahdarError('audio.unreadable');
  const size = (await stat(file)).size;
  const raw = size - info.dataOffset;
  const dataBytes = Math.min(raw - (raw % 2), MAX_DATA_BYTES - (MAX_DATA_BYTES % 2));
  const fh = await open(file, 'r+');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, info.dataOffset - 4);
    const declared = head.readUInt32LE(0);
    await fh.read(head, 0, 4, 4);
    const riff = head.readUInt32LE(0);
    const wantRiff = info.dataOffset - 8 + dataBytes;
    const repaired = declared !== dataBytes || riff !== wantRiff || size !== info.dataOffset + dataBytes;
    if (repaired) {
      if (size !== info.dataOffset + dataBytes) await fh.truncate(info.dataOffset + dataBytes);
      await writeSizes(fh, info.dataOffset, dataBytes);
      await fh.sync();
    }
    return { dataBytes, durationSec: dataBytes / RECORDING_BYTES_PER_SEC, repaired };
  } finally {
    await fh.close();
  }
}

async function writeSizes(fh: FileHandle, dataOffset: number, dataBytes: number): Promise<void> {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(dataOffset - 8 + dataBytes, 0);
  await fh.write(b, 0, 4, 4);
  b.writeUInt32LE(dataBytes, 0);
  await fh.write(b, 0, 4, dataOffset - 4);
}

export interface WavRecorderOptions {
  /** Longest time between an acknowledged append and the file being valid on disk. */
  syncIntervalMs?: number;
  /** Told each time the file is valid on disk, with the bytes of data its header declares. */
  onSync?: (dataBytes: number) => void;
}

export class WavRecorder {
  private timer: NodeJS.Timeout | null = null;
  private lastSync = Date.now();
  private unsynced = false;
  private closed = false;
  /** Writes and syncs run one at a time, so a sync never sees half an append. */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly fh: FileHandle,
    private readonly dataOffset: number,
    private bytes: number,
    private readonly opts: WavRecorderOptions,
  ) {
    this.syncIntervalMs = opts.syncIntervalMs ?? 1000;
  }

  private readonly syncIntervalMs: number;

  /** A new, empty recording: the header is written and fsynced before this returns. */
  static async create(file: string, opts: WavRecorderOptions = {}): Promise<WavRecorder> {
    let fh: FileHandle;
    try {
      fh = await open(file, 'wx+', 0o600);
    } catch (err) {
      throw asDiskError(err);
    }
    try {
      await fh.write(wavHeader(0), 0, HEADER_BYTES, 0);
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => undefined);
      await rm(file, { force: true }).catch(() => undefined);
      throw asDiskError(err);
    }
    return new WavRecorder(file, fh, HEADER_BYTES, 0, opts);
  }

  /** Continues an existing recording (repaired first: it may come from a crash). */
  static async continue(file: string, opts: WavRecorderOptions = {}): Promise<WavRecorder> {
    await repairWav(file);
    const info = await readWavInfo(file);
    const fh = await open(file, 'r+');
    return new WavRecorder(file, fh, info.dataOffset, info.dataBytes, opts);
  }

  get dataBytes(): number {
    return this.bytes;
  }

  get durationSec(): number {
    return this.bytes / RECORDING_BYTES_PER_SEC;
  }

  /**
   * Appends PCM16 samples. When this resolves the bytes have reached the kernel (they survive the
   * app being killed); they reach the disk within `syncIntervalMs`. A failed write (disk full) is
   * cut off again, so the file keeps exactly the acknowledged audio.
   */
  append(pcm: Uint8Array): Promise<void> {
    if (pcm.length % 2) return Promise.reject(new MahdarError('recording.badChunk'));
    return this.serial(async () => {
      if (this.closed) throw new MahdarError('recording.notFound');
      if (this.bytes + pcm.length > MAX_DATA_BYTES) throw new MahdarError('recording.tooLong');
      const at = this.dataOffset + this.bytes;
      try {
        let done = 0;
        while (done < pcm.length) done += (await this.fh.write(pcm, done, pcm.length - done, at + done)).bytesWritten;
      } catch (err) {
        await this.fh.truncate(at).catch(() => undefined);
        throw asDiskError(err);
      }
      this.bytes += pcm.length;
      this.unsynced = true;
      if (Date.now() - this.lastSync >= this.syncIntervalMs) await this.syncNow();
      else this.schedule();
    });
  }

  /** Fsyncs the data and rewrites the header now (pause, stop). */
  sync(): Promise<void> {
    return this.serial(() => this.syncNow());
  }

  /** Syncs and closes the file; the recorder cannot be used afterwards. */
  close(): Promise<void> {
    return this.serial(async () => {
      if (this.closed) return;
      await this.syncNow();
      this.closed = true;
      await this.fh.close();
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.catch(() => undefined).then(task);
    this.tail = next;
    return next;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.syncIntervalMs - (Date.now() - this.lastSync));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync().catch((err: unknown) => console.error(`mahdar: saving the recording ${this.file} failed:`, err));
    }, wait);
    // A pending sync must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  private async syncNow(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.closed) return;
    this.lastSync = Date.now();
    if (!this.unsynced) return;
    this.unsynced = false;
    try {
      await this.fh.datasync();
      await writeSizes(this.fh, this.dataOffset, this.bytes);
      await this.fh.datasync();
    } catch (err) {
      this.unsynced = true;
      throw asDiskError(err);
    }
    this.opts.onSync?.(this.bytes);
  }
}
