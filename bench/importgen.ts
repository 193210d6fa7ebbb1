/**
 * The import burst of issue 16 (its own process): 200 tablets each send one
 * full ballot as one `answer:batch` at a random moment within 2 s; in every
 * other round a facilitator posts two 25 MiB workshop files at the burst's
 * start. Per round: the tablets' acknowledgement latencies (p50, p95, p99),
 * and for import rounds how long the imports took. Talks to bench/imports.ts over IPC.
 */
import { Worker } from 'node:worker_threads';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ParticipantSession } from '../shared/protocol.js';
import { largeWorkshopFile } from '../tests/support/fixtures.js';
import { burstOfBallots, emit, open, ORGANISATIONS, setUpWorkshop, signIn } from './client.js';

interface Job {
  url: string;
  tablets: number;
  /** Rounds per variant; the variants alternate (without, with, without, with …). */
  rounds: number;
}

export interface ImportRound {
  imports: number;
  /** The server's event-loop delay over the round (imports included), ms. */
  eldP99: number;
  eldMax: number;
  ackP50: number;
  ackP95: number;
  ackP99: number;
  acknowledged: number;
  /** Each import's time from request to 201, ms. */
  importMs: number[];
}

const BURST_MS = 2000;

function serverStats(): Promise<{ eldP99: number; eldMax: number }> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; eldP99: number; eldMax: number }) => {
      if (message.type !== 'stats') return;
      process.off('message', onMessage);
      resolve(message);
    };
    process.on('message', onMessage);
    process.send!({ type: 'stats?', gc: false });
  });
}
const FILE_PEOPLE = 3_300;

function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

/**
 * The uploads run on a thread of their own: sending 25 MiB from the thread that
 * times the tablets' acknowledgements would stall it and be counted against the server.
 */
const UPLOADER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, cookie, bodies }) => {
  const times = await Promise.all(bodies.map(async (body) => {
    const started = performance.now();
    const response = await fetch(url + '/api/workshops/import', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    if (response.status !== 201) return 'import: ' + response.status + ' ' + (await response.text());
    await response.arrayBuffer();
    return Math.round(performance.now() - started);
  }));
  parentPort.postMessage(times);
});
`;

function uploader(): (url: string, bodies: Uint8Array[]) => Promise<number[]> {
  const worker = new Worker(UPLOADER, { eval: true });
  worker.unref();
  return async (url, bodies) => {
    const cookie = await signIn(url);
    return new Promise((resolve, reject) => {
      worker.once('message', (times: (number | string)[]) => {
        const failed = times.find((t) => typeof t === 'string');
        if (failed) reject(new Error(String(failed)));
        else resolve(times as number[]);
      });
      worker.postMessage({ url, cookie, bodies }, bodies.map((b) => b.buffer as ArrayBuffer));
    });
  };
}

export async function run(job: Job): Promise<{ tablets: number; fileMiB: number; rounds: ImportRound[] }> {
  const file = Buffer.from(largeWorkshopFile(FILE_PEOPLE));
  const upload = uploader();
  const copies = (n: number) => Array.from({ length: n }, () => new Uint8Array(file));
  const dashboard = await open(job.url);
  const code = await setUpWorkshop(job.url, dashboard, true);
  const sockets: Socket[] = await Promise.all(
    Array.from({ length: job.tablets }, async (_, i) => {
      const socket = await open(job.url);
      const reply = await emit<ParticipantSession>(socket, 'workshop:join', { role: 'participant', code, organisationId: ORGANISATIONS[i % ORGANISATIONS.length], protocolVersion: PROTOCOL_VERSION });
      if (!reply.ok) throw new Error(`join: ${reply.code}`);
      return socket;
    }),
  );
  // One import before measuring: the import worker started and its code warm in both variants.
  await upload(job.url, copies(1));
  const rounds: ImportRound[] = [];
  for (let r = 0; r < 2 * job.rounds; r++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await serverStats(); // resets the server's event-loop delay
    const imports = r % 2 === 1 ? 2 : 0;
    const importing = imports > 0 ? upload(job.url, copies(imports)) : Promise.resolve([]);
    const ackMs = await burstOfBallots(sockets, BURST_MS, 'i', r);
    const importMs = await importing;
    const server = await serverStats();
    rounds.push({ imports, eldP99: server.eldP99, eldMax: server.eldMax, ackP50: percentile(ackMs, 50), ackP95: percentile(ackMs, 95), ackP99: percentile(ackMs, 99), acknowledged: ackMs.length, importMs });
  }
  for (const s of [...sockets, dashboard]) s.disconnect();
  return { tablets: job.tablets, fileMiB: Math.round((file.byteLength / 2 ** 20) * 10) / 10, rounds };
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => process.send!({ type: 'result', result }),
    (error: unknown) => process.send!({ type: 'error', error: String(error) }),
  );
});
