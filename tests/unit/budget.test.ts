import { describe, expect, it } from 'vitest';
import {
  equalSharesSelection,
  greedySelection,
  type BudgetBallot,
  type BudgetIdea,
  type EqualSharesReason,
  type EqualSharesResult,
  type GreedyReason,
  type GreedyResult,
  type SelectionResult,
} from '../../shared/domain/budget.js';

/*
 * Sources of the worked examples (expected outcomes are copied from them, not computed here):
 *
 * [ES]  D. Peters & P. Skowron, equalshares.net, "Explanation of the Method of Equal Shares",
 *       sections "Example 1" and "Example 2 (more complicated)" (https://equalshares.net/explanation#example;
 *       read in github.com/equalshares/equalshares.net, docs/explanation.mdx, 2025-03-29). Approval voting;
 *       the site's rule selects by "effective vote count" = cost / max payment, i.e. the cost-utility variant
 *       (our `utility: 'cost'`).
 * [LS]  M. Lackner & P. Skowron, "Multi-Winner Voting with Approval Preferences", Springer 2023
 *       (doi:10.1007/978-3-031-09016-5): Examples 2.2, 2.6, 2.11, 2.12 and Proposition A.3, as reproduced with
 *       their expected results in abcvoting (github.com/martinlackner/abcvoting, examples/abcbook/*.py and
 *       tests/expected_output/test_abcbook_*). Committee elections: every candidate costs 1, the budget is the
 *       committee size. "Phase 1" of Equal Shares there is the rule without completion.
 * [PT]  pabutools (github.com/COMSOC-Community/pabutools), tests/rules/test_rule.py: "Running example from
 *       Lackner & Skowron 2023" and its approval examples AppEx_2 and AppEx_4 (Cardinality_Sat = our points
 *       utility with one point per approval, Cost_Sat = our cost utility).
 * [EW]  electowiki, "Method of Equal Shares", section Motivation (https://electowiki.org/wiki/Method_of_Equal_Shares).
 *
 * Approval ballots are modelled as one point for each approved idea.
 */

/** One ballot per approval set, voters v01, v02, … in the source's order. */
function approvals(sets: readonly (readonly string[])[], points = 1): BudgetBallot[] {
  return sets.map((set, i) => ({
    voterId: `v${String(i + 1).padStart(2, '0')}`,
    points: Object.fromEntries(set.map((id) => [id, points])),
  }));
}

function unitCosts(ids: string): BudgetIdea[] {
  return [...ids].map((id) => ({ id, cost: 1 }));
}

function reason(result: GreedyResult, id: string): GreedyReason;
function reason(result: EqualSharesResult, id: string): EqualSharesReason;
function reason(result: SelectionResult, id: string): GreedyReason | EqualSharesReason;
function reason(result: SelectionResult, id: string): GreedyReason | EqualSharesReason {
  return result.ideas[id]!.reason;
}

function payments(result: EqualSharesResult, id: string): Record<string, number> {
  const r = result.ideas[id]!.reason;
  if (r.code !== 'selected') throw new Error(`${id} was not selected`);
  return r.payments;
}

// [ES] Example 1: 11 voters, budget 1100; columns of the source's table.
const ES_IDEAS: BudgetIdea[] = [
  { id: 'bike', cost: 700 },
  { id: 'gym', cost: 400 },
  { id: 'park', cost: 250 },
  { id: 'playground', cost: 200 },
  { id: 'library', cost: 100 },
];
const ES_EXAMPLE_1 = approvals([
  ['bike', 'gym'],
  ['bike', 'gym', 'park'],
  ['bike', 'gym'],
  ['bike', 'gym', 'park'],
  ['bike', 'gym', 'park'],
  ['bike', 'gym'],
  ['park', 'playground', 'library'],
  ['playground'],
  ['playground', 'library'],
  ['park', 'playground', 'library'],
  ['bike'],
]);
// [ES] Example 2: the right-most voter votes for the outdoor gym instead of the bike path.
const ES_EXAMPLE_2 = approvals([
  ...ES_EXAMPLE_1.slice(0, 10).map((b) => Object.keys(b.points)),
  ['gym'],
]);

