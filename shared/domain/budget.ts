/**
 * Budget selection (SPEC BU-1 … BU-7): which costed ideas a budget funds,
 * given the points that voting units distributed over them. Two rules are
 * computed side by side, each with a machine-readable reason per idea.
 *
 * - **Greedy by points** (BU-2), the rule of most city budgets: ideas in order
 *   of total points; each is taken if it still fits in what is left.
 * - **Method of Equal Shares** (BU-3; Peters, Pierczyński & Skowron,
 *   "Proportional Participatory Budgeting with Additive Utilities", NeurIPS
 *   2021; equalshares.net): the budget is split equally among the voters, and
 *   an idea is funded only if its supporters can pay for it from their shares.
 *   Voter i's utility for idea c is u_i(c) = the points i gave c (additive
 *   utilities). c is ρ-affordable if Σ_i min(b_i, ρ·u_i(c)) = cost(c) over its
 *   supporters; each round selects the idea with the smallest ρ and charges
 *   each supporter min(b_i, ρ·u_i(c)); the rule stops when nothing is
 *   affordable, and what is unspent stays unspent. With equal points per
 *   supported idea (approval-like ballots) this is the approval version,
 *   where supporters pay equal shares. Options: `utility: 'cost'` takes
 *   u_i(c) = points × cost(c), which for approval-like ballots is the "cost
 *   utility" variant that equalshares.net and pabutools (Cost_Sat) use; and
 *   `completion: 'greedy'` spends what is left on the unselected ideas in
 *   greedy order (BU-7).
 *
 * Voters (BU-1) are the voting units that gave at least one point to one of
 * the ideas; units without points do not dilute the shares. A unit's ballots
 * are added up. Points that are not positive finite numbers, and points for
 * unknown ideas, are ignored. Under both rules an idea that costs more than
 * the budget is `over-budget` and one without points `no-support`; a free
 * idea (cost 0) with points is always selected and paid by nobody (pabutools'
 * cost utility would give it no utility and skip it).
 *
 * Ties (BU-4) are broken deterministically, never by input order of ballots:
 * greedy by more points, then lower cost, then the ideas' input order; Equal
 * Shares by smaller ρ, then lower cost, then more points (the tie-breaking
 * equalshares.net recommends), then input order.
 *
 * Money (BU-5): budget and costs are euros, taken to the cent; all sums are
 * integer cents. Equal Shares computes the voters' shares and ρ as exact
 * fractions (BigInt), so no rounding can make an idea look affordable that is
 * not, and ties are exact. Reported payments, shares and ρ are those exact
 * values converted to numbers for display; spent and left are exact cents.
 */

export interface BudgetIdea {
  readonly id: string;
  /** Euros; rounded to the cent. 0 is allowed: a free idea with support is always selected. */
  readonly cost: number;
}

export interface BudgetBallot {
  /** The voting unit (organisation or person). */
  readonly voterId: string;
  /** Idea id → points; ids are the ideas'. */
  readonly points: Readonly<Record<string, number>>;
}

/** BU-6: why an idea is in or out under greedy. Amounts in euros. */
export type GreedyReason =
  | { readonly code: 'selected'; readonly remainingAfter: number }
  | { readonly code: 'does-not-fit'; readonly remaining: number }
  | { readonly code: 'no-support' }
  | { readonly code: 'over-budget' };

/** BU-6: why an idea is in or out under Equal Shares. Amounts in euros. */
export type EqualSharesReason =
  | {
      readonly code: 'selected';
      /** 1, 2, 3 … in selection order. */
      readonly round: number;
      /** ρ of the chosen utility; with `utility: 'points'` the same as `pricePerPoint`. */
      readonly rho: number;
      /** Euros one point costs the supporters who pay in full. */
      readonly pricePerPoint: number;
      /** cost / pricePerPoint: the points that effectively carried the idea; null for a free idea. */
      readonly effectivePoints: number | null;
      /** Voter id → euros paid, for every supporter (0 if it had nothing left). */
      readonly payments: Readonly<Record<string, number>>;
    }
  | { readonly code: 'completed'; readonly remainingAfter: number }
  | {
      readonly code: 'supporters-cannot-afford';
      /** What its supporters still hold at the end (less than its cost). */
      readonly held: number;
      /** The last round after which they could no longer pay (0: not even with their full shares). */
      readonly sinceRound: number;
    }
  | { readonly code: 'no-support' }
  | { readonly code: 'over-budget' };

