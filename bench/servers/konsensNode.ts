/**
 * One Konsens node for `npm run bench:cluster`: the real app on PostgreSQL
 * (DATABASE_URL), one of several when REDIS_URL is set, rate limits lifted (a
 * capacity test). The first node (SETUP=1) makes the benchmark's account.
 */
import { createApp } from '../../server/app.js';
import { Cluster } from '../../server/cluster/cluster.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { BENCH_ACCOUNT } from '../account.js';

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const store = await openPostgresStore({ url: process.env.DATABASE_URL! });
const cluster = process.env.REDIS_URL ? await Cluster.connect({ url: process.env.REDIS_URL }) : null;
const unlimited = 1e9;
const app = createApp({
  store,
  cluster,
  config: { eventBurst: unlimited, eventsPerSecond: unlimited, joinFailureBurst: unlimited, joinFailuresPerMinute: unlimited, log: () => undefined },
});
const { port } = await app.listen(0, '127.0.0.1');
if (process.env.SETUP) await app.accounts.setup({ token: (await app.accounts.setupPath())!.split('/').pop()!, ...BENCH_ACCOUNT });
let cpu = process.cpuUsage();
process.on('message', (message: { type: string }) => {
  if (message.type === 'exit') process.exit(0);
  if (message.type !== 'cpu') return;
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  process.send!({ type: 'cpu', micros: used.user + used.system });
});
process.send!({ type: 'ready', port });
