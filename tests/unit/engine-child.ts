// Run as a separate Node process by asr-lifetime.test.ts: an "app" that starts a real
// transcription job and prints the engine's pid, then waits to be killed.
// Arguments: DATA_ROOT WAV MODELS_DIR.
import { newId } from '../../shared/domain.ts';
import { TranscriptionJobs } from '../../main/asr/job.ts';
import { importAudioFile } from '../../main/audio/import.ts';
import { createContext } from '../../main/context/context.ts';

const [root, wav, models] = process.argv.slice(2) as [string, string, string];
const ctx = await createContext(root, [models]);
const m = await ctx.archive.create({ title: 'engine child' });
await importAudioFile(ctx, m.id, wav, 'meeting.wav');
// One saved segment makes the run a resumed one: with voice detection the tail of the WAV is cut
// into a temporary folder, which a killed app leaves behind.
await ctx.archive.update(m.id, (x) => ({
  ...x,
  segments: [{ id: newId('s'), start: 0, end: 2, text: 'بداية', speakerId: null, tags: [], edited: false }],
}));
const jobs = new TranscriptionJobs(ctx);
let told = false;
ctx.events.subscribe((e) => {
  const pid = jobs.childPid(m.id);
  if (e.type === 'job' && pid && !told) {
    told = true;
    process.stdout.write(`ENGINE ${pid} ${m.id}\n`);
  }
});
await jobs.start({ meetingId: m.id, threads: 1, decode: { beamSize: 1, bestOf: 1 } });