export interface IdeaOutcome<R> {
  readonly selected: boolean;
  /** Euros, to the cent. */
  readonly cost: number;
  readonly totalPoints: number;
  /** Voting units that gave it at least one point. */
  readonly supporters: number;
  /** 1-based position by points (more first), then cost (lower first), then input order. */
  readonly rank: number;
  readonly reason: R;
}

interface SelectionBase<R> {
  /** Euros, to the cent. */
  readonly budget: number;
  /** Idea ids in the order they were selected. */
  readonly selected: readonly string[];
  readonly spent: number;
  readonly left: number;
  readonly ideas: Readonly<Record<string, IdeaOutcome<R>>>;
}

export interface GreedyResult extends SelectionBase<GreedyReason> {
  readonly rule: 'greedy';
}

export interface VoterShare {
  /** budget / number of voters. */
  readonly initial: number;
  /** What the voter holds after Equal Shares (before any completion). */
  readonly left: number;
}

export interface EqualSharesOptions {
  /** 'points' (default): u_i(c) = points. 'cost': u_i(c) = points × cost(c). */
  readonly utility?: 'points' | 'cost';
  /** 'none' (default): leave the rest unspent. 'greedy': BU-7. */
  readonly completion?: 'none' | 'greedy';
}

export interface EqualSharesResult extends SelectionBase<EqualSharesReason> {
  readonly rule: 'equal-shares';
  readonly utility: 'points' | 'cost';
  readonly completion: 'none' | 'greedy';
  /** Voter id → share; only voting units that gave points (BU-1). */
  readonly shares: Readonly<Record<string, VoterShare>>;
}

export type SelectionResult = GreedyResult | EqualSharesResult;

interface Idea {
  readonly id: string;
  readonly index: number;
  readonly cost: bigint; // cents
  points: bigint; // scaled by 2^exponent, exact
  readonly supporters: number[]; // voter indices, in voter order
  rank: number;
}

interface Prepared {
  readonly budget: bigint; // cents
  readonly ideas: readonly Idea[]; // input order
  readonly order: readonly Idea[]; // points order (rank)
  readonly voterIds: readonly string[]; // sorted
  /** points[v].get(ideaIndex): voter v's scaled points. */
  readonly points: readonly Map<number, bigint>[];
  /** Points were multiplied by 2^exponent to make them integers. */
  readonly exponent: number;
}

/** BU-5: euros → integer cents; anything not a positive finite amount counts as 0. */
function toCents(euros: number): bigint {
  return Number.isFinite(euros) && euros > 0 ? BigInt(Math.round(euros * 100)) : 0n;
}

function euros(cents: bigint): number {
  return Number(cents) / 100;
}

/** num/den as the nearest number (about); both are shifted to stay within a double's range. */
function ratio(num: bigint, den: bigint): number {
  const shift = BigInt(Math.max(0, Math.max(num.toString(2).length, den.toString(2).length) - 1000));
  return Number(num >> shift) / Number(den >> shift);
}

/** num/den cents as euros. */
function eurosOf(num: bigint, den: bigint): number {
  return ratio(num, den) / 100;
}

