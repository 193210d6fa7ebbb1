/**
 * The burst of issue 17 (its own process, its own core): N participants each
 * send one full ballot as one `answer:batch` (16 answers) at a random moment
 * within 2 s, for a few rounds; a probe participant changes an answer every
 * 25 ms and the dashboard's push of it is timed. Per round: acknowledgement
 * and vote → dashboard latencies, and the server's event-loop delay and CPU
 * time (all its threads) per ballot. Talks to bench/burst.ts over IPC.
 */
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type FacilitatorState, type ParticipantSession } from '../shared/protocol.js';
import { burstOfBallots, emit, open, ORGANISATIONS, setUpWorkshop } from './client.js';
import { PROBE_INTERVAL_MS, sendProbe, watchKonsensProbes } from './probe.js';
import type { GcPauses } from './servers/ipc.js';

export type BurstKind = 'bare-coalesced' | 'durable' | 'konsens';

interface Job {
  kind: BurstKind;
  url: string;
  participants: number;
  rounds: number;
}

export interface RoundFigures {
  ackP50: number;
  ackP99: number;
  probeP50: number;
  probeP99: number;
  probes: number;
  probesSeen: number;
  eldP99: number;
  /** Server CPU time (µs, every thread) per ballot over the round, probes and pushes included. */
  cpuPerBallot: number;
  /** The same by server thread (main, writer, GC helpers …), µs per ballot; {} where /proc is missing. */
  threads: Record<string, number>;
  /** The server's garbage-collection pauses on its main thread by kind: how many, and ms in all. */
  gc: GcPauses;
  generatorCpu: number;
  acknowledged: number;
}

const BURST_MS = 2000;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

interface ServerStats {
  eldP99: number;
  cpuMicros: number;
  perThread: Record<string, number>;
  gc: GcPauses;
}

function serverStats(): Promise<ServerStats> {
  return new Promise((resolve) => {
    const onMessage = (message: ServerStats & { type: string }) => {
      if (message.type !== 'stats') return;
      process.off('message', onMessage);
      resolve(message);
    };
    process.on('message', onMessage);
    process.send!({ type: 'stats?', gc: false });
  });
}

export async function run(job: Job): Promise<{ kind: BurstKind; participants: number; rounds: RoundFigures[]; lost: number }> {
  const konsens = job.kind === 'konsens';
  const dashboard = await open(job.url);
  const code = await setUpWorkshop(job.url, dashboard, konsens, true);
  const sockets: Socket[] = [];
  for (let from = 0; from < job.participants; from += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, job.participants - from) }, async (_, j) => {
        const socket = await open(job.url);
        const reply = await emit<ParticipantSession>(socket, 'workshop:join', { role: 'participant', code, organisationId: ORGANISATIONS[(from + j) % 12], protocolVersion: PROTOCOL_VERSION });
        if (!reply.ok) throw new Error(`join: ${reply.code}`);
        sockets.push(socket);
      }),
    );
  }
  const probe = await open(job.url);
  await emit(probe, 'workshop:join', { role: 'participant', code, organisationId: 'probe', protocolVersion: PROTOCOL_VERSION });

  // Probes as bench/probe.ts sends them; a push showing probe k shows every earlier unseen one too.
  const probeSent: number[] = [];
  const probeRound: number[] = [];
  const latency: number[][] = Array.from({ length: job.rounds }, () => []);
  let matched = -1;
  let round = -1;
  const seen = (k: number, at: number) => {
    for (let j = matched + 1; j <= k; j++) if (probeRound[j]! >= 0) latency[probeRound[j]!]!.push(at - probeSent[j]!);
    if (k > matched) matched = k;
  };
  let tallied = 0;
  if (konsens) {
    watchKonsensProbes(dashboard, () => matched + 1, () => probeSent.length, seen);
  } else {
    dashboard.on('tally', (tally: { count: number; probe: { seq: number } | null }) => {
      tallied = tally.count;
      if (tally.probe) seen(tally.probe.seq, performance.now());
    });
  }
  const probeTimer = setInterval(() => {
    const k = probeSent.length;
    probeRound.push(round);
    probeSent.push(performance.now());
    sendProbe(probe, konsens, k);
  }, PROBE_INTERVAL_MS);

  const rounds: RoundFigures[] = [];
  let acknowledgedAnswers = 0;
  for (let r = 0; r < job.rounds; r++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await serverStats(); // resets the server's event-loop delay and CPU counters
    round = r;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const ackMs = await burstOfBallots(sockets, BURST_MS, 'b', r);
    round = -1;
    // The last pushes of the round go out within one throttle interval.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    const server = await serverStats();
    const cpu = process.cpuUsage(cpuBefore);
    acknowledgedAnswers += ackMs.length * 16;
    rounds.push({
      ackP50: percentile(ackMs, 50),
      ackP99: percentile(ackMs, 99),
      probeP50: percentile(latency[r]!, 50),
      probeP99: percentile(latency[r]!, 99),
      probes: probeRound.filter((x) => x === r).length,
      probesSeen: latency[r]!.length,
      eldP99: server.eldP99,
      cpuPerBallot: Math.round(server.cpuMicros / job.participants),
      threads: Object.fromEntries(Object.entries(server.perThread).filter(([, micros]) => micros > 0).map(([name, micros]) => [name, Math.round(micros / job.participants)])),
      gc: server.gc,
      generatorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
      acknowledged: ackMs.length,
    });
  }
  clearInterval(probeTimer);
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Zero loss: Konsens counts each participant's latest answer per cell; the relays every answer (probes apart).
  let lost: number;
  if (konsens) {
    const reply = await emit<{ state: FacilitatorState }>(dashboard, 'state:get', {});
    if (!reply.ok) throw new Error(reply.code);
    const probeAnswered = reply.data.state.progress.organisations.find((o) => o.organisationId === 'probe')!.answered;
    const counted = reply.data.state.results.themes.flatMap((t) => t.criteria).reduce((n, c) => n + c.nPersons + c.abstentions, 0) - probeAnswered;
    lost = job.participants * 16 - counted;
  } else {
    lost = acknowledgedAnswers - (tallied - probeSent.length);
  }
  for (const s of [...sockets, probe, dashboard]) s.disconnect();
  return { kind: job.kind, participants: job.participants, rounds, lost };
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => process.send!({ type: 'result', result }),
    (error: unknown) => process.send!({ type: 'error', error: String(error) }),
  );
});
