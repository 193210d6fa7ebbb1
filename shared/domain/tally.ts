/**
 * Running counts behind the live results. Every answer that is set, changed or
 * withdrawn updates a fixed number of integer counters (SPEC A-7): no
 * recomputation over all answers, however many people vote.
 *
 * Per cell (theme × criterion) it keeps a histogram of individual scores and an
 * abstention count; per organisation × cell the sum and count of its
 * representatives' scores and their abstentions; per organisation how many cells
 * it has answered at all (for the "who has voted" register).
 */
import type { WorkshopConfig } from '../schemas.js';

/** A score on the scale, or null for an explicit abstention ("kann ich nicht beurteilen"). */
export type AnswerValue = number | null;

export class Tally {
  readonly themeIds: readonly string[];
  readonly criterionIds: readonly string[];
  readonly organisationIds: readonly string[];
  readonly scaleMin: number;
  readonly steps: number;
  readonly cellCount: number;

  private readonly themeIndex = new Map<string, number>();
  private readonly criterionIndex = new Map<string, number>();
  private readonly organisationIndex = new Map<string, number>();

  /** histogram[cell * steps + (score - min)]: persons who gave that score. */
  readonly histogram: Int32Array;
  /** abstentions[cell]: persons who abstained. */
  readonly abstentions: Int32Array;
  /** orgSum/orgCount/orgAbstentions[org * cellCount + cell]. */
  readonly orgSum: Int32Array;
  readonly orgCount: Int32Array;
  readonly orgAbstentions: Int32Array;
  /** orgCovered[org]: cells with at least one score or abstention from that organisation. */
  readonly orgCovered: Int32Array;
  /** orgThemeCovered[org * themes + theme]: that theme's criteria the organisation has answered. */
  private readonly orgThemeCovered: Int32Array;
  /** orgThemesRated[org]: themes the organisation has answered in every criterion (what the tablet counts, SPEC R-1). */
  readonly orgThemesRated: Int32Array;

  constructor(config: Pick<WorkshopConfig, 'themes' | 'criteria' | 'organisations' | 'scale'>) {
    this.themeIds = config.themes.map((t) => t.id);
    this.criterionIds = config.criteria.map((c) => c.id);
    this.organisationIds = config.organisations.map((o) => o.id);
    this.themeIds.forEach((id, i) => this.themeIndex.set(id, i));
    this.criterionIds.forEach((id, i) => this.criterionIndex.set(id, i));
    this.organisationIds.forEach((id, i) => this.organisationIndex.set(id, i));
    this.scaleMin = config.scale.min;
    this.steps = config.scale.max - config.scale.min + 1;
    this.cellCount = this.themeIds.length * this.criterionIds.length;
    const orgCells = this.organisationIds.length * this.cellCount;
    this.histogram = new Int32Array(this.cellCount * this.steps);
    this.abstentions = new Int32Array(this.cellCount);
    this.orgSum = new Int32Array(orgCells);
    this.orgCount = new Int32Array(orgCells);
    this.orgAbstentions = new Int32Array(orgCells);
    this.orgCovered = new Int32Array(this.organisationIds.length);
    this.orgThemeCovered = new Int32Array(this.organisationIds.length * this.themeIds.length);
    this.orgThemesRated = new Int32Array(this.organisationIds.length);
  }

  /** The cell index of a theme × criterion, or -1 if either is unknown. */
  cell(themeId: string, criterionId: string): number {
    const t = this.themeIndex.get(themeId);
    const c = this.criterionIndex.get(criterionId);
    if (t === undefined || c === undefined) return -1;
    return t * this.criterionIds.length + c;
  }

  /** The theme and criterion of a cell index. */
  cellIds(cell: number): { themeId: string; criterionId: string } {
    const criteriaCount = this.criterionIds.length;
    return { themeId: this.themeIds[Math.floor(cell / criteriaCount)]!, criterionId: this.criterionIds[cell % criteriaCount]! };
  }

  hasTheme(themeId: string): boolean {
    return this.themeIndex.has(themeId);
  }

  organisation(organisationId: string): number {
    return this.organisationIndex.get(organisationId) ?? -1;
  }

  /**
   * Replace one person's answer in a cell. `undefined` means "no answer";
   * the previous value must be what this tally was last told for that person and cell.
   */
  change(org: number, cell: number, previous: AnswerValue | undefined, next: AnswerValue | undefined): void {
    if (previous === next) return;
    const slot = org * this.cellCount + cell;
    const answeredBefore = this.orgCount[slot]! + this.orgAbstentions[slot]! > 0;
    if (previous !== undefined) this.count(slot, cell, previous, -1);
    if (next !== undefined) this.count(slot, cell, next, +1);
    const answeredAfter = this.orgCount[slot]! + this.orgAbstentions[slot]! > 0;
    if (answeredBefore !== answeredAfter) this.covered(org, cell, answeredAfter ? 1 : -1);
  }

  private covered(org: number, cell: number, delta: 1 | -1): void {
    this.orgCovered[org]! += delta;
    const criteria = this.criterionIds.length;
    const slot = org * this.themeIds.length + Math.floor(cell / criteria);
    const before = this.orgThemeCovered[slot]!;
    this.orgThemeCovered[slot] = before + delta;
    if (before + delta === criteria) this.orgThemesRated[org]!++;
    else if (before === criteria) this.orgThemesRated[org]!--;
  }

  private count(slot: number, cell: number, value: AnswerValue, delta: 1 | -1): void {
    if (value === null) {
      this.abstentions[cell]! += delta;
      this.orgAbstentions[slot]! += delta;
      return;
    }
    this.histogram[cell * this.steps + (value - this.scaleMin)]! += delta;
    this.orgSum[slot]! += delta * value;
    this.orgCount[slot]! += delta;
  }
}
