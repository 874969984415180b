// The engine's stderr arrives in chunks cut anywhere; its readers (the voice detector's speech,
// the thread count) want whole lines. Split once here, for all of them.

export class LineReader {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  /** A chunk of output: every line it completes goes to onLine; the rest waits for the next chunk. */
  add(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    // A line without an end is kept, bounded: the lines read here are short.
    this.partial = lines.pop()!.slice(-4096);
    for (const line of lines) this.onLine(line);
  }
}
