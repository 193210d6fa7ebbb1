/**
 * The answer writer's promise to the room (SPEC D-1): every queued write is told
 * whether it was stored, in order, and every settle() is answered — also when one
 * write's own bookkeeping throws. A real SQLite store on its writer thread; the
 * failures come from a real trigger.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerWriter, type QueuedWrite } from '../../server/rooms/answerWriter.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { AnswerBatch, WorkshopStore } from '../../server/store/types.js';
import { tempDir } from '../support/harness.js';
import { storedOpIds, workshopRecord } from '../support/fixtures.js';

let store: WorkshopStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function fresh(): Promise<{ writer: AnswerWriter; file: string }> {
  const file = join(tempDir(), 'konsens.sqlite');
  store = await openSqliteStore({ file });
  await store.createWorkshop(workshopRecord('w1', 'ABC234'));
  return { writer: new AnswerWriter(store), file };
}

function batch(opId: string): AnswerBatch {
  return { workshopId: 'w1', participantId: 'p1', at: 10, answers: [{ opId, themeId: 'bildung', criterionId: 'importance', value: 3 }] };
}

/** A write that records what it was told, and throws from its callback if asked to. */
function write(opId: string, told: string[], throws = false): QueuedWrite {
  return {
    batch: batch(opId),
    committed: () => {
      told.push(`${opId} committed`);
      if (throws) throw new Error('bookkeeping failed');
    },
    failed: () => {
      told.push(`${opId} failed`);
      if (throws) throw new Error('bookkeeping failed');
    },
  };
}

/** Whether settle() answers within 5 s (it would wait forever if a write were never told). */
function settles(writer: AnswerWriter): Promise<boolean> {
  return Promise.race([writer.settle().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
}

describe('AnswerWriter', () => {
  it('tells every write of a commit in order and answers settle(), even when one write\'s callback throws', async () => {
    const { writer, file } = await fresh();
    const told: string[] = [];
    writer.write(write('op-00000001', told));
    writer.write(write('op-00000002', told, true));
    writer.write(write('op-00000003', told));
    expect(await settles(writer)).toBe(true);
    expect(told).toEqual(['op-00000001 committed', 'op-00000002 committed', 'op-00000003 committed']);
    expect(storedOpIds(file)).toEqual(['op-00000001', 'op-00000002', 'op-00000003']);
    // The writer goes on: a later write commits and settles too.
    writer.write(write('op-00000004', told));
    expect(await settles(writer)).toBe(true);
    expect(told.at(-1)).toBe('op-00000004 committed');
  });

  it('tells every write of a failed commit that it failed, stores none of them, and answers settle()', async () => {
    const { writer, file } = await fresh();
    const db = new Database(file);
    db.exec(`CREATE TRIGGER refuse_fail BEFORE INSERT ON answer_writes WHEN NEW.ops LIKE '%"fail-%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    db.close();
    const told: string[] = [];
    writer.write(write('op-00000001', told, true));
    writer.write(write('fail-0000001', told));
    writer.write(write('op-00000002', told));
    expect(await settles(writer)).toBe(true);
    expect(told).toEqual(['op-00000001 failed', 'fail-0000001 failed', 'op-00000002 failed']);
    expect(storedOpIds(file)).toEqual([]);
  });
});
