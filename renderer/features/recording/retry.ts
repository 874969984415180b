// What the page's calls to main have in common: which failures are worth sending again (the
// server cannot be reached, or the disk is full for now), and the wait between tries.
import { ApiError } from '../../api/client.ts';

export const isTransient = (e: unknown) => !(e instanceof ApiError) || e.payload.code === 'internal' || e.payload.code === 'disk.full';
export const codeOf = (e: unknown) => (e instanceof ApiError ? e.payload.code : null);

/** Waits before the next try: 250 ms, doubling up to 2 s; reset() after a success. */
export class Backoff {
  private ms = 250;
  reset(): void {
    this.ms = 250;
  }
  async wait(): Promise<void> {
    await new Promise((r) => setTimeout(r, this.ms));
    this.ms = Math.min(this.ms * 2, 2000);
  }
}
