/**
 * Group commit for answers: everything that arrives while one transaction is
 * being written goes into the next one. One durable commit serves many votes,
 * and no vote is acknowledged before its commit (SPEC D-1).
 */
import type { AnswerBatch, WorkshopStore } from '../store/types.js';

/**
 * Under load, the least time between the starts of two commits. Each commit has
 * a fixed cost (its fsync, the WAL pages it writes, the hand-off to the writer
 * thread) that more answers share when commits are fewer: at 8,000 answers a
 * second, 10 ms instead of 2 ms (with 16 rows per INSERT) took the server's CPU
 * per answer down by about 16 %, that of the writer thread and the collector's
 * helpers by about a third (`npm run bench:cpu`, docs/BENCHMARKS.md). An acknowledgement
 * waits that much longer; the live tally does not wait for commits at all (SPEC D-6).
 */
export const COMMIT_INTERVAL_MS = 10;

/**
 * A batch for the answer log, and what follows its commit. The writer calls
 * exactly one of the two, in the order writes were queued (should one throw,
 * the other writes are told all the same).
 */
export interface QueuedWrite {
  readonly batch: AnswerBatch;
  /** Stored (SPEC D-1): the answers may be acknowledged. */
  committed(): void;
  /** Not stored: the commit failed. */
  failed(error: unknown): void;
}

export class AnswerWriter {
  private queue: QueuedWrite[] = [];
  /** Callers of settle() waiting for the writes queued so far (they go with the queue's commit). */
  private settling: (() => void)[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private lastFlush = -Infinity;

  /**
   * @param minIntervalMs Under load, commits at most every this many ms, so that each durable
   *   commit (an fsync) carries many answers; when idle, an answer is committed at once.
   */
  constructor(
    private readonly store: WorkshopStore,
    private readonly minIntervalMs = COMMIT_INTERVAL_MS,
    /** Told how long each commit took, in seconds (metrics, H-8). */
    private readonly onCommitted: (seconds: number) => void = () => undefined,
  ) {}

  /** Queue a write for the next commit; writes commit (or fail) in the order they were queued. */
  write(write: QueuedWrite): void {
    this.queue.push(write);
    this.schedule();
  }

  /** Wait until everything queued so far is committed (or failed); later writes are not waited for. */
  async settle(): Promise<void> {
    if (this.queue.length > 0) await new Promise<void>((resolve) => this.settling.push(resolve));
    else if (this.flushing) await this.flushing;
  }

  /** Wait until nothing is queued or being written (on shutdown, when no new writes arrive). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      await (this.flushing ?? new Promise<void>((r) => setImmediate(r)));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // Let the rest of this I/O turn's events join the batch; under load, wait for the interval
    // (in whole milliseconds, as the throttle's timers).
    const wait = this.lastFlush + this.minIntervalMs - performance.now();
    if (wait <= 0) setImmediate(this.run);
    else setTimeout(this.run, Math.ceil(wait));
  }

  /** The scheduled commit: one function for the writer's life, not one per commit. */
  private readonly run = (): void => {
    this.scheduled = false;
    this.lastFlush = performance.now();
    this.flushing = this.flush().finally(this.flushed);
  };

  private readonly flushed = (): void => {
    this.flushing = null;
    if (this.queue.length > 0) this.schedule();
  };

  private async flush(): Promise<void> {
    const writes = this.queue;
    const settling = this.settling;
    this.queue = [];
    this.settling = [];
    const started = performance.now();
    let stored = true;
    let failure: unknown;
    try {
      await this.store.writeAnswers(writes.map((w) => w.batch));
    } catch (error) {
      stored = false;
      failure = error;
    }
    try {
      if (stored) this.onCommitted((performance.now() - started) / 1000);
    } catch {
      // Only the metrics: the writes are stored all the same.
    }
    // Every write is told, and every settle() answered, whatever one write's callback does.
    for (const w of writes) {
      try {
        if (stored) w.committed();
        else w.failed(failure);
      } catch {
        // The write answers its own caller (Write settles its promise in any case); the others go on.
      }
    }
    for (const done of settling) done();
  }
}
