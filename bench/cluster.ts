/**
 * `npm run bench:cluster` (issue 16): Konsens on several nodes against one node,
 * on PostgreSQL, on this machine. The benchmark starts its own PostgreSQL and
 * Redis (as the tests do) and the nodes as processes of their own.
 *
 * - Latency across nodes: one workshop owned by node A; the facilitator's
 *   dashboard and a probe participant both on node B, so that each probe
 *   answer is relayed to A and its push comes back through Redis; 300 tablets
 *   meanwhile send 150 ballots a second. Vote → dashboard p50/p99 against the
 *   same with one node.
 * - Throughput: four workshops of 100 tablets each, every tablet sending its
 *   next ballot (one `answer:batch`) as soon as the last is acknowledged, for
 *   10 s; ballots acknowledged per second with one and with two server
 *   processes (tablets spread over the nodes; the workshops' owners too).
 *
 *   npm run bench:cluster     # writes docs/BENCHMARKS.md
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { startPostgres } from '../tests/support/postgres.js';
import { startRedis } from '../tests/support/redis.js';
import { CRITERIA, emit, open, ORGANISATIONS, signIn, THEMES } from './client.js';
import { writeSection } from './docs.js';
import { next } from './fork.js';
import { PROBE_INTERVAL_MS, sendProbe, watchKonsensProbes } from './probe.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Node {
  url: string;
  child: ChildProcess;
}

async function startNodes(count: number, databaseUrl: string, redisUrl: string | null): Promise<Node[]> {
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) {
    const child = fork(`${root}bench/servers/konsensNode.ts`, [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATABASE_URL: databaseUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), ...(i === 0 ? { SETUP: '1' } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { port } = await next<{ port: number }>(child, 'ready');
    nodes.push({ url: `http://127.0.0.1:${port}`, child });
  }
  return nodes;
}

async function stopNodes(nodes: Node[]): Promise<void> {
  for (const node of nodes) {
    const exited = new Promise((resolve) => node.child.once('exit', resolve));
    node.child.send({ type: 'exit' });
    await exited;
  }
}

async function post<T>(url: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: await signIn(url) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A Quick-Check open for scoring, with a probe theme and organisation; its dashboard joined on `dashboardUrl`. */
async function workshop(ownerUrl: string, dashboardUrl: string): Promise<{ code: string; dashboard: Socket }> {
  const created = await post<{ workshopId: string; code: string }>(ownerUrl, '/api/workshops', {});
  // The owner is the node that first runs the workshop: its own dashboard's join, then the real one.
  const { secret } = await post<{ secret: string }>(ownerUrl, `/api/workshops/${created.workshopId}/co-facilitation-link`, {});
  const join = { role: 'facilitator', workshopId: created.workshopId, secret, protocolVersion: PROTOCOL_VERSION };
  const owner = await open(ownerUrl);
  const joined = await emit<{ state: { workshop: { config: { themes: unknown[]; organisations: unknown[] } } } }>(owner, 'workshop:join', join);
  if (!joined.ok) throw new Error(joined.code);
  const config = joined.data.state.workshop.config;
  await emit(owner, 'workshop:update', { themes: [...config.themes, { id: 'probe', name: 'Probe' }], organisations: [...config.organisations, { id: 'probe', name: 'Probe' }] });
  await emit(owner, 'phase:set', { phase: 'scoring' });
  owner.disconnect();
  const dashboard = await open(dashboardUrl);
  const again = await emit(dashboard, 'workshop:join', join);
  if (!again.ok) throw new Error(again.code);
  return { code: created.code, dashboard };
}

async function tablets(urls: string[], code: string, count: number): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const socket = await open(urls[i % urls.length]!);
      const reply = await emit(socket, 'workshop:join', { role: 'participant', code, organisationId: ORGANISATIONS[i % ORGANISATIONS.length], protocolVersion: PROTOCOL_VERSION });
      if (!reply.ok) throw new Error(`join: ${reply.code}`);
      return socket;
    }),
  );
}

const ballot = (prefix: string, n: number) => ({ answers: THEMES.flatMap((themeId, t) => CRITERIA.map((criterionId, c) => ({ opId: `${prefix}-${n}-${t}-${c}`, themeId, criterionId, value: 1 + ((n + t + c) % 5) }))) });

function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 10) / 10;
}

