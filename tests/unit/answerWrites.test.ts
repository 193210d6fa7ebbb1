import { describe, expect, it } from 'vitest';
import { IMPORT_OPS_PER_ROW, opsText, replay, snapshotRows, writeRow, type StoredOp } from '../../server/store/answerWrites.js';

let seed = 20261129;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
const id = () => Array.from({ length: 1 + Math.floor(random() * 64) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

describe('the answer log, one row per write (SPEC D-5)', () => {
  it('writes the operations as exactly the JSON that JSON.stringify writes (ids as the boundary admits them: tests/unit/receiptsJson.test.ts)', () => {
    for (let n = 0; n < 500; n++) {
      const answers = Array.from({ length: Math.floor(random() * 20) }, () => {
        const roll = random();
        return { opId: id(), themeId: id(), criterionId: id(), value: roll < 0.2 ? undefined : roll < 0.35 ? null : Math.floor(random() * 11) - 5 };
      });
      const expected = answers.map((a) => [a.opId, a.themeId, a.criterionId, a.value ?? null, a.value === undefined ? 1 : 0]);
      expect(opsText(answers)).toBe(JSON.stringify(expected));
    }
    expect(opsText([{ opId: 'o', themeId: 't', criterionId: 'c', value: -0 }])).toBe('[["o","t","c",0,0]]');
  });

  it('stores a batch as one row, its operations in order; a withdrawal keeps its cell without a value', () => {
    const row = writeRow({ workshopId: 'w1', participantId: 'p1', at: 7, answers: [
      { opId: 'o1', themeId: 't1', criterionId: 'importance', value: 4 },
      { opId: 'o2', themeId: 't1', criterionId: 'potential', value: null },
      { opId: 'o3', themeId: 't1', criterionId: 'importance', value: undefined },
    ] });
    expect(row).toEqual({ workshop_id: 'w1', participant_id: 'p1', at: 7, ops: '[["o1","t1","importance",4,0],["o2","t1","potential",null,0],["o3","t1","importance",null,1]]' });
    expect(replay([row])).toEqual({
      answers: [{ participantId: 'p1', themeId: 't1', criterionId: 'potential', value: null, opId: 'o2', updatedAt: 7 }],
      opIds: ['o1', 'o2', 'o3'].map((opId) => ({ participantId: 'p1', opId })),
    });
  });

  it('replays across rows: the latest operation on an answer wins, an opId seen before (in any row) changes nothing', () => {
    const rows = [
      { participant_id: 'p1', at: 1, ops: opsText([{ opId: 'a', themeId: 't', criterionId: 'c', value: 1 }]) },
      { participant_id: 'p2', at: 2, ops: opsText([{ opId: 'a', themeId: 't', criterionId: 'c', value: 2 }]) },
      { participant_id: 'p1', at: 3, ops: opsText([{ opId: 'b', themeId: 't', criterionId: 'c', value: 3 }, { opId: 'a', themeId: 't', criterionId: 'c', value: 9 }]) },
    ];
    const { answers, opIds } = replay(rows);
    expect(answers.map((a) => `${a.participantId}:${a.opId}=${a.value}@${a.updatedAt}`).sort()).toEqual(['p1:b=3@3', 'p2:a=2@2']);
    expect(opIds).toHaveLength(3);
  });

  it('groups an imported snapshot by participant and time, in order, and replays to the same answers', () => {
    const ops: { participantId: string; at: number; op: StoredOp }[] = [
      { participantId: 'p1', at: 1, op: ['o0', null, null, null, 0] },
      { participantId: 'p1', at: 1, op: ['o1', 't', 'c', 2, 0] },
      { participantId: 'p1', at: 5, op: ['o2', 't', 'd', 3, 0] },
      { participantId: 'p2', at: 5, op: ['o3', 't', 'c', null, 0] },
      { participantId: 'p1', at: 5, op: ['o4', 'u', 'c', 1, 0] },
    ];
    const rows = snapshotRows('w1', ops);
    expect(rows.map((r) => [r.participant_id, r.at, (JSON.parse(r.ops) as StoredOp[]).map((o) => o[0])])).toEqual([
      ['p1', 1, ['o0', 'o1']],
      ['p1', 5, ['o2']],
      ['p2', 5, ['o3']],
      ['p1', 5, ['o4']],
    ]);
    const { answers, opIds } = replay(rows);
    expect(answers.map((a) => `${a.participantId}:${a.themeId}/${a.criterionId}=${a.value}@${a.updatedAt}`)).toEqual(['p1:t/c=2@1', 'p1:t/d=3@5', 'p2:t/c=null@5', 'p1:u/c=1@5']);
    expect(opIds.map((o) => o.opId)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
  });

  it('puts at most IMPORT_OPS_PER_ROW operations of an import into one row', () => {
    const ops = Array.from({ length: 2 * IMPORT_OPS_PER_ROW + 1 }, (_, i) => ({ participantId: 'p1', at: 1, op: [`o${i}`, 't', `c${i}`, 1, 0] as StoredOp }));
    expect(snapshotRows('w1', ops).map((r) => (JSON.parse(r.ops) as StoredOp[]).length)).toEqual([IMPORT_OPS_PER_ROW, IMPORT_OPS_PER_ROW, 1]);
  });
});
