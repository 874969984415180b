// Run as a separate Node process by drafting-resume.test.ts: an "app" that drafts a meeting's
// summaries through the endpoint at URL. It prints `READY <meetingId>` once the run has started,
// and goes on until it is killed. Arguments: DATA_ROOT URL.
import { createContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { meetingWithInterventions } from './drafting-fixtures.ts';

const [root, url] = process.argv.slice(2) as [string, string];
const ctx = await createContext(root);
const service = await createService(ctx);
await service.updateDraftingSettings({ settings: { source: { kind: 'endpoint' }, endpoint: { url, model: 'm' } } });
const m = await service.createMeeting({ fields: meetingWithInterventions() });
await service.startDrafting({ meetingId: m.id });
process.stdout.write(`READY ${m.id}\n`);
