// Serve mode on a disk that holds 12 minutes of recording and a little more: the test cannot fill
// the machine's disk to see the page warn, so the recording service is given this free-space probe
// instead of the disk's own (recording-warnings.spec.ts starts it through serve.ts).
import { runServe } from '../../main/serve/cli.ts';

const FREE_BYTES = 12 * 60 * 32000 + 5000; // 16 kHz mono PCM16 is 32000 bytes a second

runServe({ recording: { freeBytes: async () => FREE_BYTES } });
