// Run as a separate Node process by recording-follow.test.ts: an "app" that records a meeting with
// the full pass following it (real engine, greedy). Appends the WAV given as argument in one-second
// chunks as fast as they are answered, prints `READY <meetingId>` and then `RUN <engine pid>
// <from sec>` for each run of the pass, and waits to be killed. Arguments: DATA_ROOT WAV.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWavInfo } from '../../main/audio/wav.ts';
import { createContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';

const [root, wav] = process.argv.slice(2) as [string, string];
const models = join(resolve(import.meta.dirname, '..', '..', '..', 'shared'), 'models');
const ctx = await createContext(root, [models]);
const follow = { lagSec: 5, minRunSec: 12, searchSec: 4, priority: 0, listener: { started: (pid: number, from: number) => process.stdout.write(`RUN ${pid} ${from}\n`) } };
const service = await createService(ctx, { recording: { live: false, transcribeAfter: { decode: { beamSize: 1, bestOf: 1 } }, follow } });
await service.updateSettings({ settings: { threads: 1 } });
const m = await service.createMeeting({ fields: { title: 'تسجيل' } });
process.stdout.write(`READY ${m.id}\n`);
const rec = await service.startRecording({ meetingId: m.id, continue: false });
const info = await readWavInfo(wav);
const pcm = readFileSync(wav).subarray(info.dataOffset, info.dataOffset + info.dataBytes);
for (let seq = 0; seq * 32000 < pcm.length; seq++) {
  await service.appendRecording({ meetingId: m.id, recordingId: rec.recordingId, seq, pcm: pcm.subarray(seq * 32000, (seq + 1) * 32000).toString('base64') });
}
setInterval(() => undefined, 60_000);
