/** Konsens as the benchmark runs it: the real app and SQLite store, rate limits lifted (a capacity test). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { serveStats } from './ipc.js';
import { sampleAllocations } from './allocation.js';
import { BENCH_ACCOUNT } from '../account.js';

const dir = mkdtempSync(join(tmpdir(), 'konsens-bench-'));
// A step load leaves some 150 MB of answer log: gone with the process (the orchestrator asks it to exit).
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const store = await openSqliteStore({ file: join(dir, 'konsens.sqlite') });
const unlimited = 1e9;
const app = createApp({
  store,
  config: { eventBurst: unlimited, eventsPerSecond: unlimited, joinFailureBurst: unlimited, joinFailuresPerMinute: unlimited, importBurst: unlimited, importsPerMinute: unlimited, log: () => undefined },
});
const { port } = await app.listen(0, '127.0.0.1');
// The first administrator, as the printed setup link would make it; bench/client.ts signs in with it (SPEC AC-1).
await app.accounts.setup({ token: (await app.accounts.setupPath())!.split('/').pop()!, ...BENCH_ACCOUNT });
if (process.env.BENCH_ALLOC) sampleAllocations(process.env.BENCH_ALLOC);
serveStats(port);
