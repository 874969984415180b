// The messages between the app and its language-model worker (worker.ts), over the child
// process's IPC channel. One draft at a time per worker; each carries an id so that a late answer
// to a cancelled draft is never taken for the next one's.
import type { DraftRequest } from './drafter.ts';

export type ToWorker = ({ type: 'draft'; id: number } & DraftRequest) | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready' }
  /** The model could not be loaded: the worker exits after this. */
  | { type: 'loadFailed'; detail: string }
  /** Tokens written so far for a draft, as they come. */
  | { type: 'progress'; id: number; tokens: number }
  | { type: 'done'; id: number; text: string; tokens: number; modelMs: number }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; detail: string };
