// A recording holds its meeting against transcription (TranscriptionJobs.exclusive), as an import
// does: no job starts on it while it records.
import type { TranscriptionJobs } from '../../asr/job.ts';

/** Holds the meeting until the returned release is called; refused (job.running) while a job runs. */
export async function holdMeeting(jobs: TranscriptionJobs, meetingId: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((res) => (release = res));
  let entered!: () => void;
  const inside = new Promise<void>((res) => (entered = res));
  const held = jobs.exclusive(meetingId, 'job.running', async () => {
    entered();
    await released;
  });
  await Promise.race([inside, held]);
  void held.catch(() => undefined);
  return release;
}
