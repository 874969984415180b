// Run as a separate Node process by live-recording.test.ts: an "app" that records a meeting with
// the live text on (real engine). Appends the clip given as argument in one-second chunks, and
// prints `LIVE <engine pid>` once the live engine runs, then waits to be killed.
// Arguments: DATA_ROOT MODELS_DIR WAV.
import { readFileSync } from 'node:fs';
import { createContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { readWavInfo } from '../../main/audio/wav.ts';

const [root, models, wav] = process.argv.slice(2) as [string, string, string];
const ctx = await createContext(root, [models]);
const service = await createService(ctx);
ctx.events.subscribe((e) => {
  if (e.type === 'liveStatus' && e.state === 'failed') process.stdout.write(`FAILED ${JSON.stringify(e.error)}\n`);
});
const m = await service.createMeeting({ fields: { title: 'نص مباشر' } });
const rec = await service.startRecording({ meetingId: m.id, continue: false });
const info = await readWavInfo(wav);
const pcm = readFileSync(wav).subarray(info.dataOffset, info.dataOffset + info.dataBytes);
for (let seq = 0; seq * 32000 < pcm.length; seq++) {
  const chunk = pcm.subarray(seq * 32000, (seq + 1) * 32000);
  await service.appendRecording({ meetingId: m.id, recordingId: rec.recordingId, seq, pcm: chunk.toString('base64') });
}
// The live engine: a whisper-server whose parent (the watchdog) is a child of this process.
const { execFileSync } = await import('node:child_process');
for (;;) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((r) => r.length > 2);
  const watchdogs = new Set(rows.filter((r) => Number(r[1]) === process.pid).map((r) => r[0]));
  const engine = rows.find((r) => watchdogs.has(r[1]!) && r[2]!.endsWith('whisper-server'));
  if (engine) {
    process.stdout.write(`LIVE ${engine[0]}\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 100));
}
setInterval(() => undefined, 1000);
