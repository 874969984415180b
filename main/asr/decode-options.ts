// Decoding options of the speech engine (whisper.cpp's whisper-cli) and the pure function that
// turns them into command-line flags. The runner adds the model, the input file, the offset and
// the output flags; this module only says *how* to decode.
//
// The default values come from measurement on real read MSA (docs/engine.md, "Decoding defaults,
// chosen again on the tune set", and the sections after it): whisper.cpp 1.9.1, ggml-base, 2
// threads, long-form files (the clips joined with 1 s of silence, as a meeting arrives), chosen on
// msa-read-tune (38 min, 3,727 words) and confirmed on msa-read (10 min, 975 words), each against
// faster-whisper int8 beam 5 in one alternated bench run (`npm run bench -- peers`).
//  - no previous text as prompt (-mc 0): each 30 s window is decoded on its own audio only. With
//    the previous text (-mc -1, whisper-cli's default, or -mc 64) one phrase was repeated for up
//    to 19 minutes of the tune set, carried from window to window by that prompt; whisper.cpp's
//    entropy check (-et 2.4) and the runner's collapseRepeats did not stop it. Without the prompt
//    no loop appeared in any run, and the prompt's share of the time (6%) goes too.
//  - beam 5 (since issue 26): with no prompt and the engine's decoder without flash attention
//    (scripts/engine-source.mjs), 1.1 points better than beam 4 on the tune set (0.605 against
//    0.616) and 2.3 on msa-read (0.615 against 0.638), in 1.09-1.15 of its time; against
//    faster-whisper int8 beam 5 (0.618, 0.617) a lower WER in 0.76 and 0.90 of its time (one
//    AMX Xeon; docs/engine.md, "Beam 5"). Beam 4, the default before, was chosen when a step cost
//    2.4 times as much. Once on the tune set beam 5 repeated one 6-word phrase three times at
//    the end of a window, which beam 4 did not; the next window still gave the words that
//    followed. Greedy costs about 3 points (FAST_DECODE). The beam decodes every window: greedy
//    first with the beam only where greedy is doubtful (a whisper.cpp patch, measured by
//    bench/engine-compare.ts only) sent no window or nearly all of them to the beam on base
//    (docs/engine.md, "Greedy first, beam where doubtful"). Since then the engine's beam takes each
//    beam's best tokens (whisper.cpp 1.9.1 drew them at random): tune set 0.598, msa-read 0.629
//    with beam 5; beam 3 lost 1.8 points on the tune set for 18% less time (docs/engine.md, "Beam
//    search that takes the best tokens").
//  - voice activity detection (Silero v5.1.2) that only removes pauses of 2 s or more, keeping
//    0.4 s of audio on each side of speech (-vsd 2000 -vp 400): the only guard that stops text
//    being invented in 60 s of silence and of faint noise (0 inserted words on both), and on the
//    tune set as accurate as no VAD at all (WER 0.616 vs 0.617). whisper.cpp's own VAD defaults
//    (cut at every 100 ms pause, 30 ms padding, pieces glued with 0.1 s of zeros) clip word edges:
//    with them and -mc 64 -sns the app lost 1.3 points on the tune set (0.630) and 3.5 on a
//    17-minute session the maintainers measured. No -sns, for the same reason.
//  - initial prompt: a realistic meeting prompt made WER slightly worse (0.625 vs 0.619 plain),
//    so USE_INITIAL_PROMPT is false; buildInitialPrompt stays for sites whose participants' names
//    Whisper keeps misspelling. whisper.cpp drops every prompt, the initial one too, at -mc 0, so
//    decodeArgs refuses a prompt without text context rather than ignore it silently.

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
  /**
   * Flash attention in the encoder (whisper.cpp 1.9.1's default; false adds -nfa). The app's engine
   * never uses it in the decoder on the CPU (scripts/engine-source.mjs), where it made each beam
   * step 2.4 times slower; in the encoder it saves a third of each window's time (base and
   * large-v3-turbo's shape: docs/engine.md, "Flash attention in the encoder only"). false turns it
   * off in the encoder too.
   */
  flashAttention: boolean;
  /**
   * With VAD: the shortest pause (ms) at which the audio is cut (-vsd). whisper.cpp's default,
   * 100 ms, cuts between most words; every cut is glued back with 0.1 s of zeros.
   */
  vadMinSilenceMs: number;
  /** With VAD: audio kept on each side of detected speech (ms, -vp); whisper.cpp's default is 30. */
  vadSpeechPadMs: number;
}

/**
 * Greedy decoding: about twice as fast as beam 5 for some +0.03 WER (measured). Not the defaults'
 * guards: it keeps whisper-cli's previous text as prompt (-mc -1), which carried a repetition loop
 * over 19 minutes of the tune set (see the top of this file); the voice detection is the same.
 */
export const FAST_DECODE: Omit<DecodeOptions, 'language' | 'threads' | 'vadModel' | 'prompt'> = {
  beamSize: 1,
  bestOf: 1,
  maxContext: -1,
  suppressNonSpeech: false,
  temperatureFallback: true,
  flashAttention: true,
  vadMinSilenceMs: 2000,
  vadSpeechPadMs: 400,
};

/** Defaults chosen by measurement; language, threads, VAD model and prompt are given per call. */
export const DEFAULT_DECODE: Omit<DecodeOptions, 'language' | 'threads' | 'vadModel' | 'prompt'> = {
  beamSize: 5,
  bestOf: 5,
  maxContext: 0,
  suppressNonSpeech: false,
  temperatureFallback: true,
  flashAttention: true,
  vadMinSilenceMs: 2000,
  vadSpeechPadMs: 400,
};

/** Whether the app passes the meeting's participants/agenda as an initial prompt (by measurement). */
export const USE_INITIAL_PROMPT = false;

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
  if (!opts.flashAttention) args.push('-nfa');
  if (opts.vadModel) {
    args.push('--vad', '-vm', opts.vadModel,
      '-vsd', String(intArg('vadMinSilenceMs', opts.vadMinSilenceMs, 0)),
      '-vp', String(intArg('vadSpeechPadMs', opts.vadSpeechPadMs, 0)));
  }
  if (opts.prompt && opts.prompt.trim()) {
    // whisper.cpp 1.9.1 builds a window's prompt only when n_max_text_ctx > 0, the initial
    // prompt included: at -mc 0 it would be dropped without a word.
    if (opts.maxContext === 0) throw new RangeError('an initial prompt needs maxContext above 0 (whisper.cpp ignores it at -mc 0)');
    args.push('--prompt', opts.prompt.trim());
  }
  return args;
}

/** Rough upper bound on prompt size: Whisper keeps at most n_text_ctx/2 = 224 tokens of prompt.
 * Arabic text costs roughly one token per 1.5-2 characters in Whisper's byte-level BPE, so
 * 300 characters stays well inside the limit. */
export const MAX_PROMPT_CHARS = 300;

/**
 * Builds a short initial prompt from a meeting so that names and titles are spelled as the
 * secretary typed them. Returns null when the meeting has nothing useful to say.
 * In this order, each taking what room the ones before it left: the meeting title (at most 80
 * characters, cut at a space when it has one), the participants (name، title), then the agenda
 * titles. A list stops at the first participant or agenda item that does not fit in
 * MAX_PROMPT_CHARS: those are dropped whole, never cut.
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
