// Decoding options of the speech engine (whisper.cpp's whisper-cli) and the pure function that
// turns them into command-line flags. The runner adds the model, the input file, the offset and
// the output flags; this module only says *how* to decode.
//
// The default values come from measurement on the real read MSA fixtures (see docs/engine.md):
// whisper.cpp 1.9.1, ggml-base, 2 threads, 10 min long-form file of 69 clips.
//  - beam 5: WER 0.619 vs 0.653 greedy (greedy is about 2x faster; FAST_DECODE).
//  - voice activity detection (Silero v5.1.2): the only setting that stopped text being invented
//    in 60 s of silence (97 inserted words -> 0) and in 60 s of low noise (58 -> 1), for a WER
//    change within noise (0.619 vs 0.611 without it). The runner should pass the VAD model
//    whenever it has one (vadModel).
//  - max-context 64 and suppress-non-speech: neutral on WER here (within +-0.01), kept as the
//    documented guards against repetition loops on long audio (whisper.cpp #1507).
//  - initial prompt: a realistic meeting prompt made WER slightly worse (0.625 vs 0.619 plain,
//    0.622 vs 0.619 with the guards), so USE_INITIAL_PROMPT is false; buildInitialPrompt stays
//    for sites whose participants' names Whisper keeps misspelling.

/** How whisper-cli decodes one file. */
export interface DecodeOptions {
  /** Spoken language: 'ar' (default in the app), 'auto' for detection, or another ISO code. */
  language: string;
  /** Number of CPU threads (-t). */
  threads: number;
  /** Beam width (-bs). 1 = greedy decoding. */
  beamSize: number;
  /** Candidates kept when sampling at temperature > 0 (-bo). */
  bestOf: number;
  /** Maximum number of text-context tokens carried from the previous window (-mc); -1 = model maximum, 0 = none. */
  maxContext: number;
  /** Suppress non-speech tokens (-sns): music notes, brackets, speaker markers... */
  suppressNonSpeech: boolean;
  /** Path of a Silero VAD model (ggml); null disables voice activity detection. */
  vadModel: string | null;
  /** Initial prompt (--prompt), e.g. names and agenda of the meeting; null = none. */
  prompt: string | null;
  /** Temperature fallback when a window fails the entropy/log-prob checks (false adds -nf). */
  temperatureFallback: boolean;
}

/** Greedy decoding: about twice as fast as beam 5 for some +0.03 WER (measured); a "fast" mode. */
export const FAST_DECODE: Omit<DecodeOptions, 'language' | 'threads' | 'vadModel' | 'prompt'> = {
  beamSize: 1,
  bestOf: 1,
  maxContext: 64,
  suppressNonSpeech: true,
  temperatureFallback: true,
};

/** Defaults chosen by measurement; language, threads, VAD model and prompt are given per call. */
export const DEFAULT_DECODE: Omit<DecodeOptions, 'language' | 'threads' | 'vadModel' | 'prompt'> = {
  beamSize: 5,
  bestOf: 5,
  maxContext: 64,
  suppressNonSpeech: true,
  temperatureFallback: true,
};

/** Whether the app passes the meeting's participants/agenda as an initial prompt (by measurement). */
export const USE_INITIAL_PROMPT = false;

/** Voice activity detection (Silero) when its model is found: skips silence, where Whisper invents text. */
export const USE_VAD = process.env.MAHDAR_VAD !== '0';

function intArg(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`decode option ${name} must be an integer >= ${min}, got ${v}`);
  return v;
}

/** whisper-cli flags for these options (no -m, -f, offset or output flags). */
export function decodeArgs(opts: DecodeOptions): string[] {
  const language = opts.language.trim();
  if (!/^(auto|[a-z]{2,3})$/.test(language)) throw new RangeError(`invalid language code: ${opts.language}`);
  const args = [
    '-l', language,
    '-t', String(intArg('threads', opts.threads, 1)),
    '-bs', String(intArg('beamSize', opts.beamSize, 1)),
    '-bo', String(intArg('bestOf', opts.bestOf, 1)),
    '-mc', String(intArg('maxContext', opts.maxContext, -1)),
  ];
  if (opts.suppressNonSpeech) args.push('-sns');
  if (!opts.temperatureFallback) args.push('-nf');
  if (opts.vadModel) args.push('--vad', '-vm', opts.vadModel);
  if (opts.prompt && opts.prompt.trim()) args.push('--prompt', opts.prompt.trim());
  return args;
}

/** Rough upper bound on prompt size: Whisper keeps at most n_text_ctx/2 = 224 tokens of prompt.
 * Arabic text costs roughly one token per 1.5-2 characters in Whisper's byte-level BPE, so
 * 300 characters stays well inside the limit. */
export const MAX_PROMPT_CHARS = 300;

/**
 * Builds a short initial prompt from a meeting so that names and titles are spelled as the
 * secretary typed them. Returns null when the meeting has nothing useful to say.
 * Order of importance: participants (name + title), then agenda titles, then the meeting title;
 * items that do not fit in MAX_PROMPT_CHARS are dropped whole (never cut mid-word).
 */
export function buildInitialPrompt(meeting: {
  participants: { name: string; title: string }[];
  agenda: { title: string }[];
  title: string;
}): string | null {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const people = meeting.participants
    .map((p) => [clean(p.name), clean(p.title)].filter(Boolean).join('، '))
    .filter(Boolean);
  const agenda = meeting.agenda.map((a) => clean(a.title)).filter(Boolean);
  const title = clean(meeting.title);

  const parts: string[] = [];
  let used = 0;
  const tryAdd = (s: string): boolean => {
    const extra = (parts.length ? 1 : 0) + s.length;
    if (used + extra > MAX_PROMPT_CHARS) return false;
    parts.push(s);
    used += extra;
    return true;
  };

  // The title is context, the names are the point: cap the title so it cannot crowd them out.
  if (title) tryAdd(`${title.length > 80 ? title.slice(0, 80).replace(/\s+\S*$/, '') : title}.`);
  if (people.length) {
    const head = 'الحضور:';
    const kept: string[] = [];
    for (const p of people) {
      const candidate = `${head} ${[...kept, p].join('؛ ')}.`;
      if (used + (parts.length ? 1 : 0) + candidate.length > MAX_PROMPT_CHARS) break;
      kept.push(p);
    }
    if (kept.length) tryAdd(`${head} ${kept.join('؛ ')}.`);
  }
  if (agenda.length) {
    const head = 'جدول الأعمال:';
    const kept: string[] = [];
    for (const a of agenda) {
      const candidate = `${head} ${[...kept, a].join('؛ ')}.`;
      if (used + (parts.length ? 1 : 0) + candidate.length > MAX_PROMPT_CHARS) break;
      kept.push(a);
    }
    if (kept.length) tryAdd(`${head} ${kept.join('؛ ')}.`);
  }
  return parts.length ? parts.join(' ') : null;
}
