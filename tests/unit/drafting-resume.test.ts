// A drafting run survives the app's SIGKILL: the app (a child process running the service) is
// killed while the model writes the third draft; the next start of the service resumes the run
// from its record and drafts the rest, without asking again for the drafts already saved.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftingJob } from '../../shared/drafting.ts';
import { createService } from '../../main/service/index.ts';
import { summaryView } from '../../shared/summaries/status.ts';
import { freshContext, tempDir } from './asr-fixtures.ts';
import { chatServer, type ChatServer } from './drafting-fixtures.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const servers: ChatServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe('a drafting run killed with the app', () => {
  it('resumes at the next start and finishes without redoing the saved drafts', async () => {
    const server = await chatServer((n) => n === 3);
    servers.push(server);
    const root = tempDir();
    const app = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/unit/drafting-child.ts'), root, server.url], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    app.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await server.arrived(3);
    const exited = once(app, 'exit');
    app.kill('SIGKILL');
    await exited;
    const meetingId = /READY (\S+)/.exec(out)![1]!;
    server.release();

    const ctx = await freshContext(root);
    const ended = new Promise<DraftingJob>((done) => {
      ctx.events.subscribe((e) => {
        if (e.type === 'drafting' && e.job.status !== 'running') done(e.job);
      });
    });
    const service = await createService(ctx);
    // The two interventions drafted before the kill are no longer missing: the resumed run has two to do.
    expect(await ended).toMatchObject({ meetingId, status: 'done', total: 2, done: 2 });
    const asked = server.requests.map((r) => r.user.split('\n')[0]);
    expect(asked).toHaveLength(5);
    expect(asked.slice(3)).toEqual([asked[2], expect.stringContaining('يوسف')]);
    const entries = summaryView(await service.getMeeting({ id: meetingId })).points.flatMap((p) => p.interventions);
    expect(entries.map((e) => e.status)).toEqual(['draft', 'draft', 'draft', 'draft']);
    expect(entries.map((e) => e.summary!.text.match(/\d+/)![0])).toEqual(['1', '2', '4', '5']);
    expect(await service.getDrafting({ meetingId })).toMatchObject({ status: 'done' });
  });
});
