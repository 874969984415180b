// A job's second look (job.ts): after its full pass, the holes of the saved transcript where
// speech was heard are transcribed once more on their own (gap-pass.ts), each span's segments put
// in place in meeting.json as soon as its run ends, with the job's progress saying how many.
import type { DecodeOptions } from './decode-options.ts';
import type { ServiceContext } from '../context/context.ts';
import type { Span } from '../../shared/transcript/gaps.ts';
import { spansToTranscribeAgain, transcribeGaps, type GapPass } from './gap-pass.ts';
import { joinHeard, readHeardSpeech } from './heard-speech.ts';
import type { JobEvents } from './job-progress.ts';
import { audioRef, insertSegments, sameAudio, type AudioRef } from './segment-saver.ts';

/** What the job runs on: its recording, where its full pass started, its engine. */
export interface SecondLookSetup {
  meetingId: string;
  audio: AudioRef;
  audioPath: string;
  durationSec: number;
  offsetSec: number;
  bin: string;
  modelPath: string;
  decode: DecodeOptions;
  fitThreads: boolean;
}

/** The job's side: whether Stop was pressed, and the run to stop when it is. */
export interface SecondLookControl {
  cancelRequested(): boolean;
  started(pass: GapPass): void;
}

/**
 * The second look. `speech` is what the full pass's voice detector heard from the resume point on
 * (null: nothing known, e.g. no run was needed); what the pass that followed the recording heard
 * before it is read from beside the WAV (heard-speech.ts). 'audioChanged': meeting.json names another
 * recording (or was approved) meanwhile, and nothing more went in.
 */
export async function secondLook(
  ctx: Pick<ServiceContext, 'archive' | 'events'>,
  setup: SecondLookSetup,
  events: JobEvents,
  speech: Span[] | null,
  control: SecondLookControl,
): Promise<'done' | 'cancelled' | 'audioChanged'> {
  const { meetingId, audio, durationSec } = setup;
  const saved = await ctx.archive.read(meetingId);
  if (!sameAudio(audioRef(saved), audio)) return 'audioChanged';
  // What the pass that followed the recording heard (none for an imported file), joined to this run's.
  const followed = await readHeardSpeech(ctx.archive.meetingDir(meetingId), audio.file);
  const spans = spansToTranscribeAgain(saved.segments, durationSec, joinHeard(followed, audio.file, setup.offsetSec, speech));
  if (control.cancelRequested()) return 'cancelled';
  if (!spans.length) return 'done';
  let elsewhere = false;
  events.secondLook(0, spans.length);
  const pass = transcribeGaps({
    bin: setup.bin,
    model: setup.modelPath,
    audio: setup.audioPath,
    durationSec,
    decode: setup.decode,
    fitThreads: setup.fitThreads,
    spans,
    onStart: () => events.publish(true),
    onThreads: (n) => events.threads(n, setup.decode.threads),
    onSpan: async (found, i) => {
      const added = await insertSegments(ctx.archive, meetingId, audio, found);
      if (added === null) {
        elsewhere = true;
        void pass.cancel();
        return;
      }
      for (const segment of added) ctx.events.publish({ type: 'segment', meetingId, segment });
      events.secondLook(i + 1, spans.length);
    },
  });
  control.started(pass);
  if (control.cancelRequested()) void pass.cancel();
  const result = await pass.done;
  return elsewhere ? 'audioChanged' : result.status;
}
