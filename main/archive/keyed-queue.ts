// Runs tasks one after another per key (a meeting id, a meeting folder), in the order they were
// queued; tasks on different keys run freely. A failed task does not stop the ones behind it.
// It serialises work inside this process only: other processes are kept out by the data root's
// lock, not by this queue.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(task);
    this.tails.set(key, next);
    void next
      .finally(() => {
        if (this.tails.get(key) === next) this.tails.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  /** Keys with work queued or running (tests, shutdown). */
  get busyKeys(): string[] {
    return [...this.tails.keys()];
  }
}
