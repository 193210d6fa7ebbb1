/**
 * BENCH_STAGES=1 npm run bench: Konsens with each probe answer timed through the server's stages
 * (received by the room → its write began → committed → first facilitator push after it), joined at
 * exit with the generator's send and arrival times (bench/profiles/probes.json) and printed as
 * percentiles per stage, to see where vote → dashboard time goes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AnswerWriter } from '../../server/rooms/answerWriter.js';
import { Room } from '../../server/rooms/room.js';

const now = () => performance.timeOrigin + performance.now();
const stages = new Map<number, Partial<Record<'received' | 'writing' | 'committed' | 'pushed', number>>>();
const probe = (opId: string) => (opId.startsWith('probe-') ? Number(opId.split('-')[1]) : -1);
const mark = (k: number, stage: 'received' | 'writing' | 'committed' | 'pushed') => {
  if (k < 0) return;
  const times = stages.get(k) ?? {};
  times[stage] ??= now();
  stages.set(k, times);
};
let unpushed: number[] = [];

const submit = Room.prototype.submit;
Room.prototype.submit = function (this: Room, ...args: Parameters<typeof submit>) {
  mark(probe(args[1].opId), 'received');
  return submit.apply(this, args);
};
const submitBatch = Room.prototype.submitBatch;
Room.prototype.submitBatch = function (this: Room, ...args: Parameters<typeof submitBatch>) {
  for (const r of args[1]) mark(probe(r.opId), 'received');
  return submitBatch.apply(this, args);
};
const write = AnswerWriter.prototype.write;
AnswerWriter.prototype.write = function (this: AnswerWriter, queued) {
  const probes = queued.batch.answers.map((o) => probe(o.opId)).filter((k) => k >= 0);
  unpushed.push(...probes);
  write.call(this, {
    batch: queued.batch,
    committed: () => {
      for (const k of probes) mark(k, 'committed');
      queued.committed();
    },
    failed: (error) => queued.failed(error),
  });
};
const writer = AnswerWriter.prototype as unknown as { flush: () => Promise<void>; queue: { batch: { answers: { opId: string }[] } }[] };
const flush = writer.flush;
writer.flush = function (this: typeof writer) {
  for (const p of this.queue) for (const o of p.batch.answers) mark(probe(o.opId), 'writing');
  return flush.call(this);
};
const facilitatorState = Room.prototype.facilitatorState;
Room.prototype.facilitatorState = function (this: Room) {
  for (const k of unpushed) mark(k, 'pushed');
  unpushed = [];
  return facilitatorState.call(this);
};

process.on('exit', () => {
  const file = 'bench/profiles/probes.json';
  if (!existsSync(file)) return;
  const probes = JSON.parse(readFileSync(file, 'utf8')) as [k: number, round: number, sent: number, seen: number][];
  for (const round of [...new Set(probes.map(([, r]) => r))]) {
    console.error(`round ${round}${round === 0 ? ' (cold, if the run has a cold round)' : ''}:`);
    printSpans(probes.filter(([, r]) => r === round));
  }
});

function printSpans(probes: [k: number, round: number, sent: number, seen: number][]): void {
  const spans: Record<string, number[]> = { 'sent → received': [], 'received → writing': [], 'writing → committed': [], 'received → pushed': [], 'pushed → seen': [], 'sent → seen': [] };
  for (const [k, , sent, seen] of probes) {
    const t = stages.get(k);
    if (!t?.received || !t.writing || !t.committed || !t.pushed) continue;
    spans['sent → received']!.push(t.received - sent);
    spans['received → writing']!.push(t.writing - t.received);
    spans['writing → committed']!.push(t.committed - t.writing);
    spans['received → pushed']!.push(t.pushed - t.received);
    spans['pushed → seen']!.push(seen - t.pushed);
    spans['sent → seen']!.push(seen - sent);
  }
  const q = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((v.length * p) / 100))]!.toFixed(1);
  for (const [span, v] of Object.entries(spans)) if (v.length) console.error(`  ${span.padEnd(22)} p50 ${q(v, 50).padStart(7)}  p95 ${q(v, 95).padStart(7)}  max ${q(v, 100).padStart(7)} ms  (${v.length} probes)`);
}

await import('./konsens.js');
