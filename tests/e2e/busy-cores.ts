// Other programs holding the processor, as a video call and a busy browser would: one process
// spinning on each core until released. The e2e specs of the thread count and the calibration's
// look at the processor share it (the unit tests have their own, asr-fixtures.ts holdEveryCore).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';

export class BusyCores {
  private hogs: ChildProcess[] = [];

  /** One spinning process on every core. */
  hold(): void {
    this.hogs = cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }

  /** The cores are free again (also after a failed test: call it in afterEach). */
  release(): void {
    for (const h of this.hogs) h.kill('SIGKILL');
    this.hogs = [];
  }
}
