// `npm run serve [-- --rotate-token]`: takes the data root, starts the service on 127.0.0.1 and
// prints the URL (with its token) to open. A data root already owned by another Mahdar is
// refused with one line naming it. The token is kept in the data root across restarts.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitOnError } from '../fatal.ts';
import { config } from '../config.ts';
import { dataRoot, extraModelDirs, repoRoot } from '../paths.ts';
import { acquireDataRootLock } from '../archive/data-root-lock.ts';
import { createContext } from '../context/context.ts';
import { createService, type ServiceOptions } from '../service/index.ts';
import { fileResolvers } from '../service/files.ts';
import { startServe } from './http-server.ts';
import { serveToken } from './token.ts';

const USAGE = 'usage: npm run serve [-- --rotate-token]   (MAHDAR_DATA_DIR, MAHDAR_PORT, MAHDAR_TOKEN)';

async function main(argv: string[], services: ServiceOptions): Promise<void> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const unknown = argv.find((a) => a !== '--rotate-token');
  if (unknown !== undefined) {
    console.error(`mahdar: unknown option "${unknown}"\n${USAGE}`);
    process.exit(2);
  }
  // Signals end the process through process.exit, whose 'exit' handler releases the lock. They
  // are handled from the start: until a listener exists, a signal kills the process outright.
  let server: { close(): Promise<void> } | null = null;
  const stop = () => void (server?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, stop);

  const root = dataRoot();
  // First, before anything reads or clears the root (createService clears uploads/). Released
  // by the lock's own 'exit' handler.
  await acquireDataRootLock(root, 'serve');
  const ctx = await createContext(root, extraModelDirs());
  const service = await createService(ctx, services);
  const token = await serveToken(root, { rotate: argv.includes('--rotate-token'), override: config.token() });
  const started = await startServe({
    service,
    events: ctx.events,
    staticDir: resolve(repoRoot, 'dist', 'renderer'),
    token,
    port: config.port(),
    files: fileResolvers(ctx),
  });
  server = { close: () => started.close().then(() => ctx.close()) };
  console.log(`Mahdar is running. Open: ${started.url}`);
  console.log(`Data: ${ctx.dataRoot}`);
}

/** Serve mode with the service's defaults, or with fakes a test entry gives (tests/e2e/serve-low-disk.ts). */
export function runServe(services: ServiceOptions = {}): void {
  main(process.argv.slice(2), services).catch(exitOnError);
}

// Run as a program (not imported by a test entry); realpaths, as the command line may name a link.
const script = process.argv[1];
if (script && realpathSync(script) === realpathSync(import.meta.filename)) runServe();
