/**
 * `npm run bench`: Konsens against a bare Socket.IO relay (forwarding every
 * answer, and coalescing with Konsens' 20 ms leading-edge throttle), on this
 * machine, in one run. Server and load generator are separate processes pinned
 * to separate cores (taskset). Writes the figures into docs/BENCHMARKS.md.
 * `npm run bench` then goes on with bench/burst.ts (`npm run bench:burst`):
 * the burst of one `answer:batch` per participant against the coalescing and
 * the durable relay (issue 17), with the same environment variables.
 *
 *   npm run bench                      # N = 1,000 and 10,000
 *   BENCH_SIZES=1000 npm run bench     # a quicker run; leaves docs/BENCHMARKS.md alone
 *   BENCH_KINDS=konsens …              # only these servers (also leaves the docs alone)
 *   BENCH_PROFILE=1 …                  # CPU profiles of the servers into bench/profiles
 *   BENCH_TRACE=1 …                    # Konsens' SQLite statements timed, printed at exit
 *   BENCH_STAGES=1 …                   # Konsens' probe answers timed stage by stage, printed at exit
 *   BENCH_FLAGS="--trace-gc" …         # extra Node flags for the servers
 * Only a run with none of these set writes docs/BENCHMARKS.md.
 */
import { cpus } from 'node:os';
import type { BallotMode } from './client.js';
import { writeSection } from './docs.js';
import { measureWith, pin } from './fork.js';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ALL_KINDS = ['bare', 'bare-coalesced', 'konsens'] as const;
/** BENCH_KINDS=konsens runs only that server (a partial run: docs/BENCHMARKS.md is left alone). */
const kinds = ALL_KINDS.filter((k) => !process.env.BENCH_KINDS || process.env.BENCH_KINDS.split(',').includes(k));
/** Ballots per second for the step load (at N = 1,000): each ballot as 16 events … */
const STEPS = [500, 1000, 1500, 2000, 3000, 4000];
/** … and as one `answer:batch` of 16 answers. */
const BATCH_STEPS = [1000, 2000, 3000, 4000, 5000, 8000, 16000];
type Kind = (typeof ALL_KINDS)[number];
/**
 * Burst rounds: at N = 1,000 a cold first round (the server's first burst, reported on its own) and
 * three measured ones for a steadier p99; at 10,000 one round, cold, which already takes the
 * generator's whole core.
 */
const burstRounds = (participants: number) => (participants <= 1000 ? 3 : 1);
const coldRound = (participants: number) => participants <= 1000;

function konsensScript(): string {
  if (process.env.BENCH_TRACE) return 'bench/servers/konsensTrace.ts';
  if (process.env.BENCH_STAGES) return 'bench/servers/konsensStages.ts';
  return 'bench/servers/konsens.ts';
}

function measure(kind: Kind, participants: number): Promise<Result> {
  const script = kind === 'konsens' ? konsensScript() : 'bench/servers/bareRelay.ts';
  const job = { kind, participants, steps: participants <= 1000 ? STEPS : [], batchSteps: participants <= 1000 ? BATCH_STEPS : [], burstRounds: burstRounds(participants), coldRound: coldRound(participants) };
  return measureWith<Result>(script, kind === 'bare-coalesced' ? { COALESCE: '1' } : {}, 'bench/loadgen.ts', job);
}

type Result = Awaited<ReturnType<typeof import('./loadgen.js')['run']>>;

/** A generator busier than this could not send at the intended rate: its row says nothing about the server. */
const SATURATED = 0.85;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

const results: Result[] = [];
const started = Date.now();
for (const n of sizes) {
  for (const kind of kinds) {
    process.stdout.write(`${kind} × ${n} … `);
    const result = await measure(kind, n);
    results.push(result);
    console.log(JSON.stringify(result));
  }
}
const seconds = Math.round((Date.now() - started) / 1000);

