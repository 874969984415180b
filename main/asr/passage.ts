// Transcribes one passage of a meeting's recording again (another language, another model): the
// span is cut into a temporary WAV, the engine runs on it through the runner (same process
// isolation, watchdog and VAD as a job), and the segments come back on the meeting's timeline,
// clipped to the span, with the engine's word confidences when the run gave them (runner.ts
// onConfidence). Nothing is saved here: main/service/passage.ts turns the result into one
// journaled edit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { transcriptionLanguages } from '../../shared/api.ts';
import { type Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { sliceWav } from '../audio/wav.ts';
import type { ServiceContext } from '../context/context.ts';
import { readSettings } from '../context/settings.ts';
import { buildInitialPrompt, DEFAULT_DECODE, USE_INITIAL_PROMPT, type DecodeOptions } from './decode-options.ts';
import { resolveThreads, whisperCliPath } from './engine.ts';
import { resolveModel } from './models.ts';
import { findVadModel } from './vad-model.ts';
import { RUN_DIR_PREFIX } from './run-temp.ts';
import { onTimeline, PASSAGE_PAD_SEC, type PassageSegment } from './passage-timeline.ts';
import { runWhisper, type RunHandle } from './runner.ts';
import { roundConfidence } from './token-confidence.ts';

export interface PassageOptions {
  meeting: Meeting;
  /** The span on the meeting's timeline, in seconds. */
  start: number;
  end: number;
  language: (typeof transcriptionLanguages)[number];
  modelId?: string;
  threads?: number;
  /** Overrides of the decoding defaults (tests use greedy decoding to save time). */
  decode?: Partial<Omit<DecodeOptions, 'language' | 'threads'>>;
  /** The engine process started (tests wait on it before cancelling or editing meanwhile). */
  onEngineStart?: (pid: number) => void;
}

export interface PassageRun {
  /** The passage's segments on the meeting's timeline; rejects with a MahdarError (passage.cancelled when cancelled). */
  done: Promise<PassageSegment[]>;
  cancel(): Promise<void>;
}

export function transcribePassage(ctx: ServiceContext, opts: PassageOptions): PassageRun {
  let cancelled = false;
  let handle: RunHandle | null = null;
  const done = (async () => {
    const { meeting } = opts;
    if (!meeting.audio) throw new MahdarError('audio.missing');
    const settings = await readSettings(ctx);
    const model = await resolveModel(ctx, opts.modelId ?? settings.modelId);
    const vadModel = await findVadModel(ctx);
    const decode: DecodeOptions = {
      ...DEFAULT_DECODE,
      language: opts.language,
      threads: resolveThreads(opts.threads, settings.threads),
      vadModel,
      // The meeting's prompt is Arabic: it would pull a French or English passage towards Arabic.
      prompt: USE_INITIAL_PROMPT && opts.language === 'ar' ? buildInitialPrompt(meeting) : null,
      ...opts.decode,
    };
    const from = Math.max(0, opts.start - PASSAGE_PAD_SEC);
    const to = Math.min(meeting.audio.durationSec, opts.end + PASSAGE_PAD_SEC);
    // Named like the runner's own folders, so the start-up sweep removes it if the app is killed.
    const dir = await mkdtemp(join(tmpdir(), `${RUN_DIR_PREFIX}${process.pid}-`));
    try {
      const slice = await sliceWav(join(ctx.archive.meetingDir(meeting.id), meeting.audio.file), join(dir, 'passage.wav'), from, to);
      if (cancelled) throw new MahdarError('passage.cancelled');
      const found: PassageSegment[] = [];
      handle = runWhisper({
        bin: whisperCliPath(),
        model: model.path,
        audio: join(dir, 'passage.wav'),
        durationSec: slice.durationSec,
        decode,
        fitThreads: opts.threads === undefined,
        onSegment: (s) => found.push(s),
        // The same objects as onSegment's.
        onConfidence: (s, ps) => ((s as PassageSegment).wordConfidence = roundConfidence(ps)),
        onStart: (pid) => opts.onEngineStart?.(pid),
      });
      if (cancelled) void handle.cancel();
      const result = await handle.done;
      if (result.status === 'cancelled' || cancelled) throw new MahdarError('passage.cancelled');
      if (result.status === 'failed') throw result.error;
      return onTimeline(found, from, opts.start, opts.end);
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  })();
  return {
    done,
    async cancel() {
      cancelled = true;
      await handle?.cancel();
    },
  };
}
