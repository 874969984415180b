// The undo and redo stacks of one meeting's journal, for its current revision: undo never
// crosses an approval. Rebuilt from the journal's entries after a restart, as they stood after
// each one.
import type { RestoreEdit } from '../../shared/edits.ts';
import type { JournalEntry } from './journal-file.ts';

export interface StackItem {
  seq: number;
  revision: number;
  inverse: RestoreEdit;
}

export class UndoHistory {
  private undo: StackItem[] = [];
  private redo: StackItem[] = [];

  constructor(
    /** The revision the stacks belong to (0 before any entry). */
    public revision: number,
    /** Steps kept on each stack. */
    private readonly depth: number,
  ) {}

  get canUndo(): boolean {
    return this.undo.length > 0;
  }

  get canRedo(): boolean {
    return this.redo.length > 0;
  }

  /** Reopening makes a new revision: its history starts empty (the approved one is frozen). */
  alignRevision(revision: number): void {
    if (this.revision === revision) return;
    this.revision = revision;
    this.clear();
  }

  /** A new edit: undoable, and nothing left to redo. */
  edited(item: StackItem): void {
    this.push(this.undo, item);
    this.redo = [];
  }

  /** An undo or a redo made: its step moves to the other stack as `item`. */
  stepped(kind: 'undo' | 'redo', item: StackItem): void {
    const [from, to] = kind === 'undo' ? [this.undo, this.redo] : [this.redo, this.undo];
    from.pop();
    this.push(to, item);
  }

  /** The step an undo or a redo would take, if any. */
  top(kind: 'undo' | 'redo'): StackItem | undefined {
    const stack = kind === 'undo' ? this.undo : this.redo;
    return stack[stack.length - 1];
  }

  /** Rebuilds the stacks as they stood after a journal entry. */
  replay(e: JournalEntry): void {
    this.alignRevision(e.revision);
    const item = { seq: e.seq, revision: e.revision, inverse: e.inverse };
    if (e.kind === 'edit') return this.edited(item);
    // An undo or redo of a step not on top of its stack (a journal this history cannot follow)
    // leaves nothing to undo or redo rather than a wrong step.
    if (this.top(e.kind)?.seq === e.of) this.stepped(e.kind, item);
    else {
      this.clear();
      this.push(e.kind === 'undo' ? this.redo : this.undo, item);
    }
  }

  private clear(): void {
    this.undo = [];
    this.redo = [];
  }

  private push(stack: StackItem[], item: StackItem): void {
    stack.push(item);
    if (stack.length > this.depth) stack.splice(0, stack.length - this.depth);
  }
}
