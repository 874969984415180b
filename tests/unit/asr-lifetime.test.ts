// The engine never outlives the app: a Node process running a real transcription job is
// SIGKILLed (no exit handler runs), and its whisper-cli stops anyway, because the engine runs
// behind a watchdog that stops it when its pipe from the app closes. The next start of the
// service sweeps what the killed app left: the run's temporary folder and stale *.tmp files.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { concatClips, haveModel, MODELS, tempDir } from './asr-fixtures.ts';
import { running } from './processes.ts';

const REPO = resolve(import.meta.dirname, '..', '..');


describe.runIf(haveModel)('engine lifetime', () => {
  it('SIGKILL of the app stops its whisper-cli; the next start sweeps its temporary files', async () => {
    const wav = concatClips(['004.wav', '005.wav', '006.wav', '007.wav', '008.wav'], join(tempDir(), 'five.wav'), 0.3);
    const root = tempDir();
    const app = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/unit/engine-child.ts'), root, wav, MODELS], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(app, 'exit');
    let line = '';
    for await (const l of createInterface({ input: app.stdout! })) {
      line = l;
      if (l.startsWith('ENGINE ')) break;
    }
    const [, pidText, meetingId] = line.split(' ');
    const enginePid = Number(pidText);
    expect(enginePid).toBeGreaterThan(0);
    expect(running(enginePid)).toBe(true);
    const runDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`mahdar-run-${app.pid}-`));
    expect(runDirs()).toHaveLength(1); // the tail WAV of the resumed run

    app.kill('SIGKILL');
    await exited;
    // Bounded wait for the engine to disappear; the assertion is that it does, not how fast.
    for (let i = 0; i < 200 && running(enginePid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(running(enginePid)).toBe(false);
    expect(runDirs()).toHaveLength(1); // nobody cleaned up: the app was killed

    // Leftovers in the meeting folder: an interrupted write from an hour ago, and one in flight now.
    const dir = join(root, 'meetings', meetingId!);
    const stale = join(dir, '.meeting.json.0123456789ab.tmp');
    const fresh = join(dir, '.meeting.json.ba9876543210.tmp');
    writeFileSync(stale, '{');
    writeFileSync(fresh, '{');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(stale, hourAgo, hourAgo);

    const ctx = await createContext(root, [MODELS]);
    const service = await createService(ctx);
    await service.getTranscription({ meetingId: meetingId! }); // answers once the start-up sweep is done
    expect(runDirs()).toEqual([]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    // The meeting is intact and resumes from what was saved.
    expect((await service.getMeeting({ id: meetingId! })).segments.length).toBeGreaterThan(0);
  }, 300_000);
});
