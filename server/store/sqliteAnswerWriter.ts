/**
 * Answer writes for SQLite on a worker thread. better-sqlite3 is synchronous:
 * on the main thread every durable commit (an fsync) would stall all sockets.
 * The worker holds its own connection to the same file (WAL: readers never
 * wait; the one writer lock is shared with the main connection through
 * busy_timeout) and resolves each batch only after COMMIT returned (SPEC D-1).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { finalAnswerStates, type AnswerOp } from './types.js';

/** The worker's code, plain CommonJS so that it runs the same under tsx, vitest and the built server. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const insertOp = db.prepare('INSERT INTO answer_ops (participant_id, op_id, workshop_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (participant_id, op_id) DO NOTHING');
const upsert = db.prepare('INSERT INTO answers (workshop_id, participant_id, theme_id, criterion_id, value, op_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
  'ON CONFLICT (participant_id, theme_id, criterion_id) DO UPDATE SET value = excluded.value, op_id = excluded.op_id, updated_at = excluded.updated_at');
const remove = db.prepare('DELETE FROM answers WHERE participant_id = ? AND theme_id = ? AND criterion_id = ?');
const write = db.transaction((ops, finals) => {
  for (const op of ops) insertOp.run(op.participantId, op.opId, op.workshopId, op.at);
  for (const op of finals) {
    if (op.value === undefined) remove.run(op.participantId, op.themeId, op.criterionId);
    else upsert.run(op.workshopId, op.participantId, op.themeId, op.criterionId, op.value, op.opId, op.at);
  }
});
parentPort.on('message', ({ id, ops, finals }) => {
  try {
    write(ops, finals);
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
    const finals = finalAnswerStates(ops);
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ops, finals });
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
