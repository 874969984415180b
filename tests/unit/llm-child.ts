// Run as a separate Node process by llm-model.test.ts: an "app" that drafts with a GGUF model in
// its worker process and prints `WORKER <pid>` once the model writes, then waits to be killed.
// Argument: MODEL_FILE.
import { openModelDrafter } from '../../main/llm/model-drafter.ts';

const [file] = process.argv.slice(2) as [string];
let told = false;
const drafter = openModelDrafter(file, {
  threads: 1,
  onTokens: () => {
    if (told) return;
    told = true;
    process.stdout.write(`WORKER ${drafter.pid}\n`);
  },
});
await drafter.draft({ system: 'لخص.', user: 'نص طويل', maxTokens: 100_000 }, new AbortController().signal);
