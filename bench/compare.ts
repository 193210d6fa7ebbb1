/**
 * `BENCH_BASE=<commit> npm run bench:compare`: does a change make the
 * Quick-Check slower? Runs Konsens's own benchmark (N = 1,000: burst rounds and
 * the step load, `BENCH_SIZES=1000 BENCH_KINDS=konsens`) in a checkout of the
 * base commit and in this tree, alternately (BENCH_ROUNDS times each, default
 * 3, so that drift of the machine hits both alike), and writes every run and
 * the medians to docs/BENCHMARKS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = process.env.BENCH_BASE;
if (!base) throw new Error('BENCH_BASE=<commit> names the commit to compare with');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const baseCommit = git('rev-parse', '--short', base);
const headCommit = git('rev-parse', '--short', 'HEAD');

interface Figures {
  heap: number;
  ackP99: number;
  voteP95: number;
  voteP99: number;
  events: number;
  batch: number;
}

/** The index-th of "a / b / c ms (n/m)" as a number (the counts in brackets left out). */
const num = (cell: string, index = 0) => Number(cell.replace(/\(.*\)/, '').split('/')[index]!.replace(/[^\d.]/g, ''));

/** The Konsens row of the burst table and the sustained rates, from run.ts's printed tables. */
function parse(output: string): Figures {
  const burst = output.split('\n').find((l) => /^\| 1000 \| konsens \|/.test(l));
  // "< 500" when not even the first step held: counted as 0.
  const sustained = output.split('\n').find((l) => /^\| konsens \| (< )?\d+ \| (< )?\d+ \|$/.test(l));
  if (!burst || !sustained) throw new Error(`no figures in the output:\n${output.slice(-2000)}`);
  const b = burst.split('|').map((c) => c.trim());
  const s = sustained.split('|').map((c) => c.trim());
  return { heap: num(b[4]!), ackP99: num(b[7]!, 1), voteP95: num(b[8]!, 1), voteP99: num(b[8]!, 2), events: s[2]!.startsWith('<') ? 0 : Number(s[2]), batch: s[3]!.startsWith('<') ? 0 : Number(s[3]) };
}

function run(dir: string): Figures {
  const result = spawnSync('npx', ['tsx', 'bench/run.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, BENCH_SIZES: '1000', BENCH_KINDS: 'konsens' }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`bench in ${dir} failed:\n${result.stderr}`);
  return parse(result.stdout);
}

const baseDir = mkdtempSync(join(tmpdir(), 'konsens-base-'));
git('worktree', 'add', '--detach', baseDir, base);
symlinkSync(join(root, 'node_modules'), join(baseDir, 'node_modules'));
const started = Date.now();
const runs: { tree: string; figures: Figures }[] = [];
try {
  for (let i = 0; i < rounds; i++) {
    for (const [tree, dir] of [[`base ${baseCommit}`, baseDir], [`this ${headCommit}`, root]] as const) {
      const figures = run(dir);
      console.log(tree, JSON.stringify(figures));
      runs.push({ tree, figures });
    }
  }
} finally {
  git('worktree', 'remove', '--force', baseDir);
  rmSync(baseDir, { recursive: true, force: true });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const row = (tree: string, f: Figures) => `| ${tree} | ${f.heap} kB | ${f.ackP99} ms | ${f.voteP95} / ${f.voteP99} ms | ${f.events} | ${f.batch} |`;
const medianOf = (tree: string): Figures => {
  const mine = runs.filter((r) => r.tree === tree).map((r) => r.figures);
  const pick = (key: keyof Figures) => median(mine.map((f) => f[key]));
  return { heap: pick('heap'), ackP99: pick('ackP99'), voteP95: pick('voteP95'), voteP99: pick('voteP99'), events: pick('events'), batch: pick('batch') };
};
const trees = [`base ${baseCommit}`, `this ${headCommit}`];
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`BENCH_BASE=${base} npm run bench:compare\` (${Math.round((Date.now() - started) / 1000)} s): Konsens alone at N = 1,000 (\`BENCH_SIZES=1000 BENCH_KINDS=konsens tsx bench/run.ts\`), ${rounds} runs of each tree, alternately.`,
  '',
  '| tree | heap / participant | burst ack p99 | burst vote → dashboard p95 / p99 | sustained ballots/s as events | as batches |',
  '|---|---|---|---|---|---|',
  ...runs.map((r) => row(r.tree, r.figures)),
  ...trees.map((t) => row(`**median, ${t}**`, medianOf(t))),
].join('\n');
console.log(`\n${table}`);
writeSection('compare', table, 'Before and after a change (the Quick-Check does not regress)');
