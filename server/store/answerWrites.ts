/**
 * The answer log as stored (SPEC D-5): one row per accepted write — a single answer, or a
 * participant's batch — in commit order, its operations in their order as one JSON text
 * (`answer_writes.ops`). One row per ballot instead of sixteen costs the writer about a third
 * less per ballot (issue 17, docs/BENCHMARKS.md). The view `answer_log` shows one row per
 * operation, as the log was before; `answers` and `answer_ops` show it replayed.
 */
import type { AnswerBatch, AnswerEntry, AnswerRecord, WorkshopSnapshot } from './types.js';

/**
 * One operation in `ops`: [opId, themeId, criterionId, value, withdrawn]. A withdrawal keeps its
 * cell with no value (withdrawn 1); theme and criterion are null only for an operation id whose
 * answer was overwritten or withdrawn before the log existed (migrated or imported).
 */
export type StoredOp = [opId: string, themeId: string | null, criterionId: string | null, value: number | null, withdrawn: 0 | 1];

/** A row of `answer_writes` as the stores write it (seq is the database's). */
export interface AnswerWriteRow {
  workshop_id: string;
  participant_id: string;
  at: number;
  ops: string;
}

/** `,3,0]` and the like: a value and the withdrawn flag, kept (values come from a scale of at most 11 steps). */
const tails = new Map<number | null, string>();
function tail(value: number | null | undefined): string {
  if (value === undefined) return '",null,1]';
  let text = tails.get(value);
  if (text === undefined) {
    text = `",${JSON.stringify(value)},0]`;
    if (tails.size < 256) tails.set(value, text);
  }
  return text;
}

/**
 * The ops of a write as the text stored: the JSON that `JSON.stringify` writes for its StoredOps (the same
 * on both stores; rows that PostgreSQL's migration 002 converted have a space after each comma, which no
 * reader minds; tests/unit/answerWrites.test.ts), written directly (issue 17: a ballot's hand-off to the
 * writer). Ids need no escaping: only letters, digits, "_" and "-" pass the checks at the boundary (an
 * answer's theme and criterion are the workshop's, checked when they were configured).
 */
export function opsText(answers: readonly AnswerEntry[]): string {
  const parts: string[] = new Array(answers.length * 7 + 1);
  let k = 0;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    parts[k++] = i === 0 ? '[["' : ',["';
    parts[k++] = a.opId;
    parts[k++] = '","';
    parts[k++] = a.themeId;
    parts[k++] = '","';
    parts[k++] = a.criterionId;
    parts[k++] = tail(a.value);
  }
  parts[k] = answers.length === 0 ? '[]' : ']';
  return parts.join('');
}

/** A batch of answers as its row. */
export function writeRow(batch: AnswerBatch): AnswerWriteRow {
  return { workshop_id: batch.workshopId, participant_id: batch.participantId, at: batch.at, ops: opsText(batch.answers) };
}

/** Operations per row of an imported workshop (as many as a batch may carry). */
export const IMPORT_OPS_PER_ROW = 100;

/** A snapshot's operations (an imported workshop) as rows: consecutive operations of one participant at one time share a row, up to IMPORT_OPS_PER_ROW. */
export function snapshotRows(workshopId: string, ops: readonly { participantId: string; at: number; op: StoredOp }[]): AnswerWriteRow[] {
  const rows: AnswerWriteRow[] = [];
  let run: StoredOp[] = [];
  for (let i = 0; i < ops.length; i++) {
    const { participantId, at, op } = ops[i]!;
    run.push(op);
    const next = ops[i + 1];
    if (next && next.participantId === participantId && next.at === at && run.length < IMPORT_OPS_PER_ROW) continue;
    rows.push({ workshop_id: workshopId, participant_id: participantId, at, ops: JSON.stringify(run) });
    run = [];
  }
  return rows;
}

/**
 * The answers and operation ids the log adds up to, replayed in order: the latest operation on an
 * answer wins, a withdrawal removes it, and an operation id seen before changes nothing (SPEC D-2).
 */
export function replay(rows: readonly { participant_id: string; at: number | string; ops: string }[]): Pick<WorkshopSnapshot, 'answers' | 'opIds'> {
  const seen = new Set<string>();
  const opIds: WorkshopSnapshot['opIds'] = [];
  const answers = new Map<string, AnswerRecord>();
  for (const row of rows) {
    const participantId = row.participant_id;
    for (const [opId, themeId, criterionId, value, withdrawn] of JSON.parse(row.ops) as StoredOp[]) {
      const op = `${participantId}\u0000${opId}`;
      if (seen.has(op)) continue;
      seen.add(op);
      opIds.push({ participantId, opId });
      if (themeId === null || criterionId === null) continue;
      const cell = `${participantId}\u0000${themeId}\u0000${criterionId}`;
      answers.delete(cell);
      if (withdrawn) continue;
      answers.set(cell, { participantId, themeId, criterionId, value, opId, updatedAt: Number(row.at) });
    }
  }
  return { answers: [...answers.values()], opIds };
}
