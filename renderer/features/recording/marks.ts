// The live marks (and applyMarks) saved at once, in order, as edits of the meeting: retried on a
// version conflict (another edit moved the meeting on) or while main cannot be reached.
import type { EditInput } from '../../../shared/edits.ts';
import { client } from '../../api/client.ts';
import { Backoff, codeOf, isTransient } from './retry.ts';

export interface MarkProgress {
  marksSaved: number;
  marksPending: number;
  /** An error main answered, or 'connection' while it cannot be reached. */
  markProblem: unknown;
}

export class MarkQueue {
  private version: number | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly meetingId: string,
    private readonly progress: () => MarkProgress,
    private readonly report: (patch: Partial<MarkProgress>) => void,
  ) {}

  /** Saves `input` after the edits before it; a function gives the edit once it is known (null: none). */
  edit(input: EditInput | (() => Promise<EditInput | null>)): Promise<boolean> {
    this.report({ marksPending: this.progress().marksPending + 1 });
    const run = async (): Promise<boolean> => {
      const edit = typeof input === 'function' ? await input() : input;
      return edit ? this.save(edit) : false; // null: the recording never started
    };
    const p = this.last.then(run, run).finally(() => this.report({ marksPending: this.progress().marksPending - 1 }));
    this.last = p;
    return p;
  }

  private async save(edit: EditInput): Promise<boolean> {
    const backoff = new Backoff();
    for (;;) {
      try {
        if (this.version === null) this.version = (await client.api.getEditState({ meetingId: this.meetingId })).version;
        const r = await client.api.applyEdit({ meetingId: this.meetingId, baseVersion: this.version, edit });
        this.version = r.version;
        this.report({ marksSaved: edit.type === 'clearMarks' ? 0 : this.progress().marksSaved + (edit.type === 'addMark' ? 1 : 0), markProblem: null });
        return true;
      } catch (e) {
        if (codeOf(e) === 'edit.conflict') {
          // Another edit (this page's autosave, another window) moved the meeting on: resend on its version.
          this.version = null;
          continue;
        }
        if (!isTransient(e)) {
          this.report({ markProblem: e });
          return false;
        }
        this.report({ markProblem: 'connection' });
        this.version = null;
        await backoff.wait();
      }
    }
  }
}
