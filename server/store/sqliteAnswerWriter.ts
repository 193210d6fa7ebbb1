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
import { opsText } from './answerWrites.js';

/** The worker's code, plain CommonJS so that it runs the same under tsx, vitest and the built server. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// Rows arrive as one text, a line per write: workshop, participant, time and the operations' text,
// separated by tabs (encode() below). Up to CHUNK rows per statement: a statement's fixed cost shared.
const CHUNK = 16;
const FIELDS = 4;
const statements = [];
const insert = (rows) => (statements[rows] ??= db.prepare('INSERT INTO answer_writes (workshop_id, participant_id, at, ops) VALUES ' + Array(rows).fill('(?, ?, ?, ?)').join(', ')));
const write = db.transaction((text) => {
  const lines = text.split('\\n');
  const params = [];
  // Values as arguments, not one array: the driver reads an array element by element through V8's API.
  for (let i = 0; i < lines.length - 1; i++) {
    const fields = lines[i].split('\\t');
    params.push(fields[0], fields[1], Number(fields[2]), fields[3]);
    if (params.length === CHUNK * FIELDS) {
      insert(CHUNK).run(...params);
      params.length = 0;
    }
  }
  if (params.length > 0) insert(params.length / FIELDS).run(...params);
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
 * The rows as one text, a line per write (a ballot is one row; its operations one JSON text,
 * answerWrites.ts): handing a string to the worker is one copy, where an array is cloned value by
 * value (issue 17). Neither separator can occur in a field: ids are letters, digits, "_" and "-"
 * (checked at the boundary, or made here), the time a number, and the operations' JSON has no
 * raw tab or line break.
 */
function encode(batches: readonly AnswerBatch[]): string {
  const parts: string[] = new Array(batches.length * 8);
  let k = 0;
  for (const batch of batches) {
    parts[k++] = batch.workshopId;
    parts[k++] = '\t';
    parts[k++] = batch.participantId;
    parts[k++] = '\t';
    parts[k++] = String(batch.at);
    parts[k++] = '\t';
    parts[k++] = opsText(batch.answers);
    parts[k++] = '\n';
  }
  return parts.join('');
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
