/**
 * Answer writes for SQLite on a worker thread. better-sqlite3 is synchronous:
 * on the main thread every durable commit (an fsync) would stall all sockets.
 * The worker holds its own connection to the same file (WAL: readers never
 * wait; the one writer lock is shared with the main connection through
 * busy_timeout) and resolves each batch only after COMMIT returned (SPEC D-1).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { WriterThread } from './kyselyStore.js';
import type { AnswerBatch, ParticipantRecord } from './types.js';

/** The worker's code, plain CommonJS so that it runs the same under tsx, vitest and the built server. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// The same row as kyselyStore's logRow(): a withdrawal keeps its cell with no value.
const INSERT = 'INSERT INTO answer_log (workshop_id, participant_id, op_id, theme_id, criterion_id, value, withdrawn, at) VALUES ';
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?)';
// A full ballot (16 answers) per statement where there are that many: about 10 % less CPU per row than one by one.
const CHUNK = 16;
const appendOne = db.prepare(INSERT + ROW);
const appendChunk = db.prepare(INSERT + Array(CHUNK).fill(ROW).join(', '));
// Rows arrive as one JSON text of runs (see encode() below): a run header — workshop, participant,
// time, row count — then per row opId, theme, criterion, value, withdrawn.
const FIELDS = 8;
const write = db.transaction((text) => {
  const runs = JSON.parse(text);
  const params = [];
  let rows = 0;
  // Values as arguments, not one array: the driver reads an array element by element through V8's API
  // (about 15 % of a ballot's statement).
  const put = () => {
    if (rows === CHUNK) appendChunk.run(...params);
    else for (let r = 0; r < rows; r++) appendOne.run(...params.slice(r * FIELDS, (r + 1) * FIELDS));
    params.length = 0;
    rows = 0;
  };
  for (let i = 0; i < runs.length; ) {
    const workshop = runs[i++], participant = runs[i++], at = runs[i++], count = runs[i++];
    for (let n = 0; n < count; n++, i += 5) {
      params.push(workshop, participant, runs[i], runs[i + 1], runs[i + 2], runs[i + 3], runs[i + 4], at);
      if (++rows === CHUNK) put();
    }
  }
  put();
});
// Participants joining at once (a room after the code went up) are stored together, one commit for all.
const join = db.prepare('INSERT INTO participants (id, workshop_id, organisation_id, display_name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)');
const joinAll = db.transaction((rows) => { for (const row of rows) join.run(row); });
parentPort.on('message', ({ id, text, participants }) => {
  try {
    if (participants) joinAll(participants);
    else write(text);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

/**
 * The rows as one JSON text, a run per batch (workshop, participant, time and
 * row count, then the rows): handing a string to the worker is one copy, where
 * an array of values is cloned value by value (issue 17: the hand-off was a
 * fifth of the main thread's work in a burst). The array is filled by push:
 * one made at its size (`new Array(n)`) has holes as far as V8 is concerned,
 * and JSON.stringify takes its slow path for such an array (for 1,200 values
 * about twice the time; the rows of a 15-ballot commit, encode() in all,
 * 55 → 41 µs: docs/BENCHMARKS.md).
 */
function encode(batches: readonly AnswerBatch[]): string {
  const runs: (string | number | null)[] = [];
  for (const batch of batches) {
    runs.push(batch.workshopId, batch.participantId, batch.at, batch.answers.length);
    for (const answer of batch.answers) {
      runs.push(answer.opId, answer.themeId, answer.criterionId, answer.value === undefined ? null : answer.value, answer.value === undefined ? 1 : 0);
    }
  }
  return JSON.stringify(runs);
}

export class SqliteAnswerWriter implements WriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  /** Participants waiting for the next commit of joins (this turn of the event loop). */
  private joining: { row: unknown[]; resolve: () => void; reject: (error: Error) => void }[] = [];
  private joinFlush: ReturnType<typeof setImmediate> | null = null;
  /** False once the worker has stopped (it is not restarted: readiness says so, H-7). */
  alive = true;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver } });
    this.worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (error) p?.reject(new Error(error));
      else p?.resolve();
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => {
      this.alive = false;
      this.failAll(new Error('answer writer stopped'));
    });
  }

  write(batches: readonly AnswerBatch[]): Promise<void> {
    if (batches.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, text: encode(batches) });
    });
  }

  /**
   * SPEC J-1: a new participant, stored on the writer thread (an fsync'd insert
   * per join on the main thread held a 3,000-join wave's event loop about 40 %
   * of the time); joins of the same turn share one commit. Resolves after it.
   */
  addParticipant(p: ParticipantRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.joining.push({ row: [p.id, p.workshopId, p.organisationId, p.displayName, p.tokenHash, p.createdAt], resolve, reject });
      this.joinFlush ??= setImmediate(() => {
        const batch = this.joining;
        this.joining = [];
        this.joinFlush = null;
        const id = this.next++;
        this.pending.set(id, { resolve: () => batch.forEach((b) => b.resolve()), reject: (error) => batch.forEach((b) => b.reject(error)) });
        this.worker.postMessage({ id, participants: batch.map((b) => b.row) });
      });
    });
  }

  async close(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
