/**
 * Where the tiers lie in the matrix. Tiers follow the combined score (SPEC T-1,
 * T-2), a weighted sum of both normalised means, so on a two-criteria matrix
 * every tier boundary is a straight line of equal score — usually a diagonal,
 * not the mid-lines. Shading a quadrant "Priorität I" would contradict the
 * proposals; the matrix draws these lines instead.
 */
import { criterionWeights, normalise, tierForScore, type Tier } from '../../../../../shared/domain/tiering.js';
import type { Results } from '../../../../../shared/domain/results.js';
import type { WorkshopConfig } from '../../../../../shared/schemas.js';

/** A point in the unit square: x = normalised potential (second criterion), y = normalised importance (first). */
export interface UnitPoint {
  x: number;
  y: number;
}

export interface TierArea {
  /** The lowest tier the area reaches: everything at or above its boundary. */
  tier: Exclude<Tier, 'III'>;
  /** The area at or above the boundary, clipped to the unit square. */
  polygon: UnitPoint[];
  /** The boundary inside the square. */
  line: [UnitPoint, UnitPoint];
}

const SQUARE: UnitPoint[] = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];

/** The part of the unit square where wx·x + wy·y ≥ threshold·(wx + wy) (one Sutherland–Hodgman step). */
export function areaAtLeast(wx: number, wy: number, threshold: number): { polygon: UnitPoint[]; line: [UnitPoint, UnitPoint] } | null {
  const value = (p: UnitPoint) => wx * p.x + wy * p.y - threshold * (wx + wy);
  const polygon: UnitPoint[] = [];
  const crossings: UnitPoint[] = [];
  SQUARE.forEach((p, i) => {
    const q = SQUARE[(i + 1) % SQUARE.length]!;
    const vp = value(p);
    const vq = value(q);
    if (vp >= 0) polygon.push(p);
    if ((vp >= 0) !== (vq >= 0)) {
      const t = vp / (vp - vq);
      const c = { x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) };
      polygon.push(c);
      crossings.push(c);
    }
  });
  if (polygon.length < 3 || crossings.length < 2) return null;
  return { polygon, line: [crossings[0]!, crossings[1]!] };
}

/**
 * The score thresholds that reproduce the proposed tiers: the rule's own when
 * they do, otherwise midway between neighbouring tiers' scores (a rule that
 * cuts the ranked scores elsewhere); null when the tiers do not follow the
 * two plotted criteria (more criteria, or scores that interleave).
 */
export function tierThresholds(results: Results, config: WorkshopConfig): { I: number | null; II: number | null } | null {
  if (config.criteria.length !== 2) return null;
  const weights = criterionWeights(config.tierRule, config.criteria.map((c) => c.id));
  const total = weights[0]! + weights[1]!;
  const scored = results.themes.flatMap((r) => {
    const [y, x] = r.criteria;
    if (r.tier === null || !x || !y || x.mean === null || y.mean === null) return [];
    const score = (weights[0]! * normalise(y.mean, config.scale) + weights[1]! * normalise(x.mean, config.scale)) / total;
    return [{ score, tier: r.tier }];
  });
  const rule = config.tierRule;
  if (scored.every((s) => tierForScore(s.score, rule) === s.tier)) return { I: rule.priorityI, II: rule.priorityII };
  const cut = (upper: Tier[], lower: Tier[]): number | null | false => {
    const above = scored.filter((s) => upper.includes(s.tier)).map((s) => s.score);
    const below = scored.filter((s) => lower.includes(s.tier)).map((s) => s.score);
    if (above.length === 0 || below.length === 0) return null;
    const low = Math.min(...above);
    const high = Math.max(...below);
    return low > high ? (low + high) / 2 : false;
  };
  const I = cut(['I'], ['II', 'III']);
  const II = cut(['I', 'II'], ['III']);
  if (I === false || II === false) return null;
  return { I, II };
}

export function tierAreas(results: Results, config: WorkshopConfig): TierArea[] {
  const thresholds = tierThresholds(results, config);
  if (!thresholds) return [];
  const [wy, wx] = criterionWeights(config.tierRule, config.criteria.map((c) => c.id)) as [number, number];
  const areas: TierArea[] = [];
  for (const tier of ['II', 'I'] as const) {
    const threshold = thresholds[tier];
    if (threshold === null) continue;
    const area = areaAtLeast(wx, wy, threshold);
    if (area) areas.push({ tier, ...area });
  }
  return areas;
}
