/**
 * The durable floor (issue 17): a Socket.IO relay that keeps Konsens' promise
 * (SPEC D-1, D-2, D-6) and nothing else. Answers are counted on arrival and
 * pushed to the dashboard with the same 20 ms leading-edge throttle; they are
 * stored by group commit on a worker thread (SQLite, WAL, synchronous=FULL,
 * commits at least COMMIT_INTERVAL_MS apart under load, as Konsens), a
 * duplicate (participant, opId) is ignored by the primary key, and every
 * answer is acknowledged only after its commit.
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Server } from 'socket.io';
import { COMMIT_INTERVAL_MS } from '../../server/rooms/answerWriter.js';
import { Throttle } from '../../server/realtime/throttle.js';
import { serveStats } from './ipc.js';
import { sampleAllocations } from './allocation.js';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const db = new (require(workerData.driver))(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE answers (participant INTEGER, op_id TEXT, theme TEXT, criterion TEXT, value INTEGER, PRIMARY KEY (participant, op_id)) WITHOUT ROWID');
const insert = db.prepare('INSERT OR IGNORE INTO answers VALUES (?, ?, ?, ?, ?)');
const commit = db.transaction((rows) => { for (let i = 0; i < rows.length; i += 5) insert.run(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], rows[i + 4]); });
parentPort.on('message', (rows) => { commit(rows); parentPort.postMessage(0); });
`;

const dir = mkdtempSync(join(tmpdir(), 'konsens-durable-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const worker = new Worker(WORKER, { eval: true, workerData: { file: join(dir, 'relay.sqlite'), driver: createRequire(import.meta.url).resolve('better-sqlite3') } });

/** Rows (5 values each) and acknowledgements waiting for the next commit, and those of the commit under way. */
let rows: unknown[] = [];
let acks: (() => void)[] = [];
let committing: (() => void)[] | null = null;
let lastCommit = -Infinity;
let timer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  timer = null;
  if (committing || acks.length === 0) return;
  const wait = lastCommit + COMMIT_INTERVAL_MS - performance.now();
  if (wait > 0) {
    // Whole milliseconds, as Konsens' answer writer.
    timer = setTimeout(flush, Math.ceil(wait));
    return;
  }
  lastCommit = performance.now();
  committing = acks;
  worker.postMessage(rows);
  rows = [];
  acks = [];
}

worker.on('message', () => {
  const done = committing!;
  committing = null;
  for (const ack of done) ack();
  if (!timer) flush();
});

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let count = 0;
let probe: unknown = null;
const push = new Throttle(20, () => io.to('dashboard').emit('tally', { count, probe }));
let participants = 0;

interface Answer {
  opId: string;
  themeId: string;
  criterionId: string;
  value?: number | null;
}

function take(participant: number, answer: Answer): void {
  rows.push(participant, answer.opId, answer.themeId, answer.criterionId, answer.value ?? null);
}

function stored(ack: (r: unknown) => void): void {
  acks.push(() => ack({ ok: true, data: {} }));
  if (!timer && !committing) flush();
}

io.on('connection', (socket) => {
  const participant = participants++;
  socket.on('workshop:join', (payload: { role?: string }, ack: (r: unknown) => void) => {
    if (payload?.role === 'facilitator') void socket.join('dashboard');
    ack({ ok: true, data: {} });
  });
  socket.on('answer:set', (payload: Answer & { probe?: unknown }, ack: (r: unknown) => void) => {
    count++;
    if (payload.probe) probe = payload.probe;
    push.request();
    take(participant, payload);
    stored(ack);
  });
  socket.on('answer:batch', (payload: { answers: Answer[] }, ack: (r: unknown) => void) => {
    count += payload.answers.length;
    push.request();
    for (const answer of payload.answers) take(participant, answer);
    stored(ack);
  });
});

if (process.env.BENCH_ALLOC) sampleAllocations(process.env.BENCH_ALLOC);
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  serveStats(typeof address === 'object' && address ? address.port : 0);
});
