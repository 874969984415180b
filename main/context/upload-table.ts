// The uploads in progress of one data root, made with its context (context.ts) and closed with
// it. They live in memory only: a restart clears uploads/ (uploads.ts, clearUploads).

export interface Upload {
  name: string;
  size: number;
  /** Bytes written so far: the only offset the next chunk may have. */
  received: number;
  /** Date.now() of the last chunk (or of beginUpload). */
  touched: number;
  /** Claimed by an import: no more chunks, never swept. */
  taken: boolean;
  /** The last queued write; the next one starts after it. */
  tail: Promise<unknown>;
}

export class UploadTable {
  readonly uploads = new Map<string, Upload>();
  /** The sweep timer, set only while uploads are open (uploads.ts, updateTimer). */
  timer: NodeJS.Timeout | null = null;
  /** The sweep now running, or the last one. */
  sweeping: Promise<void> = Promise.resolve();

  /** Stops the sweep timer; the files are left to the next start's clearUploads. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
