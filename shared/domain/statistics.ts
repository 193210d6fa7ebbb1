/**
 * Statistics of one theme × criterion, read off a Tally (SPEC A-1 … A-6).
 * Organisation mode: each responding organisation is one unit whose value is the
 * mean of its representatives' scores, weighted by the organisation's weight.
 * Person mode: each person's score is one unit of weight 1.
 */
import type { Organisation, VotingUnit } from '../schemas.js';
import type { Tally } from './tally.js';

export interface CriterionStats {
  criterionId: string;
  /** Organisations with at least one score (abstentions do not count). */
  nOrganisations: number;
  /** Persons who gave a score. */
  nPersons: number;
  /** Persons who abstained ("kann ich nicht beurteilen"). */
  abstentions: number;
  mean: number | null;
  median: number | null;
  /** Population standard deviation over the voting units (weighted in organisation mode). */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Persons per scale point, from the scale's minimum upwards. */
  histogram: number[];
}

interface Unit {
  value: number;
  weight: number;
}

type Description = Pick<CriterionStats, 'mean' | 'median' | 'sd' | 'min' | 'max'>;

/**
 * Weighted mean, population standard deviation and median of units (non-empty).
 * Sorts the units by value (they are made for this call).
 */
function describeUnits(units: Unit[]): Description {
  let totalWeight = 0;
  let weightedSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const u of units) {
    totalWeight += u.weight;
    weightedSum += u.weight * u.value;
    if (u.value < min) min = u.value;
    if (u.value > max) max = u.value;
  }
  const mean = weightedSum / totalWeight;
  let squares = 0;
  for (const u of units) squares += u.weight * (u.value - mean) ** 2;
  return { mean, median: weightedMedian(sortByValue(units), totalWeight), sd: Math.sqrt(squares / totalWeight), min, max };
}

/**
 * The units by value, sorted in place and stable, as Array.prototype.sort. This runs for every cell on
 * every push of live results, where the built-in sort would first copy the units (issue 17); a county's
 * tens of organisations are sorted by insertion, the rare long list by the built-in sort.
 */
function sortByValue(units: Unit[]): Unit[] {
  if (units.length > 40) return units.sort((a, b) => a.value - b.value);
  for (let i = 1; i < units.length; i++) {
    const unit = units[i]!;
    let j = i - 1;
    for (; j >= 0 && units[j]!.value > unit.value; j--) units[j + 1] = units[j]!;
    units[j + 1] = unit;
  }
  return units;
}

/**
 * the value where half of the total weight lies on either side; when the
 * cumulative weight hits exactly one half, the mean of the two neighbouring
 * values (with equal weights this is the ordinary median). `sorted` by value.
 */
function weightedMedian(sorted: readonly Unit[], totalWeight: number): number {
  const half = totalWeight / 2;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i]!.weight;
    if (Math.abs(cumulative - half) < 1e-9 * totalWeight && i + 1 < sorted.length) {
      return (sorted[i]!.value + sorted[i + 1]!.value) / 2;
    }
    if (cumulative > half) return sorted[i]!.value;
  }
  return sorted[sorted.length - 1]!.value;
}

function describeHistogram(histogram: readonly number[], scaleMin: number): Description {
  const units: Unit[] = [];
  for (let step = 0; step < histogram.length; step++) {
    if (histogram[step]! > 0) units.push({ value: scaleMin + step, weight: histogram[step]! });
  }
  return describeUnits(units);
}

const EMPTY: Description = { mean: null, median: null, sd: null, min: null, max: null };

/**
 * Read once per cell for every push of live results while votes stream in
 * (SPEC B-1): built in one go, in one shape, without intermediate objects.
 */
export function criterionStats(
  tally: Tally,
  cell: number,
  organisations: readonly Organisation[],
  votingUnit: VotingUnit,
): CriterionStats {
  const { steps, cellCount } = tally;
  // Filled by push: an array made at its size has holes for V8, and JSON.stringify serialises such an array
  // on its slow path, in every dashboard push.
  const histogram: number[] = [];
  let nPersons = 0;
  for (let step = 0; step < steps; step++) {
    const persons = tally.histogram[cell * steps + step]!;
    histogram.push(persons);
    nPersons += persons;
  }
  const units: Unit[] = [];
  for (let org = 0; org < organisations.length; org++) {
    const slot = org * cellCount + cell;
    const count = tally.orgCount[slot]!;
    if (count > 0) units.push({ value: tally.orgSum[slot]! / count, weight: organisations[org]!.weight });
  }
  const nOrganisations = units.length;
  const { mean, median, sd, min, max } = nPersons === 0 ? EMPTY : votingUnit === 'organisation' ? describeUnits(units) : describeHistogram(histogram, tally.scaleMin);
  return {
    criterionId: tally.criterionIds[cell % tally.criterionIds.length]!,
    nOrganisations,
    nPersons,
    abstentions: tally.abstentions[cell]!,
    histogram,
    mean,
    median,
    sd,
    min,
    max,
  };
}