// [LS] Example 2.1, the running example: 12 voters, candidates a … g, committee size 4.
const LS_RUNNING = approvals([
  ['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'c'], ['a', 'c'], ['a', 'c'],
  ['a', 'd'], ['a', 'd'], ['b', 'c', 'f'], ['e'], ['f'], ['g'],
]);

describe('budget: greedy by points, worked examples from the literature', () => {
  it('BU-2: [ES] Example 1 — the bike path (7 votes), then the outdoor gym (6), then the budget is exhausted', () => {
    const result = greedySelection(1100, ES_IDEAS, ES_EXAMPLE_1);
    expect(result.selected).toEqual(['bike', 'gym']);
    expect(result.spent).toBe(1100);
    expect(reason(result, 'bike')).toEqual({ code: 'selected', remainingAfter: 400 });
    expect(reason(result, 'gym')).toEqual({ code: 'selected', remainingAfter: 0 });
    for (const id of ['park', 'playground', 'library']) expect(reason(result, id)).toEqual({ code: 'does-not-fit', remaining: 0 });
  });

  it('BU-2: [LS] Example 2.2 (AV, k = 4) — {a, b, c, d} or {a, b, c, f}; d and f tie, input order takes d', () => {
    const result = greedySelection(4, unitCosts('abcdefg'), LS_RUNNING);
    expect([['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'f']]).toContainEqual([...result.selected].sort());
    expect(result.selected).toEqual(['a', 'b', 'c', 'd']);
    expect(reason(result, 'f')).toEqual({ code: 'does-not-fit', remaining: 0 });
  });

  it('BU-2: [LS] Example 2.6 (AV, k = 1) — a (5 approvals) beats b, c, d (4 each)', () => {
    const result = greedySelection(1, unitCosts('abcd'), approvals([
      ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'd'], ['a', 'c', 'd'], ['a', 'c', 'd'], ['b'], ['c'], ['d'],
    ]));
    expect(result.selected).toEqual(['a']);
    expect(result.ideas['a']!.totalPoints).toBe(5);
  });

  it('BU-2: [EW] Motivation — 51 % support 10 red projects, 49 % 10 blue, money for 10: all 10 red', () => {
    const red = Array.from({ length: 10 }, (_, i) => `red${i}`);
    const blue = Array.from({ length: 10 }, (_, i) => `blue${i}`);
    const ideas = [...blue, ...red].map((id) => ({ id, cost: 1000 }));
    const ballots = approvals([...Array.from({ length: 51 }, () => red), ...Array.from({ length: 49 }, () => blue)]);
    const result = greedySelection(10_000, ideas, ballots);
    expect([...result.selected].sort()).toEqual([...red].sort());
    for (const id of blue) expect(reason(result, id).code).toBe('does-not-fit');
  });

  it('BU-2: [PT] AppEx_1 and AppEx_4 (greedy, Cost_Sat) — the outcome is one of the tied outcomes pabutools lists', () => {
    const ex1 = greedySelection(3, [{ id: 'p0', cost: 1 }, { id: 'p1', cost: 3 }, { id: 'p2', cost: 2 }, { id: 'p3', cost: 1 }],
      approvals([['p0', 'p1', 'p2', 'p3'], ['p0', 'p1', 'p2', 'p3']]));
    expect([['p0', 'p2'], ['p0', 'p3'], ['p1'], ['p2', 'p3']]).toContainEqual([...ex1.selected].sort());
    const ex4 = greedySelection(2, [{ id: 'p0', cost: 0 }, { id: 'p1', cost: 1 }, { id: 'p2', cost: 2 }],
      approvals([['p0'], ['p0', 'p1', 'p2'], ['p2']]));
    expect([...ex4.selected].sort()).toEqual(['p0', 'p2']);
  });
});

describe('budget: Method of Equal Shares, worked examples from the literature', () => {
  it('BU-3: [ES] Example 1 (cost utility) — bike path, new playground, library for kids', () => {
    const result = equalSharesSelection(1100, ES_IDEAS, ES_EXAMPLE_1, { utility: 'cost' });
    expect(result.selected).toEqual(['bike', 'playground', 'library']);
    expect(Object.values(result.shares).map((s) => s.initial)).toEqual(Array(11).fill(100));
    // The 7 bike-path voters each pay 100; the 4 playground voters 50 each; the 3 library voters 33.3 each.
    expect(Object.values(payments(result, 'bike'))).toEqual(Array(7).fill(100));
    expect(Object.values(payments(result, 'playground'))).toEqual(Array(4).fill(50));
    for (const paid of Object.values(payments(result, 'library'))) expect(paid).toBeCloseTo(33.3, 1);
    // "The remaining budgets are": 16.7, 50, 16.7, 16.7 for voters 7–10, nothing for the others.
    const left = Object.values(result.shares).map((s) => s.left);
    [0, 0, 0, 0, 0, 0, 16.7, 50, 16.7, 16.7, 0].forEach((value, i) => expect(left[i]).toBeCloseTo(value, 1));
    expect(reason(result, 'gym')).toMatchObject({ code: 'supporters-cannot-afford', held: 0 });
    expect(result.ideas['bike']!.reason).toMatchObject({ round: 1, effectivePoints: 7 });
  });

  it('BU-3: [ES] Example 2 (cost utility) — outdoor gym, new park (eff. 4.13), new playground (eff. 3.31)', () => {
    const result = equalSharesSelection(1100, ES_IDEAS, ES_EXAMPLE_2, { utility: 'cost' });
    expect(result.selected).toEqual(['gym', 'park', 'playground']);
    for (const paid of Object.values(payments(result, 'gym'))) expect(paid).toBeCloseTo(57.14, 2); // 400/7
    // Park: the three gym voters pay all they have left ("43"), the two others the rest ("60.5"; the source rounds).
    const park = payments(result, 'park');
    for (const v of ['v02', 'v04', 'v05']) expect(park[v]).toBeCloseTo(43, 0);
    for (const v of ['v07', 'v10']) expect(park[v]).toBeCloseTo(60.5, 0);
    expect(result.ideas['park']!.reason).toMatchObject({ round: 2 });
    const parkReason = reason(result, 'park');
    const playgroundReason = reason(result, 'playground');
    if (parkReason.code !== 'selected' || playgroundReason.code !== 'selected') throw new Error('not selected');
    expect(parkReason.effectivePoints).toBeCloseTo(4.13, 1);
    expect(playgroundReason.effectivePoints).toBeCloseTo(3.31, 1);
    expect(reason(result, 'library').code).toBe('supporters-cannot-afford');
    expect(reason(result, 'bike')).toMatchObject({ code: 'supporters-cannot-afford', sinceRound: 0 });
  });

  it('BU-3: [LS] Example 2.11, phase 1 — a with q = 1/8, then nothing is affordable; 5/24 left for a’s voters', () => {
    for (const utility of ['points', 'cost'] as const) {
      const result = equalSharesSelection(4, unitCosts('abcdefg'), LS_RUNNING, { utility });
      expect(result.selected).toEqual(['a']);
      expect(reason(result, 'a')).toMatchObject({ round: 1, pricePerPoint: 1 / 8 });
      const left = Object.values(result.shares).map((s) => s.left);
      [...Array(8).fill(5 / 24), ...Array(4).fill(1 / 3)].forEach((value, i) => expect(left[i]).toBeCloseTo(value, 12));
      // b's supporters: three voters with 5/24 and one with 1/3 (the source's remaining budgets).
      expect(reason(result, 'b')).toMatchObject({ code: 'supporters-cannot-afford', sinceRound: 1 });
      const b = reason(result, 'b');
      if (b.code === 'supporters-cannot-afford') expect(b.held).toBeCloseTo(3 * (5 / 24) + 1 / 3, 12);
    }
  });

  it('BU-3: [PT] running example of Lackner & Skowron 2023 — Equal Shares selects {a} (Cardinality_Sat and Cost_Sat)', () => {
    expect(equalSharesSelection(4, unitCosts('abcdefg'), LS_RUNNING).selected).toEqual(['a']);
    expect(equalSharesSelection(4, unitCosts('abcdefg'), LS_RUNNING, { utility: 'cost' }).selected).toEqual(['a']);
  });

  it('BU-3: [LS] Example 2.12, phase 1 — c with q = 1/5, then a with q = 13/40, and the remaining budgets', () => {
    const result = equalSharesSelection(3, unitCosts('abcd'), approvals([
      ['c', 'd'], ['c', 'd'], ['c', 'd'], ['a', 'b'], ['a', 'b'], ['a', 'c'], ['a', 'c'], ['b', 'd'],
    ]));
    expect(result.selected).toEqual(['c', 'a']);
    expect(reason(result, 'c')).toMatchObject({ round: 1, rho: 1 / 5 });
    expect(reason(result, 'a')).toMatchObject({ round: 2 });
    const a = reason(result, 'a');
    if (a.code === 'selected') expect(a.rho).toBeCloseTo(13 / 40, 12);
    const expected = [7 / 40, 7 / 40, 7 / 40, 1 / 20, 1 / 20, 0, 0, 3 / 8];
    Object.values(result.shares).forEach((share, i) => expect(share.left).toBeCloseTo(expected[i]!, 12));
  });

  it('BU-3: [LS] Proposition A.3 (without completion, k = 4) — {a, b, e}; one more voter for e gives {a, d, h}', () => {
    // a and b tie in round 1 (same cost, same votes); the source breaks ties by candidate order, as BU-4 does by input order.
    const sets = [['a', 'b', 'c'], ['a', 'g'], ['d', 'e'], ['b', 'd', 'f'], ['a', 'f'], ['a', 'b', 'c'],
      ['h'], ['a', 'h'], ['b', 'h'], ['b', 'd'], ['d', 'e', 'f'], ['c', 'e', 'h']];
    expect([...equalSharesSelection(4, unitCosts('abcdefgh'), approvals(sets)).selected].sort()).toEqual(['a', 'b', 'e']);
    const more = approvals([...sets, ['e']]);
    expect([...equalSharesSelection(4, unitCosts('abcdefgh'), more).selected].sort()).toEqual(['a', 'd', 'h']);
  });

  it('BU-3: [PT] AppEx_2 — {p0, p1, p3} with the points utility (Cardinality_Sat), {p0, p2} with the cost utility', () => {
    const ideas = [{ id: 'p0', cost: 1 }, { id: 'p1', cost: 0.9 }, { id: 'p2', cost: 2 }, { id: 'p3', cost: 1.09 }];
    const ballots = approvals([['p0'], ['p1', 'p2', 'p3'], ['p1', 'p2', 'p3'], ['p2']]);
    expect([...equalSharesSelection(4, ideas, ballots).selected].sort()).toEqual(['p0', 'p1', 'p3']);
    expect([...equalSharesSelection(4, ideas, ballots, { utility: 'cost' }).selected].sort()).toEqual(['p0', 'p2']);
  });

  it('BU-1, BU-3: [PT] AppEx_4 (a free project) — Cardinality_Sat selects only the free p0', () => {
    const ideas = [{ id: 'p0', cost: 0 }, { id: 'p1', cost: 1 }, { id: 'p2', cost: 2 }];
    const result = equalSharesSelection(2, ideas, approvals([['p0'], ['p0', 'p1', 'p2'], ['p2']]));
    expect(result.selected).toEqual(['p0']);
    expect(reason(result, 'p0')).toMatchObject({ code: 'selected', pricePerPoint: 0, effectivePoints: null });
  });
});

/** mulberry32: a tiny seeded PRNG, so that every run checks the same instances. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Instance {
  budget: number;
  ideas: BudgetIdea[];
  ballots: BudgetBallot[];
}

/** Small random instances: 100-point ballots, dot ballots and approval ballots; costs to the cent, some free; small ties are common. */
function randomInstance(random: () => number): Instance {
  const int = (n: number) => Math.floor(random() * n);
  const ideas = Array.from({ length: 1 + int(8) }, (_, i) => ({
    id: `idea${i}`,
    cost: random() < 0.1 ? 0 : random() < 0.5 ? (1 + int(12)) * 500 : (1 + int(600_000)) / 100,
  }));
  const style = int(3);
  const ballots = Array.from({ length: int(9) }, (_, v) => {
    const points: Record<string, number> = {};
    const pick = () => ideas[int(ideas.length)]!.id;
    if (style === 0) {
      let left = 100;
      while (left > 0 && random() < 0.9) {
        const k = Math.min(left, 1 + int(60));
        const id = pick();
        points[id] = (points[id] ?? 0) + k;
        left -= k;
      }
    } else if (style === 1) {
      for (let dot = 0; dot < 5; dot += 1) {
        const id = pick();
        if (random() < 0.8) points[id] = Math.min(3, (points[id] ?? 0) + 1); // 5 dots, at most 3 on one idea
      }
    } else {
      for (const idea of ideas) if (random() < 0.4) points[idea.id] = 1;
    }
    return { voterId: `org${v}`, points };
  });
  return { budget: random() < 0.05 ? 0 : (1 + int(60)) * 500, ideas, ballots };
}

function instances(seed: number, count = 300): Instance[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => randomInstance(random));
}

const cents = (euros: number) => Math.round(euros * 100);

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const ALL_RULES: { name: string; run: (i: Instance) => SelectionResult }[] = [
  { name: 'greedy', run: (i) => greedySelection(i.budget, i.ideas, i.ballots) },
  { name: 'equal shares', run: (i) => equalSharesSelection(i.budget, i.ideas, i.ballots) },
  { name: 'equal shares (cost utility)', run: (i) => equalSharesSelection(i.budget, i.ideas, i.ballots, { utility: 'cost' }) },
  { name: 'equal shares + greedy completion', run: (i) => equalSharesSelection(i.budget, i.ideas, i.ballots, { completion: 'greedy' }) },
];

describe('budget: properties over random instances (seeded)', () => {
  it('BU-2, BU-3, BU-5: no rule ever spends more than the budget; spent + left = budget to the cent', () => {
    for (const instance of instances(1)) {
      for (const rule of ALL_RULES) {
        const result = rule.run(instance);
        const costOf = new Map(instance.ideas.map((idea) => [idea.id, cents(idea.cost)]));
        const total = result.selected.reduce((sum, id) => sum + costOf.get(id)!, 0);
        expect(total, rule.name).toBeLessThanOrEqual(cents(instance.budget));
        expect(cents(result.spent), rule.name).toBe(total);
        expect(cents(result.spent) + cents(result.left), rule.name).toBe(cents(instance.budget));
      }
    }
  });

  it('BU-3: Equal Shares charges only supporters, never more than a voter’s share, and exactly the cost', () => {
    for (const instance of instances(2)) {
      for (const utility of ['points', 'cost'] as const) {
        const result = equalSharesSelection(instance.budget, instance.ideas, instance.ballots, { utility });
        const paid = new Map<string, number>();
        for (const id of result.selected) {
          const supporters = new Set(instance.ballots.filter((b) => (b.points[id] ?? 0) > 0).map((b) => b.voterId));
          let sum = 0;
          for (const [voter, amount] of Object.entries(payments(result, id))) {
            expect(supporters.has(voter)).toBe(true);
            expect(amount).toBeGreaterThanOrEqual(0);
            paid.set(voter, (paid.get(voter) ?? 0) + amount);
            sum += amount;
          }
          expect(sum).toBeCloseTo(result.ideas[id]!.cost, 6);
        }
        for (const [voter, share] of Object.entries(result.shares)) {
          expect(share.left).toBeGreaterThanOrEqual(0);
          expect(paid.get(voter) ?? 0).toBeLessThanOrEqual(share.initial + 1e-9);
          expect(share.initial - (paid.get(voter) ?? 0)).toBeCloseTo(share.left, 6);
        }
        // It stops only when nothing is affordable any more.
        for (const outcome of Object.values(result.ideas)) {
          if (outcome.reason.code === 'supporters-cannot-afford') expect(outcome.reason.held).toBeLessThanOrEqual(outcome.cost);
        }
      }
    }
  });

  it('BU-2, BU-4: under greedy, more points for a selected idea never deselect it', () => {
    const random = mulberry32(3);
    let checked = 0;
    for (const instance of instances(3)) {
      const before = greedySelection(instance.budget, instance.ideas, instance.ballots);
      if (before.selected.length === 0) continue;
      const target = before.selected[Math.floor(random() * before.selected.length)]!;
      const extra = 1 + Math.floor(random() * 20);
      const voter = Math.floor(random() * (instance.ballots.length + 1));
      const ballots = instance.ballots.map((b, i) => (i === voter ? { ...b, points: { ...b.points, [target]: (b.points[target] ?? 0) + extra } } : b));
      if (voter === instance.ballots.length) ballots.push({ voterId: 'newcomer', points: { [target]: extra } });
      expect(greedySelection(instance.budget, instance.ideas, ballots).selected).toContain(target);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('BU-4: the result does not depend on the order of the ballots (nor of the points within a ballot)', () => {
    const random = mulberry32(4);
    for (const instance of instances(4)) {
      const reordered = {
        ...instance,
        ballots: shuffled(instance.ballots, random).map((b) => ({ ...b, points: Object.fromEntries(shuffled(Object.entries(b.points), random)) })),
      };
      for (const rule of ALL_RULES) expect(rule.run(reordered), rule.name).toEqual(rule.run(instance));
    }
  });

  it('BU-3: with the same k points on every supported idea, Equal Shares is the approval rule: equal payments, same outcome as k = 1', () => {
    const random = mulberry32(5);
    for (const instance of instances(5)) {
      const sets = instance.ballots.map((b) => Object.keys(b.points));
      const k = 1 + Math.floor(random() * 9);
      for (const utility of ['points', 'cost'] as const) {
        const one = equalSharesSelection(instance.budget, instance.ideas, approvals(sets, 1), { utility });
        const many = equalSharesSelection(instance.budget, instance.ideas, approvals(sets, k), { utility });
        expect(many.selected).toEqual(one.selected);
        expect(many.shares).toEqual(one.shares);
        for (const id of one.selected) expect(payments(many, id)).toEqual(payments(one, id));
        // Approval version: every supporter pays the same, except who pays all it has left.
        const holds = new Map(Object.entries(one.shares).map(([voter, s]) => [voter, s.initial]));
        for (const id of one.selected) {
          const paid = payments(one, id);
          const top = Math.max(...Object.values(paid));
          for (const [voter, amount] of Object.entries(paid)) {
            if (Math.abs(amount - top) > 1e-6) expect(amount).toBeCloseTo(holds.get(voter)!, 6);
            holds.set(voter, holds.get(voter)! - amount);
          }
        }
      }
    }
  });

  it('BU-3: a project wins if n·cost/budget voters vote for it alone (equalshares.net, "Mathematical fairness guarantees")', () => {
    const random = mulberry32(6);
    let checked = 0;
    for (const instance of instances(6)) {
      const affordable = instance.ideas.filter((idea) => idea.cost > 0 && idea.cost < instance.budget);
      if (affordable.length === 0) continue;
      checked += 1;
      const target = affordable[Math.floor(random() * affordable.length)]!;
      const others = instance.ballots.length;
      // t loyal voters suffice when t ≥ (others + t) · cost / budget.
      const t = Math.max(1, Math.ceil((others * target.cost) / (instance.budget - target.cost)));
      const loyal = Array.from({ length: t }, (_, i) => ({ voterId: `loyal${i}`, points: { [target.id]: 1 + Math.floor(random() * 5) } }));
      for (const utility of ['points', 'cost'] as const) {
        const result = equalSharesSelection(instance.budget, instance.ideas, [...instance.ballots, ...loyal], { utility });
        expect(result.selected).toContain(target.id);
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});

describe('budget: edge cases', () => {
  const ideas = [{ id: 'a', cost: 10_000 }, { id: 'b', cost: 20_000 }, { id: 'free', cost: 0 }, { id: 'huge', cost: 50_000 }];

  it('BU-1: without ballots nothing is selected, every idea has no support (or is over budget), nobody holds a share', () => {
    for (const result of [greedySelection(30_000, ideas, []), equalSharesSelection(30_000, ideas, [])]) {
      expect(result.selected).toEqual([]);
      expect(result.spent).toBe(0);
      expect(result.left).toBe(30_000);
      expect(reason(result, 'a')).toEqual({ code: 'no-support' });
      expect(reason(result, 'free')).toEqual({ code: 'no-support' });
      expect(reason(result, 'huge')).toEqual({ code: 'over-budget' });
    }
    expect(equalSharesSelection(30_000, ideas, []).shares).toEqual({});
  });

  it('BU-1: no ideas — nothing to select, the whole budget is left', () => {
    const ballots = [{ voterId: 'x', points: { gone: 5 } }];
    for (const result of [greedySelection(30_000, [], ballots), equalSharesSelection(30_000, [], ballots)]) {
      expect(result).toMatchObject({ selected: [], spent: 0, left: 30_000, ideas: {} });
    }
    // Points for unknown ideas make nobody a voter.
    expect(equalSharesSelection(30_000, [], ballots).shares).toEqual({});
  });

  it('BU-1: budget 0 — only free ideas with support are selected; everything that costs is over budget', () => {
    const ballots: BudgetBallot[] = [{ voterId: 'x', points: { a: 3, free: 1 } }, { voterId: 'y', points: { b: 2 } }];
    for (const result of [greedySelection(0, ideas, ballots), equalSharesSelection(0, ideas, ballots)]) {
      expect(result.selected).toEqual(['free']);
      expect(result.spent).toBe(0);
      expect(reason(result, 'a')).toEqual({ code: 'over-budget' });
    }
    expect(equalSharesSelection(0, ideas, ballots).shares).toEqual({ x: { initial: 0, left: 0 }, y: { initial: 0, left: 0 } });
  });

  it('BU-1: a free idea is selected when someone gave it a point (nobody pays), and has no support otherwise', () => {
    const ballots = [{ voterId: 'x', points: { free: 1, a: 1 } }];
    const greedy = greedySelection(30_000, ideas, ballots);
    expect(greedy.selected).toEqual(['free', 'a']); // equal points: the cheaper first
    for (const utility of ['points', 'cost'] as const) {
      const mes = equalSharesSelection(30_000, ideas, ballots, { utility });
      expect(mes.selected).toEqual(['free', 'a']);
      expect(payments(mes, 'free')).toEqual({ x: 0 });
    }
    expect(reason(greedySelection(30_000, ideas, [{ voterId: 'x', points: { a: 1 } }]), 'free')).toEqual({ code: 'no-support' });
  });

  it('BU-1: an idea that costs more than the whole budget is over budget, even with all the points', () => {
    const ballots = [{ voterId: 'x', points: { huge: 100 } }, { voterId: 'y', points: { huge: 100 } }];
    for (const result of [greedySelection(30_000, ideas, ballots), equalSharesSelection(30_000, ideas, ballots)]) {
      expect(result.selected).toEqual([]);
      expect(reason(result, 'huge')).toEqual({ code: 'over-budget' });
      expect(result.ideas['huge']!).toMatchObject({ totalPoints: 200, supporters: 2, rank: 1 });
    }
  });

  it('BU-2, BU-3: all points on one idea — both rules fund it; its supporters pay it by their points', () => {
    const ballots = [{ voterId: 'x', points: { b: 100 } }, { voterId: 'y', points: { b: 100 } }, { voterId: 'z', points: { b: 100 } }];
    const greedy = greedySelection(30_000, ideas, ballots);
    expect(greedy.selected).toEqual(['b']);
    expect(reason(greedy, 'a')).toEqual({ code: 'no-support' });
    const mes = equalSharesSelection(30_000, ideas, ballots);
    expect(mes.selected).toEqual(['b']);
    for (const paid of Object.values(payments(mes, 'b'))) expect(paid).toBeCloseTo(20_000 / 3, 9);
    expect(mes.left).toBe(10_000);
  });

  it('BU-2: an idea that no longer fits is skipped and a cheaper one after it still taken, with the money at its turn', () => {
    const ballots = [{ voterId: 'x', points: { b: 5, a: 3, huge: 9 } }];
    const result = greedySelection(25_000, ideas, ballots);
    expect(result.selected).toEqual(['b']);
    expect(reason(result, 'b')).toEqual({ code: 'selected', remainingAfter: 5_000 });
    expect(reason(result, 'a')).toEqual({ code: 'does-not-fit', remaining: 5_000 });
    expect(result.ideas['huge']!.rank).toBe(1);
  });

  it('BU-4: greedy ties — equal points: the cheaper idea first; equal cost too: the input order', () => {
    const tied = [{ id: 'p', cost: 600 }, { id: 'q', cost: 500 }, { id: 'r', cost: 500 }];
    const result = greedySelection(1000, tied, [{ voterId: 'x', points: { p: 1, q: 1, r: 1 } }]);
    expect(result.selected).toEqual(['q', 'r']);
    expect(Object.values(result.ideas).map((i) => i.rank)).toEqual([3, 1, 2]);
  });

  it('BU-4: Equal Shares ties — equal ρ: lower cost first (equalshares.net, "Tie breaking", Example 1), then more points', () => {
    // 10 voters, budget 1000 (100 each); p and q both cost 100 per supporter.
    const tied = [{ id: 'p', cost: 700 }, { id: 'q', cost: 600 }];
    const sets = [...Array(6).fill(['p', 'q']), ...Array(1).fill(['p']), ...Array(3).fill([])] as string[][];
    const result = equalSharesSelection(1000, tied, approvals(sets));
    expect(result.selected[0]).toBe('q');
  });

  it('BU-1: ballots of one voting unit are added up; units without points are not voters', () => {
    const ballots: BudgetBallot[] = [
      { voterId: 'x', points: { a: 1 } },
      { voterId: 'x', points: { a: 2, b: 1 } },
      { voterId: 'idle', points: { a: 0 } },
      { voterId: 'y', points: { b: -3, c: 4 } },
    ];
    const result = equalSharesSelection(30_000, ideas, ballots);
    expect(Object.keys(result.shares)).toEqual(['x']);
    expect(result.ideas['a']!.totalPoints).toBe(3);
    expect(result.ideas['b']!.totalPoints).toBe(1);
  });

  it('BU-5: money is counted in cents, so 0.10 € + 0.20 € fit in 0.30 €; fractional points are exact', () => {
    const small = [{ id: 'x', cost: 0.1 }, { id: 'y', cost: 0.2 }];
    const ballots = [{ voterId: 'u', points: { x: 0.1, y: 0.2 } }, { voterId: 'w', points: { x: 0.2, y: 0.1 } }];
    expect([...greedySelection(0.3, small, ballots).selected].sort()).toEqual(['x', 'y']);
    expect(greedySelection(0.3, small, ballots).left).toBe(0);
    const mes = equalSharesSelection(0.3, small, ballots);
    expect(mes.ideas['x']!.totalPoints).toBeCloseTo(0.3, 12);
    expect(mes.spent).toBeLessThanOrEqual(0.3);
  });

  it('BU-7: the greedy completion spends what Equal Shares left on the next ideas in points order', () => {
    const plain = equalSharesSelection(1100, ES_IDEAS, ES_EXAMPLE_1, { utility: 'cost' });
    expect(plain.left).toBe(100);
    const completed = equalSharesSelection(1100, ES_IDEAS, ES_EXAMPLE_1, { utility: 'cost', completion: 'greedy' });
    expect(completed.selected).toEqual(['bike', 'playground', 'library']); // nothing else costs 100 or less
    // 4 voters with 250 each: A's two supporters hold 500 < 600, C's one 250 < 300; only B is paid from shares.
    const abc = [{ id: 'A', cost: 600 }, { id: 'B', cost: 200 }, { id: 'C', cost: 300 }];
    const ballots = approvals([['A'], ['A'], ['B'], ['C']]);
    expect(equalSharesSelection(1000, abc, ballots).selected).toEqual(['B']);
    const result = equalSharesSelection(1000, abc, ballots, { completion: 'greedy' });
    expect(result.selected).toEqual(['B', 'A']);
    expect(reason(result, 'A')).toEqual({ code: 'completed', remainingAfter: 200 });
    expect(reason(result, 'C')).toMatchObject({ code: 'supporters-cannot-afford', held: 250, sinceRound: 0 });
    expect(result).toMatchObject({ spent: 800, left: 200, completion: 'greedy' });
  });
});
