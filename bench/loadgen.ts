/**
 * Load generator (its own process, its own core): connects N participants,
 * then each submits a full ballot (8 themes × 2 criteria) within 2 s (a few rounds) while a
 * probe participant's answers are timed until the dashboard (Konsens: the
 * facilitator) shows them. Talks to the orchestrator over IPC; see bench/run.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import type { FacilitatorState, ParticipantSession } from '../shared/protocol.js';
import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { CRITERIA, emit, open, ORGANISATIONS, sendBallots, setUpWorkshop, THEMES, type BallotMode } from './client.js';
import { PROBE_INTERVAL_MS, sendProbe, watchKonsensProbes } from './probe.js';

interface Job {
  kind: 'konsens' | 'bare' | 'bare-coalesced';
  url: string;
  participants: number;
  /** Ballots per second to step through after the burst, each ballot as 16 events; empty: no step load. */
  steps: number[];
  /** The same with each ballot as one `answer:batch` of 16 answers (SPEC D-4). */
  batchSteps: number[];
  /** Burst rounds: each participant submits a full ballot within 2 s, this many times in a row. */
  burstRounds: number;
  /**
   * One more round first, reported on its own: the server's first burst, with its code not yet
   * optimised by the JIT. The burst figures are then those of the later rounds.
   */
  coldRound: boolean;
}

export interface Step {
  mode: BallotMode;
  ballotsPerSecond: number;
  acknowledgedPerSecond: number;
  ackP99: number;
  eldP99: number;
  generatorCpu: number;
  passed: boolean;
}

/** A step passes while answers are acknowledged within 250 ms (p99) and the server's event loop lags under 50 ms (p99). */
const STEP_ACK_P99_MS = 250;
const STEP_ELD_P99_MS = 50;
const STEP_SECONDS = 2;

/** Send `rate` full ballots per second for a while, each from a random participant with changed values. */
async function stepLoad(sockets: Socket[], mode: BallotMode, rate: number, round: number): Promise<Omit<Step, 'eldP99' | 'passed'>> {
  const ackMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await sendBallots(sockets, mode, rate, STEP_SECONDS, { prefix: `s${mode[0]}${round}`, round }, (reply, answers, ms) => {
    if (reply.ok) for (let a = 0; a < answers; a++) ackMs.push(ms);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    mode,
    ballotsPerSecond: rate,
    acknowledgedPerSecond: Math.round(ackMs.length / 16 / seconds),
    ackP99: percentile(ackMs, 99),
    generatorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}

interface ServerStats {
  heapUsed: number;
  rss: number;
  eldP50: number;
  eldP99: number;
  eldMax: number;
}


function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

/** The server's memory (after a full GC) and event-loop delay since the last call; `gc: false` skips the GC (mid-burst, where a real server never collects on demand). */
function stats({ gc = true } = {}): Promise<ServerStats> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string } & ServerStats) => {
      if (message.type !== 'stats') return;
      process.off('message', onMessage);
      resolve(message);
    };
    process.on('message', onMessage);
    process.send!({ type: 'stats?', gc });
  });
}

