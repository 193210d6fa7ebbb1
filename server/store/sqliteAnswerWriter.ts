/**
 * Answer writes for SQLite on a worker thread. better-sqlite3 is synchronous:
 * on the main thread every durable commit (an fsync) would stall all sockets.
 * The worker holds its own connection to the same file (WAL: readers never
 * wait; the one writer lock is shared with the main connection through
 * busy_timeout) and resolves each batch only after COMMIT returned (SPEC D-1).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AnswerOp } from './types.js';

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
const values = (op, into) => {
  into.push(op.workshopId, op.participantId, op.opId, op.themeId, op.criterionId, op.value === undefined ? null : op.value, op.value === undefined ? 1 : 0, op.at);
  return into;
};
const write = db.transaction((ops) => {
  let i = 0;
  for (; i + CHUNK <= ops.length; i += CHUNK) {
    const params = [];
    for (let j = i; j < i + CHUNK; j++) values(ops[j], params);
    appendChunk.run(params);
  }
  for (; i < ops.length; i++) appendOne.run(values(ops[i], []));
});
parentPort.on('message', ({ id, ops }) => {
  try {
    write(ops);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

export class SqliteAnswerWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;

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
    this.worker.on('exit', () => this.failAll(new Error('answer writer stopped')));
  }

  write(ops: readonly AnswerOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ops });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
