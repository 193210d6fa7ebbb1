/**
 * `npm run bench:cpu`: what one ballot costs the server in CPU, Konsens against the
 * coalescing bare relay, at a steady load (not a burst): 300 tablets send ballots at
 * a fixed rate, as 16 answer events or as one `answer:batch`; after a warm-up, the
 * server process's CPU time (/proc/…/schedstat, all its threads) is divided by the ballots sent.
 * The server runs pinned to core 0, this generator to core 1 (where taskset exists).
 * Writes the table into docs/BENCHMARKS.md unless BENCH_KINDS narrows the run.
 *
 *   npm run bench:cpu
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { emit, open, ORGANISATIONS, sendBallots, setUpWorkshop, type BallotMode } from './client.js';
import { writeSection } from './docs.js';
import { pin, start } from './fork.js';

const KINDS = ['bare-coalesced', 'konsens'] as const;
type Kind = (typeof KINDS)[number];
const kinds = KINDS.filter((k) => !process.env.BENCH_KINDS || process.env.BENCH_KINDS.split(',').includes(k));
/** Ballots per second: 8,000 answer events a second (the burst's rate at N = 1,000), and 2,000 batches. */
const LOADS = [
  { mode: 'events', rate: 500 },
  { mode: 'batch', rate: 2000 },
] as const;
const TABLETS = 300;
const WARM_UP_S = 3;
const MEASURE_S = 8;
// All of this process's threads (-a), V8's helpers included, away from the server's core.
if (pin) execFileSync('/usr/bin/taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });

function startServer(kind: Kind): Promise<{ child: ChildProcess; url: string }> {
  const child = start(kind === 'konsens' ? 'bench/servers/konsens.ts' : 'bench/servers/bareRelay.ts', 0, { COALESCE: kind === 'bare-coalesced' ? '1' : '' });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'ready') resolve({ child, url: `http://127.0.0.1:${m.port}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** A workshop open for scoring (Konsens) or the relay's dashboard, and the joined tablets (the dashboard first). */
async function setUp(kind: Kind, url: string): Promise<Socket[]> {
  const dashboard = await open(url);
  const code = await setUpWorkshop(url, dashboard, kind === 'konsens');
  const tablets: Socket[] = [dashboard];
  for (let i = 0; i < TABLETS; i++) {
    const socket = await open(url);
    const reply = await emit(socket, 'workshop:join', { role: 'participant', code, organisationId: ORGANISATIONS[i % ORGANISATIONS.length], protocolVersion: PROTOCOL_VERSION });
    if (!reply.ok) throw new Error(`join: ${reply.code}`);
    tablets.push(socket);
  }
  return tablets;
}

/** Ballots at `rate` a second for `seconds`, all of them acknowledged; resolves with the ballots sent. */
async function load(tablets: Socket[], mode: BallotMode, rate: number, seconds: number, round: number): Promise<number> {
  let acknowledged = 0;
  const sent = await sendBallots(tablets.slice(1), mode, rate, seconds, { prefix: `c${round}`, round }, (reply, answers) => {
    if (reply.ok) acknowledged += answers;
  });
  if (acknowledged !== sent * 16) throw new Error(`${sent * 16 - acknowledged} of ${sent * 16} answers not acknowledged`);
  return sent;
}

/** Nanoseconds each thread of a process has run (schedstat); the main thread's id is the process id. */
function threadCpu(pid: number): Map<number, number> {
  const ns = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    ns.set(Number(tid), Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
  }
  return ns;
}

interface Row {
  kind: Kind;
  mode: BallotMode;
  rate: number;
  total: number;
  main: number;
  others: number;
}

async function measure(kind: Kind, mode: BallotMode, rate: number): Promise<Row> {
  const { child, url } = await startServer(kind);
  try {
    const tablets = await setUp(kind, url);
    await load(tablets, mode, rate, WARM_UP_S, 0);
    const pid = child.pid!;
    const before = threadCpu(pid);
    const ballots = await load(tablets, mode, rate, MEASURE_S, 1);
    const after = threadCpu(pid);
    for (const s of tablets) s.disconnect();
    const us = (ns: number) => Math.round(ns / 1000 / ballots);
    let main = 0;
    let others = 0;
    for (const [tid, t] of after) {
      const used = t - (before.get(tid) ?? 0);
      if (tid === pid) main += used;
      else others += used;
    }
    return { kind, mode, rate, total: us(main + others), main: us(main), others: us(others) };
  } finally {
    if (child.connected) child.send({ type: 'exit' });
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGKILL');
  }
}

const rows: Row[] = [];
for (const { mode, rate } of LOADS) {
  for (const kind of kinds) {
    const row = await measure(kind, mode, rate);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
}

const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:cpu\` (${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; server ${pin ? 'pinned to core 0, generator to core 1' : 'not pinned'}).`,
  `${TABLETS} tablets send ballots (16 answers) at a steady rate, from random tablets; after ${WARM_UP_S} s of warm-up, the server's CPU time over ${MEASURE_S} s (all its threads, from /proc/…/schedstat) divided by the ballots sent. "Other threads" are Konsens' writer thread (SQLite) and V8's garbage-collection helpers.`,
  '',
  '| ballot as | ballots/s | server | CPU per ballot | main thread | other threads | CPU per answer | Konsens / relay |',
  '|---|---|---|---|---|---|---|---|',
];
for (const r of rows) {
  const relay = rows.find((x) => x.kind === 'bare-coalesced' && x.mode === r.mode);
  const ratio = r.kind === 'konsens' && relay ? `${(r.total / relay.total).toFixed(2)} ×` : '–';
  lines.push(`| ${r.mode} | ${r.rate} | ${r.kind} | ${r.total} µs | ${r.main} µs | ${r.others} µs | ${(r.total / 16).toFixed(1)} µs | ${ratio} |`);
}
const table = lines.join('\n');
console.log(`\n${table}`);
if (process.env.BENCH_KINDS) console.log('\n(BENCH_KINDS set: docs/BENCHMARKS.md left as it is)');
else writeSection('cpu', table, 'Server CPU per ballot at a steady load');
