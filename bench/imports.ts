/**
 * `npm run bench:imports` (issue 16): does an import disturb a live workshop?
 * 200 tablets burst one ballot each within 2 s, alternately without and with
 * two 25 MiB workshop files imported at the burst's start; the tablets'
 * acknowledgement p95 with imports against without. Server (with its import
 * worker and writer thread) and generator are separate processes pinned to a
 * core each, so the import worker competes with the sockets for one core.
 *
 *   npm run bench:imports                  # 5 rounds of each; writes docs/BENCHMARKS.md
 *   BENCH_ROUNDS=1 npm run bench:imports   # a quick look: docs left alone
 */
import { cpus } from 'node:os';
import { writeSection } from './docs.js';
import { measureWith, pin } from './fork.js';
import type { ImportRound } from './importgen.js';

const TABLETS = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1.5;

const started = Date.now();
const result = await measureWith<{ tablets: number; fileMiB: number; rounds: ImportRound[] }>('bench/servers/konsens.ts', {}, 'bench/importgen.ts', { tablets: TABLETS, rounds: ROUNDS });
const seconds = Math.round((Date.now() - started) / 1000);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const without = result.rounds.filter((r) => r.imports === 0);
const withImports = result.rounds.filter((r) => r.imports > 0);
const ratio = Math.round((median(withImports.map((r) => r.ackP95)) / median(without.map((r) => r.ackP95))) * 100) / 100;

const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:imports\` (${seconds} s; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; server and generator ${pin ? 'pinned to cores 0 and 1 with taskset — the import worker shares the server\'s core' : 'not pinned'}).`,
  `${result.tablets} tablets each send one full ballot (16 answers) as one \`answer:batch\` at a random moment within 2 s. Rounds alternate: without imports, and with two workshop files of ${result.fileMiB} MiB (3,300 people × 50 themes × 2 criteria) posted to \`/api/workshops/import\` at the burst's start; the round ends when both are stored.`,
  '',
  '| round | imports | ack p50 / p95 / p99 | acknowledged | server event-loop delay p99 / max | import times |',
  '|---|---|---|---|---|---|',
  ...result.rounds.map((r, i) => `| ${i + 1} | ${r.imports} | ${r.ackP50} / ${r.ackP95} / ${r.ackP99} ms | ${r.acknowledged} / ${result.tablets} | ${r.eldP99} / ${r.eldMax} ms | ${r.importMs.length ? r.importMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ') : '–'} |`),
  '',
  `Ack p95 with imports / without (medians over the rounds): **${ratio}×** (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'not met'}).`,
];
const table = lines.join('\n');
console.log(table);
if (process.env.BENCH_ROUNDS) console.log('\n(partial run: docs/BENCHMARKS.md left as it is)');
else writeSection('imports', table, 'Imports during a burst (issue 16)');
