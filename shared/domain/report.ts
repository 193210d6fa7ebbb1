/**
 * The content of every export (SPEC X-1 … X-3), language-neutral: the CSV,
 * XLSX and PDF writers format the same numbers and tiers, so that each file
 * agrees with the screens and with the others.
 */
import type { NameVisibility, Scale, TierRule, VotingUnit, WorkshopConfig } from '../schemas.js';
import type { Consolidation } from './consolidation.js';
import type { IndividualResult } from './individual.js';
import type { Phase } from './phases.js';
import type { Progress } from './progress.js';
import type { Results } from './results.js';
import type { CriterionStats } from './statistics.js';
import { criterionWeights, type Tier } from './tiering.js';

export interface ReportTheme {
  themeId: string;
  name: string;
  /** Per criterion, in the workshop's criteria order. */
  criteria: CriterionStats[];
  score: number | null;
  computed: Tier | null;
  /** The decided tier (the computed one when nobody moved the theme). */
  decided: Tier | null;
  moved: boolean;
  reason: string | null;
  discuss: boolean;
  insufficientData: boolean;
}

export interface ReportIndividual {
  /** The organisation's name, or null where names are hidden: then "Organisation <pseudonym>". */
  name: string | null;
  pseudonym: string;
  /** Per theme (workshop order) and criterion (criteria order): own mean and the group's mean. */
  themes: {
    themeId: string;
    name: string;
    /** Counts are null where names are hidden (E-3). */
    criteria: { criterionId: string; own: number | null; group: number | null; nPersons: number | null; abstentions: number | null }[];
  }[];
}

export interface ReportDecision {
  seq: number;
  at: number;
  themeId: string;
  themeName: string;
  from: Tier | null;
  to: Tier;
  computed: Tier | null;
  reason: string;
}

export interface Report {
  title: string;
  date: string | null;
  phase: Phase;
  finalisedAt: number | null;
  generatedAt: number;
  scale: Scale;
  votingUnit: VotingUnit;
  criteria: { id: string; label: string; weight: number }[];
  rule: TierRule;
  organisationNames: NameVisibility;
  organisations: {
    /** Organisations that answered at least one question; null where names may not appear. */
    names: string[] | null;
    takingPart: number;
    invited: number;
  };
  /** In the consolidated order: Priority I, II, III, then themes without a tier. */
  themes: ReportTheme[];
  tiers: Record<Tier | 'none', string[]>;
  individual: ReportIndividual[];
  trail: ReportDecision[];
}

export interface ReportInput {
  config: WorkshopConfig;
  phase: Phase;
  finalisedAt: number | null;
  generatedAt: number;
  results: Results;
  consolidation: Consolidation;
  progress: Progress;
  /** Already labelled for exports (names only where the workshop allows them). */
  individual: IndividualResult[];
  showNames: boolean;
}

export function buildReport(input: ReportInput): Report {
  const { config, results, consolidation } = input;
  const themeName = new Map(config.themes.map((t) => [t.id, t.name] as const));
  const resultOf = new Map(results.themes.map((r) => [r.themeId, r] as const));
  const weights = criterionWeights(config.tierRule, config.criteria.map((c) => c.id));
  const themes = consolidation.themes.map((c): ReportTheme => {
    const r = resultOf.get(c.themeId)!;
    return {
      themeId: c.themeId,
      name: themeName.get(c.themeId) ?? c.themeId,
      criteria: r.criteria,
      score: r.score,
      computed: c.computed,
      decided: c.tier,
      moved: c.moved,
      reason: c.reason,
      discuss: r.discuss,
      insufficientData: r.insufficientData,
    };
  });
  const tiers: Record<Tier | 'none', string[]> = { I: [], II: [], III: [], none: [] };
  for (const t of themes) tiers[t.decided ?? 'none'].push(t.name);
  const answered = new Set(input.progress.organisations.filter((o) => o.answered > 0).map((o) => o.organisationId));
  const individual = input.individual.map(
    (org): ReportIndividual => ({
      name: org.name,
      pseudonym: org.pseudonym,
      themes: org.themes.map((own) => {
        const group = resultOf.get(own.themeId)?.criteria ?? [];
        return {
          themeId: own.themeId,
          name: themeName.get(own.themeId) ?? own.themeId,
          criteria: own.criteria.map((c, i) => ({
            criterionId: c.criterionId,
            own: c.mean,
            group: group[i]?.mean ?? null,
            nPersons: c.nPersons,
            abstentions: c.abstentions,
          })),
        };
      }),
    }),
  );
  return {
    title: config.title,
    date: config.date,
    phase: input.phase,
    finalisedAt: input.finalisedAt,
    generatedAt: input.generatedAt,
    scale: config.scale,
    votingUnit: config.votingUnit,
    criteria: config.criteria.map((c, i) => ({ id: c.id, label: c.label, weight: weights[i]! })),
    rule: config.tierRule,
    organisationNames: config.organisationNames,
    organisations: {
      names: input.showNames ? config.organisations.filter((o) => answered.has(o.id)).map((o) => o.name) : null,
      takingPart: answered.size,
      invited: config.organisations.length,
    },
    themes,
    tiers,
    individual,
    trail: consolidation.trail.map((d) => ({
      seq: d.seq,
      at: d.at,
      themeId: d.themeId,
      themeName: themeName.get(d.themeId) ?? d.themeId,
      from: d.from,
      to: d.to,
      computed: d.computed,
      reason: d.reason,
    })),
  };
}