const lines: string[] = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (${seconds} s; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; server and generator ${pin ? 'pinned to cores 0 and 1 with taskset' : 'not pinned'}).`,
  'Each participant submits a full ballot (8 themes × 2 criteria = 16 answers, one event each) at random moments within 2 s; a probe participant answers every 25 ms and its answer is timed until the dashboard shows it (Konsens: the facilitator\'s pushed state; relay: the forwarded vote or coalesced count; a probe first shown together with a later one is timed to that push, not dropped).',
  'At N = 1,000 the server\'s first burst (its answer path not yet optimised by the JIT) is reported on its own ("cold round"); the latency, event-loop and CPU columns are three more rounds in a row, for a p99 that rests on about 230 probes, while "answers acked / lost" counts all four rounds. At N = 10,000 there is one round, cold.',
  '"bare" forwards every answer to the dashboard room; "bare-coalesced" counts and pushes with the same 20 ms leading-edge throttle as Konsens. Konsens runs with its SQLite store (each answer committed before its acknowledgement) and rate limits lifted.',
  '',
  '| N | server | connect p50 / p99 | heap / participant | RSS / participant | answers acked / lost | ack p50 / p99 | vote → dashboard p50 / p95 / p99 | server ELD p99 | generator CPU | cold round: vote → dashboard p99, ack p99, ELD p99 |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
const coldOf = (r: Result) => (r.burst.cold ? `${r.burst.cold.probeP99} ms (${r.burst.cold.probesSeen}/${r.burst.cold.probes}), ${r.burst.cold.ackP99} ms, ${r.burst.cold.eldP99} ms` : '–');
for (const r of results) {
  lines.push(
    `| ${r.participants} | ${r.kind} | ${r.connect.p50} / ${r.connect.p99} ms | ${kb(r.memory.heapPerParticipant)} kB | ${kb(r.memory.rssPerParticipant)} kB | ${r.burst.acknowledged} / ${r.burst.lost} | ${r.burst.ackP50} / ${r.burst.ackP99} ms | ${r.burst.probeP50} / ${r.burst.probeP95} / ${r.burst.probeP99} ms (${r.burst.probesSeen}/${r.burst.probes}) | ${r.burst.eldP99} ms | ${Math.round(r.burst.generatorCpu * 100)} %${r.burst.generatorCpu >= SATURATED ? ' — saturated: row invalid' : ''} | ${coldOf(r)} |`,
  );
}
lines.push('', 'Ratios Konsens / bare-coalesced (the same throttle):', '', '| N | heap / participant | vote → dashboard p99 | ack p99 | cold round: vote → dashboard p99 |', '|---|---|---|---|---|');
for (const n of sizes) {
  const k = results.find((r) => r.participants === n && r.kind === 'konsens');
  const b = results.find((r) => r.participants === n && r.kind === 'bare-coalesced');
  if (!k || !b) continue;
  const coldRatio = k.burst.cold && b.burst.cold ? ratio(k.burst.cold.probeP99, b.burst.cold.probeP99) : '–';
  lines.push(`| ${n} | ${ratio(k.memory.heapPerParticipant, b.memory.heapPerParticipant)} | ${ratio(k.burst.probeP99, b.burst.probeP99)} | ${ratio(k.burst.ackP99, b.burst.ackP99)} | ${coldRatio} |`);
}
lines.push(
  '',
  `Step load at N = 1,000: ballots (16 answers each) per second from random participants, ${2} s a step, until the acknowledgement p99 passes 250 ms or the server's event-loop delay p99 passes 50 ms (or the generator saturates).`,
  'Each ballot is sent two ways: as 16 events of one answer ("events", as a tablet sends taps one by one), and as one `answer:batch` of 16 answers ("batch", as a tablet sends what it queued; SPEC D-4) — to both servers alike.',
  '',
  '| server | ballot as | ballots/s offered → acknowledged | ack p99 | server ELD p99 | generator CPU | within limits |',
  '|---|---|---|---|---|---|---|',
);
for (const r of results.filter((x) => x.steps.length > 0)) {
  for (const step of r.steps) {
    lines.push(`| ${r.kind} | ${step.mode} | ${step.ballotsPerSecond} → ${step.acknowledgedPerSecond} | ${step.ackP99} ms | ${step.eldP99} ms | ${Math.round(step.generatorCpu * 100)} %${step.generatorCpu >= SATURATED ? ' (saturated)' : ''} | ${step.passed ? 'yes' : 'no'} |`);
  }
}
lines.push('', '| server | sustained ballots/s as events | sustained ballots/s as batches |', '|---|---|---|');
const sustainedOf = (r: Result, mode: BallotMode) => {
  const steps = r.steps.filter((s) => s.mode === mode);
  const last = [...steps].reverse().find((s) => s.passed);
  const capped = steps.at(-1)?.passed && steps.at(-1)!.generatorCpu >= SATURATED ? ' (generator saturated: at least)' : '';
  return last ? `${last.ballotsPerSecond}${capped}` : `< ${steps[0]?.ballotsPerSecond ?? '–'}`;
};
for (const r of results.filter((x) => x.steps.length > 0)) lines.push(`| ${r.kind} | ${sustainedOf(r, 'events')} | ${sustainedOf(r, 'batch')} |`);
const table = lines.join('\n');
console.log(`\n${table}`);

// Only a full, uninstrumented run replaces the published figures; the others are for trying things out.
const partial = ['BENCH_SIZES', 'BENCH_KINDS', 'BENCH_PROFILE', 'BENCH_TRACE', 'BENCH_STAGES', 'BENCH_FLAGS'].filter((name) => process.env[name]);
if (partial.length > 0) {
  console.log(`\n(${partial.join(', ')} set: docs/BENCHMARKS.md left as it is)`);
} else {
  writeSection('bench', table);
}
