// Serve mode whose full pass follows a recording at a test's scale (recording-review.spec.ts):
// 5 s behind the live edge and runs of 12 s or more, where the app keeps 45 s and runs 60 s, so
// that a minute of fake microphone makes runs; greedy decoding, at the normal priority (at nice 19
// the engine would wait for every other process of a busy test machine), and no live text, whose
// engine the two cores are better without.
import { runServe } from '../../main/serve/cli.ts';

runServe({
  recording: {
    live: false,
    transcribeAfter: { decode: { beamSize: 1, bestOf: 1 } },
    follow: { lagSec: 5, minRunSec: 12, searchSec: 4, priority: 0 },
  },
});
