// What the drafting job asks of a language model, whichever runs it: a GGUF file in a child
// process (node-llama-cpp) or an OpenAI-compatible server on this computer.

export interface DraftRequest {
  /** The instructions: the minutes' language, the third person, nothing beyond the passages. */
  system: string;
  /** The passages to summarise, with the speaker's name and title. */
  user: string;
  /** Most tokens the model may write. */
  maxTokens: number;
}

export interface DraftResult {
  text: string;
  /** Tokens the model wrote, and the milliseconds the model itself took for them (the bench's overhead is the rest). */
  tokens: number;
  modelMs: number;
}

export interface Drafter {
  /** The name shown beside each draft (the model file's, or the server's model). */
  readonly modelName: string;
  /**
   * Writes one draft. Rejects with a MahdarError: drafting.cancelled when `signal` aborts (the
   * model stops at once), others when the model or server fails; the drafter stays usable after a
   * cancel, and after a crash of its child process (which the next draft starts again).
   */
  draft(req: DraftRequest, signal: AbortSignal): Promise<DraftResult>;
  /** Frees the model: ends the child process, if any. */
  close(): Promise<void>;
}
