// Run as a separate Node process by recording.test.ts: an "app" that records a meeting through
// the service. It prints `READY <meetingId> <recordingId>`, then appends each chunk the parent
// sends over IPC ({seq, pcm}) and answers {ack: seq} once the service has acknowledged it, until
// it is killed. A chunk sent with `hold` is appended and then never answered: the child tells the
// parent {written: seq} instead, so the parent can kill it between a write and its answer.
// Argument: DATA_ROOT.
import { createContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';

const [root] = process.argv.slice(2) as [string];
const ctx = await createContext(root);
const service = await createService(ctx);
const m = await service.createMeeting({ fields: { title: 'تسجيل مباشر' } });
const rec = await service.startRecording({ meetingId: m.id, continue: false });
process.stdout.write(`READY ${m.id} ${rec.recordingId}\n`);
process.on('message', (msg: { seq: number; pcm: string; hold?: boolean }) => {
  service.appendRecording({ meetingId: m.id, recordingId: rec.recordingId, seq: msg.seq, pcm: msg.pcm }).then(
    (s) => process.send!(msg.hold ? { written: msg.seq } : { ack: msg.seq, durationSec: s.durationSec }),
    (err: unknown) => process.send!({ error: String(err) }),
  );
});