export async function run(job: Job) {
  const konsens = job.kind === 'konsens';
  // Set-up: a workshop with a probe theme and a probe organisation, open for scoring.
  const dashboard = await open(job.url);
  const code = await setUpWorkshop(job.url, dashboard, konsens, true);
  const base = await stats();

  // Phase 1: connect.
  const connectMs: number[] = [];
  const sockets: Socket[] = [];
  const started = performance.now();
  for (let from = 0; from < job.participants; from += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, job.participants - from) }, async (_, j) => {
        const i = from + j;
        const t0 = performance.now();
        const socket = await open(job.url);
        const reply = await emit<ParticipantSession>(socket, 'workshop:join', { role: 'participant', code, organisationId: ORGANISATIONS[i % 12], protocolVersion: PROTOCOL_VERSION });
        if (!reply.ok) throw new Error(`join: ${reply.code}`);
        connectMs.push(performance.now() - t0);
        sockets.push(socket);
      }),
    );
  }
  const connectSeconds = (performance.now() - started) / 1000;
  const connected = await stats();

  // Phase 2: burst — every participant a full ballot within 2 s, the probe every 25 ms.
  const probe = await open(job.url);
  await emit(probe, 'workshop:join', { role: 'participant', code, organisationId: 'probe', protocolVersion: PROTOCOL_VERSION });
  const probeSent: number[] = [];
  /** The round each probe was sent in (0 is the cold round, if there is one). */
  const probeRound: number[] = [];
  const probeLatency: number[] = [];
  const coldProbeLatency: number[] = [];
  /** For BENCH_STAGES: each seen probe with its round and absolute send and arrival times. */
  const probeTimes: [k: number, round: number, sent: number, seen: number][] = [];
  let matched = -1;
  let round = 0;
  // A push that shows probe k also shows every earlier probe not yet seen (one socket: the server takes
  // them in order); each is timed to that push, so that probes overtaken while waiting are not dropped.
  const seen = (k: number, at: number) => {
    for (let j = matched + 1; j <= k; j++) {
      (job.coldRound && probeRound[j] === 0 ? coldProbeLatency : probeLatency).push(at - probeSent[j]!);
      probeTimes.push([j, probeRound[j]!, performance.timeOrigin + probeSent[j]!, performance.timeOrigin + at]);
    }
    if (k > matched) matched = k;
  };
  let votesSeen = 0;
  if (konsens) {
    watchKonsensProbes(dashboard, () => matched + 1, () => probeSent.length, seen);
  } else {
    dashboard.on('vote', (vote: { probe?: { seq: number } }) => {
      votesSeen++;
      if (vote.probe) seen(vote.probe.seq, performance.now());
    });
    dashboard.on('tally', (tally: { count: number; probe: { seq: number } | null }) => {
      votesSeen = tally.count;
      if (tally.probe) seen(tally.probe.seq, performance.now());
    });
  }
  await stats({ gc: false }); // resets the server's event-loop delay histogram
  let cpuBefore = process.cpuUsage();
  let burstStarted = performance.now();
  let ackMs: number[] = [];
  let coldAckMs: number[] = [];
  let failed = 0;
  const probeTimer = setInterval(() => {
    const k = probeSent.length;
    probeRound.push(round);
    probeSent.push(performance.now());
    sendProbe(probe, konsens, k);
  }, PROBE_INTERVAL_MS);
  // Several rounds at N = 1,000 (each participant changes every answer in each), so that the p99
  // rests on a few hundred probes rather than on the slowest two or three of one round.
  const ackedCells = new Set<string>();
  const rounds = job.burstRounds + (job.coldRound ? 1 : 0);
  let cold: { ackP99: number; probeP99: number; probes: number; probesSeen: number; eldP99: number } | null = null;
  for (; round < rounds; round++) {
    if (job.coldRound && round === 1) {
      // The cold round is over: what follows is measured afresh.
      const coldStats = await stats({ gc: false });
      const coldProbes = probeRound.filter((r) => r === 0).length;
      cold = { ackP99: percentile(ackMs, 99), probeP99: percentile(coldProbeLatency, 99), probes: coldProbes, probesSeen: coldProbeLatency.length, eldP99: coldStats.eldP99 };
      coldAckMs = ackMs;
      ackMs = [];
      cpuBefore = process.cpuUsage();
      burstStarted = performance.now();
    }
    await Promise.all(
      sockets.flatMap((socket, i) =>
        THEMES.flatMap((themeId) =>
          CRITERIA.map(
            (criterionId) =>
              new Promise<void>((resolve) => {
                setTimeout(async () => {
                  const t0 = performance.now();
                  const value = 1 + ((i + themeId.length + round) % 5);
                  const reply = await emit(socket, 'answer:set', { opId: `b${round}-${i}-${themeId}-${criterionId}`, themeId, criterionId, value }).catch(() => null);
                  if (reply?.ok) {
                    ackMs.push(performance.now() - t0);
                    ackedCells.add(`${i}/${themeId}/${criterionId}`);
                  } else failed++;
                  resolve();
                }, Math.random() * 2000);
              }),
          ),
        ),
      ),
    );
  }
  clearInterval(probeTimer);
  if (process.env.BENCH_STAGES) {
    mkdirSync('bench/profiles', { recursive: true });
    writeFileSync('bench/profiles/probes.json', JSON.stringify(probeTimes));
  }
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const generatorCpu = (cpu.user + cpu.system) / 1e6 / burstSeconds;
  await new Promise((r) => setTimeout(r, 300));
  const burst = await stats({ gc: false });

  // Zero loss: every acknowledged answer is in the aggregate the dashboard sees (Konsens: each
  // participant's answers, the latest per cell; relay: every forwarded or counted answer).
  const answers = job.participants * 16 * rounds;
  const acknowledged = ackMs.length + coldAckMs.length;
  let counted: number;
  if (konsens) {
    const reply = await emit<{ state: FacilitatorState }>(dashboard, 'state:get', {});
    if (!reply.ok) throw new Error(reply.code);
    const probeAnswered = reply.data.state.progress.organisations.find((o) => o.organisationId === 'probe')!.answered;
    counted = reply.data.state.results.themes.flatMap((t) => t.criteria).reduce((n, c) => n + c.nPersons + c.abstentions, 0) - probeAnswered;
  } else {
    counted = votesSeen - probeSent.length;
  }
  // Phase 3: step load, until acknowledgements or the event loop fall behind (or the generator saturates).
  const steps: Step[] = [];
  for (const [mode, rates] of [['events', job.steps], ['batch', job.batchSteps]] as const) {
    for (const [round, rate] of rates.entries()) {
      await stats({ gc: false }); // resets the event-loop delay histogram
      const measured = await stepLoad(sockets, mode, rate, round);
      const { eldP99 } = await stats({ gc: false });
      const passed = measured.ackP99 <= STEP_ACK_P99_MS && eldP99 <= STEP_ELD_P99_MS;
      steps.push({ ...measured, eldP99, passed });
      if (!passed || measured.generatorCpu >= 0.85) break;
    }
  }

  for (const s of [...sockets, probe, dashboard]) s.disconnect();
  return {
    steps,
    kind: job.kind,
    participants: job.participants,
    connect: { seconds: connectSeconds, p50: percentile(connectMs, 50), p99: percentile(connectMs, 99) },
    memory: {
      heapPerParticipant: (connected.heapUsed - base.heapUsed) / job.participants,
      rssPerParticipant: (connected.rss - base.rss) / job.participants,
      heapUsed: connected.heapUsed,
      rss: connected.rss,
    },
    burst: {
      answers,
      acknowledged,
      failed,
      lost: (konsens ? ackedCells.size : acknowledged) - counted,
      seconds: burstSeconds,
      ackP50: percentile(ackMs, 50),
      ackP99: percentile(ackMs, 99),
      probes: probeRound.filter((r) => !job.coldRound || r > 0).length,
      probesSeen: probeLatency.length,
      probeP50: percentile(probeLatency, 50),
      probeP95: percentile(probeLatency, 95),
      probeP99: percentile(probeLatency, 99),
      eldP99: burst.eldP99,
      eldMax: burst.eldMax,
      generatorCpu,
      cold,
    },
  };
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => {
      process.send!({ type: 'result', result });
    },
    (error: unknown) => {
      process.send!({ type: 'error', error: String(error) });
    },
  );
});
