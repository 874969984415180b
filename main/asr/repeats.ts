// Text clean-up shared by the full pass (runner.ts) and the live text (live/server.ts).

/**
 * Whisper's known loop on long audio: one word or phrase repeated over and over in a segment.
 * A phrase of 1-8 words repeated more than 3 times in a row is kept 3 times at most.
 */
export function collapseRepeats(text: string, keep = 3): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < keep + 1) return text.trim();
  const out: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (let n = 1; n <= 8 && i + n * (keep + 1) <= words.length; n++) {
      let reps = 1;
      while (i + (reps + 1) * n <= words.length && words.slice(i + reps * n, i + (reps + 1) * n).join(' ') === words.slice(i, i + n).join(' ')) reps++;
      if (reps > keep) {
        for (let r = 0; r < keep; r++) out.push(...words.slice(i, i + n));
        i += reps * n;
        continue outer;
      }
    }
    out.push(words[i]!);
    i++;
  }
  return out.join(' ');
}