/** Probe latency (vote on `probeUrl` → push to the dashboard) for `seconds` under 150 ballots/s from 300 tablets. */
async function latency(ownerUrl: string, otherUrl: string, urls: string[], seconds: number): Promise<{ p50: number; p99: number; seen: number; sent: number }> {
  const { code, dashboard } = await workshop(ownerUrl, otherUrl);
  const load = await tablets(urls, code, 300);
  const probe = await open(otherUrl);
  await emit(probe, 'workshop:join', { role: 'participant', code, organisationId: 'probe', protocolVersion: PROTOCOL_VERSION });
  const sentAt: number[] = [];
  const latencies: number[] = [];
  let matched = -1;
  watchKonsensProbes(dashboard, () => matched + 1, () => sentAt.length, (k, at) => {
    for (let j = matched + 1; j <= k; j++) latencies.push(at - sentAt[j]!);
    matched = Math.max(matched, k);
  });
  let n = 0;
  const loadTimer = setInterval(() => {
    for (let b = 0; b < 3; b++) void emit(load[n % load.length]!, 'answer:batch', ballot('l', n++));
  }, 20);
  const probeTimer = setInterval(() => {
    sendProbe(probe, true, sentAt.length);
    sentAt.push(performance.now());
  }, PROBE_INTERVAL_MS);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(probeTimer);
  clearInterval(loadTimer);
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const s of [...load, probe, dashboard]) s.disconnect();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), seen: latencies.length, sent: sentAt.length };
}

/** Ballots acknowledged per second: 4 workshops × 100 tablets, closed loop, for `seconds`. */
async function throughput(nodes: Node[], seconds: number): Promise<{ perSecond: number; serverCpu: number; generatorCpu: number }> {
  const urls = nodes.map((n) => n.url);
  const all: Socket[] = [];
  for (let w = 0; w < 4; w++) {
    // Workshop w is owned by node w % count; its tablets come in on every node.
    const { code, dashboard } = await workshop(urls[w % urls.length]!, urls[w % urls.length]!);
    all.push(dashboard, ...(await tablets(urls, code, 100)));
  }
  const sockets = all.filter((_, i) => i % 101 !== 0);
  const cpu = () => Promise.all(nodes.map((n) => (n.child.send({ type: 'cpu' }), next<{ micros: number }>(n.child, 'cpu'))));
  await cpu();
  const generator = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  let acknowledged = 0;
  let n = 0;
  await Promise.all(
    sockets.map(async (socket) => {
      while (performance.now() < end) {
        const reply = await emit(socket, 'answer:batch', ballot('t', n++));
        if (reply.ok) acknowledged++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = await cpu();
  const mine = process.cpuUsage(generator);
  for (const s of all) s.disconnect();
  return {
    perSecond: Math.round(acknowledged / elapsed),
    serverCpu: Math.round((used.reduce((sum, u) => sum + u.micros, 0) / 1e6 / elapsed) * 100) / 100,
    generatorCpu: Math.round(((mine.user + mine.system) / 1e6 / elapsed) * 100) / 100,
  };
}

const started = Date.now();
const [database, redis] = await Promise.all([startPostgres({ durable: true }), startRedis()]);
const rows: string[] = [];
try {
  const single = await startNodes(1, await database.createDatabase(), null);
  const one = await latency(single[0]!.url, single[0]!.url, [single[0]!.url], 10);
  const oneThroughput = await throughput(single, 10);
  await stopNodes(single);

  const pair = await startNodes(2, await database.createDatabase(), redis.url);
  const urls = pair.map((n) => n.url);
  const across = await latency(urls[0]!, urls[1]!, urls, 10);
  const twoThroughput = await throughput(pair, 10);
  await stopNodes(pair);

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const seconds = Math.round((Date.now() - started) / 1000);
  rows.push(
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:cluster\` (${seconds} s; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; PostgreSQL ${database.bin('postgres').split('/').at(-3)} (fsync on) and Redis started by the benchmark; nodes, databases and the load generator share these ${cpus().length} cores, nothing pinned).`,
    '',
    'Vote → dashboard latency: a probe participant changes an answer every 25 ms while 300 tablets send 150 ballots a second. One node: probe and dashboard on it. Two nodes: the workshop owned by node A, probe and dashboard on node B — each probe relayed to A, its push back to B through Redis.',
    '',
    '| setup | vote → dashboard p50 / p99 | probes seen |',
    '|---|---|---|',
    `| 1 node | ${one.p50} / ${one.p99} ms | ${one.seen} / ${one.sent} |`,
    `| 2 nodes, across | ${across.p50} / ${across.p99} ms | ${across.seen} / ${across.sent} |`,
    `| ratio | ${ratio(across.p50, one.p50)}× / ${ratio(across.p99, one.p99)}× | |`,
    '',
    'Throughput: 4 workshops × 100 tablets, each tablet sending its next ballot (one `answer:batch` of 16) as soon as the last is acknowledged, 10 s. With two processes each owns two workshops, and every workshop\'s tablets come in on both.',
    '',
    '| server processes | ballots acknowledged per second | server CPU (cores) | generator CPU (cores) |',
    '|---|---|---|---|',
    `| 1 | ${oneThroughput.perSecond} | ${oneThroughput.serverCpu} | ${oneThroughput.generatorCpu} |`,
    `| 2 | ${twoThroughput.perSecond} | ${twoThroughput.serverCpu} | ${twoThroughput.generatorCpu} |`,
  );
} finally {
  await redis.stop();
  await database.stop();
}
const table = rows.join('\n');
console.log(table);
writeSection('cluster', table, 'Several nodes: latency across nodes and throughput (issue 16)');
