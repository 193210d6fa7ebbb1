/**
 * The hot writes (answers, joins) through Kysely in one queue: whatever
 * arrived while a commit was under way goes into the next transaction, in the
 * order it was given (PostgreSQL; SQLite has its worker thread,
 * sqliteAnswerWriter.ts). One queue, because the answer log's order is the
 * commit order (SPEC D-5): two writes of the same answer on two pooled
 * connections could otherwise commit the wrong way round. Each caller's
 * promise resolves after the COMMIT that holds its rows (SPEC D-1).
 */
import type { Kysely, Transaction } from 'kysely';
import { chunks, participantRow, type WriterThread } from './kyselyStore.js';
import { writeRow, type AnswerWriteRow } from './answerWrites.js';
import type { Database } from './migrations.js';
import type { AnswerBatch, ParticipantRecord } from './types.js';

type ParticipantRow = Database['participants'];
type Item = { batches: readonly AnswerBatch[] } | { participant: ParticipantRecord };

interface Queued {
  item: Item;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class GroupCommitWriter implements WriterThread {
  alive = true;
  private queue: Queued[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  write(batches: readonly AnswerBatch[]): Promise<void> {
    return batches.length === 0 ? Promise.resolve() : this.enqueue({ batches });
  }

  addParticipant(participant: ParticipantRecord): Promise<void> {
    return this.enqueue({ participant });
  }

  /** Waits for what was queued before; nothing is taken afterwards. */
  async close(): Promise<void> {
    await this.running;
    this.alive = false;
  }

  private enqueue(item: Item): Promise<void> {
    if (!this.alive) return Promise.reject(new Error('answer writer stopped'));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.running ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.db.transaction().execute((trx) => insertInOrder(trx, batch.map((q) => q.item)));
        for (const q of batch) q.resolve();
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const q of batch) q.reject(failure);
      }
    }
    this.running = null;
  }
}

/** Consecutive joins, and consecutive answers, as multi-row inserts; the order between them kept. */
async function insertInOrder(trx: Transaction<Database>, items: readonly Item[]): Promise<void> {
  const runs: { table: 'participants' | 'answer_writes'; rows: (ParticipantRow | AnswerWriteRow)[] }[] = [];
  for (const item of items) {
    const table = 'participant' in item ? 'participants' : 'answer_writes';
    let run = runs.at(-1);
    if (run?.table !== table) runs.push((run = { table, rows: [] }));
    if ('participant' in item) run.rows.push(participantRow(item.participant));
    else for (const batch of item.batches) run.rows.push(writeRow(batch));
  }
  for (const { table, rows } of runs) {
    for (const chunk of chunks(rows)) {
      if (table === 'participants') await trx.insertInto('participants').values(chunk as ParticipantRow[]).execute();
      else await trx.insertInto('answer_writes').values(chunk as AnswerWriteRow[]).execute();
    }
  }
}