/** x = mantissa / 2^exponent exactly (doubling a double is exact). */
function dyadic(x: number): [bigint, number] {
  let exponent = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    exponent += 1;
  }
  return [BigInt(x), exponent];
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** BU-1, BU-4: ideas, merged ballots in a canonical voter order, exact points. */
function prepare(budget: number, ideaList: readonly BudgetIdea[], ballots: readonly BudgetBallot[]): Prepared {
  const indexOf = new Map<string, number>();
  const input: { id: string; cost: bigint }[] = [];
  for (const idea of ideaList) {
    if (indexOf.has(idea.id)) continue; // ids are unique; a repeated id is ignored
    indexOf.set(idea.id, input.length);
    input.push({ id: idea.id, cost: toCents(idea.cost) });
  }
  const entries: { voterId: string; index: number; mantissa: bigint; exponent: number }[] = [];
  let exponent = 0;
  for (const ballot of ballots) {
    for (const [ideaId, value] of Object.entries(ballot.points)) {
      const index = indexOf.get(ideaId);
      if (index === undefined || !Number.isFinite(value) || value <= 0) continue;
      const [mantissa, e] = dyadic(value);
      exponent = Math.max(exponent, e);
      entries.push({ voterId: ballot.voterId, index, mantissa, exponent: e });
    }
  }
  const byVoter = new Map<string, Map<number, bigint>>();
  for (const entry of entries) {
    let own = byVoter.get(entry.voterId);
    if (!own) byVoter.set(entry.voterId, (own = new Map()));
    own.set(entry.index, (own.get(entry.index) ?? 0n) + (entry.mantissa << BigInt(exponent - entry.exponent)));
  }
  const voterIds = [...byVoter.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const points = voterIds.map((id) => byVoter.get(id)!);
  const ideas: Idea[] = input.map((idea, index) => ({ ...idea, index, points: 0n, supporters: [], rank: 0 }));
  points.forEach((own, voter) => {
    for (const [index, value] of own) {
      const idea = ideas[index]!;
      idea.points += value;
      idea.supporters.push(voter);
    }
  });
  const order = [...ideas].sort(
    (a, b) => compareBig(b.points, a.points) || compareBig(a.cost, b.cost) || a.index - b.index,
  );
  order.forEach((idea, i) => (idea.rank = i + 1));
  return { budget: toCents(budget), ideas, order, voterIds, points, exponent };
}

function outcomes<R>(p: Prepared, selected: ReadonlySet<Idea>, reasons: ReadonlyMap<Idea, R>): Record<string, IdeaOutcome<R>> {
  return Object.fromEntries(
    p.ideas.map((idea) => [
      idea.id,
      {
        selected: selected.has(idea),
        cost: euros(idea.cost),
        totalPoints: ratio(idea.points, 1n << BigInt(p.exponent)),
        supporters: idea.supporters.length,
        rank: idea.rank,
        reason: reasons.get(idea)!,
      },
    ]),
  );
}

/** BU-1: an idea that costs more than the whole budget, or that nobody gave points, is out before any rule runs. */
function excluded(p: Prepared, idea: Idea): { code: 'over-budget' } | { code: 'no-support' } | null {
  if (idea.cost > p.budget) return { code: 'over-budget' };
  if (idea.points === 0n) return { code: 'no-support' };
  return null;
}

/** BU-2: greedy by points. */
export function greedySelection(budget: number, ideas: readonly BudgetIdea[], ballots: readonly BudgetBallot[]): GreedyResult {
  const p = prepare(budget, ideas, ballots);
  const reasons = new Map<Idea, GreedyReason>();
  const selected: Idea[] = [];
  let remaining = p.budget;
  for (const idea of p.order) {
    const out = excluded(p, idea);
    if (out) {
      reasons.set(idea, out);
    } else if (idea.cost <= remaining) {
      remaining -= idea.cost;
      selected.push(idea);
      reasons.set(idea, { code: 'selected', remainingAfter: euros(remaining) });
    } else {
      reasons.set(idea, { code: 'does-not-fit', remaining: euros(remaining) });
    }
  }
  return {
    rule: 'greedy',
    budget: euros(p.budget),
    selected: selected.map((idea) => idea.id),
    spent: euros(p.budget - remaining),
    left: euros(remaining),
    ideas: outcomes(p, new Set(selected), reasons),
  };
}

/** An idea's price per (scaled) point is x / (den · s), den being the voters' common denominator. */
interface Price {
  readonly x: bigint;
  readonly s: bigint;
}

/** BU-3: the Method of Equal Shares. */
export function equalSharesSelection(
  budget: number,
  ideas: readonly BudgetIdea[],
  ballots: readonly BudgetBallot[],
  options: EqualSharesOptions = {},
): EqualSharesResult {
  const utility = options.utility ?? 'points';
  const completion = options.completion ?? 'none';
  const p = prepare(budget, ideas, ballots);
  const n = p.voterIds.length;
  // Voter v holds held[v] / den cents; everyone starts with budget / n.
  let den = BigInt(Math.max(n, 1));
  const held = p.voterIds.map(() => p.budget);
  const pointsOf = (voter: number, idea: Idea) => p.points[voter]!.get(idea.index)!;
  const reasons = new Map<Idea, EqualSharesReason>();
  const open = new Set<Idea>();
  for (const idea of p.ideas) {
    const out = excluded(p, idea);
    if (out) reasons.set(idea, out);
    else open.add(idea);
  }

  const holding = (idea: Idea) => idea.supporters.reduce((sum, v) => sum + held[v]!, 0n);
  const sweep = (round: number) => {
    for (const idea of open) {
      if (holding(idea) < idea.cost * den) {
        open.delete(idea);
        reasons.set(idea, { code: 'supporters-cannot-afford', held: 0, sinceRound: round });
      }
    }
  };
  // Smallest price per point: supporters who cannot pay it pay all they hold ("poor/rich", as in pabutools).
  const priceOf = (idea: Idea): Price | null => {
    let rich = idea.supporters;
    let poorHeld = 0n;
    while (rich.length > 0) {
      const x = idea.cost * den - poorHeld;
      const s = rich.reduce((sum, v) => sum + pointsOf(v, idea), 0n);
      const stillRich = rich.filter((v) => x * pointsOf(v, idea) <= held[v]! * s);
      if (stillRich.length === rich.length) return { x, s };
      for (const v of rich) if (!stillRich.includes(v)) poorHeld += held[v]!;
      rich = stillRich;
    }
    return null;
  };
  // ρ as a fraction (common factor 1/den left out): price per point, or per point and cent of cost.
  const rhoOf = (idea: Idea, price: Price): [bigint, bigint] =>
    utility === 'points' ? [price.x, price.s] : idea.cost === 0n ? [0n, 1n] : [price.x, price.s * idea.cost];
  // BU-4: smaller ρ, then lower cost, then more points, then input order.
  const better = (a: Idea, ra: [bigint, bigint], b: Idea, rb: [bigint, bigint]) =>
    (compareBig(ra[0] * rb[1], rb[0] * ra[1]) || compareBig(a.cost, b.cost) || compareBig(b.points, a.points) || a.index - b.index) < 0;

  const selected: Idea[] = [];
  sweep(0);
  for (let round = 1; open.size > 0; round += 1) {
    let best: { idea: Idea; price: Price; rho: [bigint, bigint] } | null = null;
    for (const idea of open) {
      const price = priceOf(idea);
      if (!price) continue;
      const rho = rhoOf(idea, price);
      if (!best || better(idea, rho, best.idea, best.rho)) best = { idea, price, rho };
    }
    if (!best) break;
    const { idea, price } = best;
    // Cents per original point (points were scaled by 2^exponent) is xe / de, taken before den changes.
    const xe = price.x << BigInt(p.exponent);
    const de = den * price.s;
    // Charge min(b_i, price · points_i); all amounts move to the common denominator den · s.
    for (let v = 0; v < n; v += 1) held[v]! *= price.s;
    den *= price.s;
    const payments = idea.supporters.map((v): [string, number] => {
      const due = price.x * pointsOf(v, idea);
      const pay = held[v]! < due ? held[v]! : due;
      held[v]! -= pay;
      return [p.voterIds[v]!, eurosOf(pay, den)];
    });
    let common = den;
    for (let v = 0; v < n && common !== 1n; v += 1) common = gcd(common, held[v]!);
    if (common > 1n) {
      den /= common;
      for (let v = 0; v < n; v += 1) held[v]! /= common;
    }
    open.delete(idea);
    selected.push(idea);
    reasons.set(idea, {
      code: 'selected',
      round,
      rho: utility === 'points' || idea.cost === 0n ? eurosOf(xe, de) : ratio(xe, de * idea.cost),
      pricePerPoint: eurosOf(xe, de),
      effectivePoints: xe === 0n ? null : ratio(idea.cost * de, xe),
      payments: Object.fromEntries(payments),
    });
    sweep(round);
  }
  for (const [idea, reason] of reasons) {
    if (reason.code === 'supporters-cannot-afford') reasons.set(idea, { ...reason, held: eurosOf(holding(idea), den) });
  }
  const spentByShares = selected.reduce((sum, idea) => sum + idea.cost, 0n);
  let left = p.budget - spentByShares;
  if (completion === 'greedy') {
    // BU-7: the rest goes to unselected supported ideas in greedy order, as far as it reaches.
    for (const idea of p.order) {
      if (selected.includes(idea) || excluded(p, idea) || idea.cost > left) continue;
      left -= idea.cost;
      selected.push(idea);
      reasons.set(idea, { code: 'completed', remainingAfter: euros(left) });
    }
  }
  const initial = n > 0 ? eurosOf(p.budget, BigInt(n)) : 0;
  return {
    rule: 'equal-shares',
    utility,
    completion,
    budget: euros(p.budget),
    selected: selected.map((idea) => idea.id),
    spent: euros(p.budget - left),
    left: euros(left),
    ideas: outcomes(p, new Set(selected), reasons),
    shares: Object.fromEntries(p.voterIds.map((id, v) => [id, { initial, left: eurosOf(held[v]!, den) }])),
  };
}
