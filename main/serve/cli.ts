// `npm run serve`: starts the service on 127.0.0.1 and prints the URL (with its token) to open.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { dataRoot, extraModelDirs, repoRoot } from '../paths.ts';
import { createContext } from '../context/context.ts';
import { createService } from '../service/index.ts';
import { resolveDownload } from '../service/minutes.ts';
import { startServe } from './http-server.ts';

const port = Number(process.env.MAHDAR_PORT ?? 0) || 0;
const ctx = await createContext(dataRoot(), extraModelDirs());
const service = await createService(ctx);
const server = await startServe({
  service,
  events: ctx.events,
  staticDir: resolve(repoRoot, 'dist', 'renderer'),
  token: process.env.MAHDAR_TOKEN || randomBytes(24).toString('hex'),
  port,
  resolveDownload: (id) => resolveDownload(ctx, id),
});
console.log(`Mahdar is running. Open: ${server.url}`);
console.log(`Data: ${ctx.dataRoot}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
