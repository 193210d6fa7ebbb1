/**
 * The deep-dive gate (SPEC DD-1, DD-2), pure: from a consolidated Quick-Check's
 * decided tiers, a deep-dive is offered for each theme in the tiers the
 * process opens (default Priority I and II); a theme outside them only with a
 * recorded reason.
 */
import type { Tier } from '../../domain/tiering.js';
import type { DecidedTiers, StepView } from '../../process.js';

export interface DeepDiveOffer {
  themeId: string;
  name: string;
  tier: Tier | null;
  /** Within the gate: offered without a reason. */
  offered: boolean;
  /** The deep-dive steps of the process for this theme (from any round). */
  workshopIds: string[];
}

export interface DeepDiveOffers {
  /** The Quick-Check whose tiers decide. */
  source: { workshopId: string; title: string; finalisedAt: number };
  tiers: Tier[];
  themes: DeepDiveOffer[];
}

/** DD-1: which themes of the decided tiers get a deep-dive, in the order of the tiers (I, II, III, none) and then the Quick-Check's. */
export function deepDiveOffers(decided: DecidedTiers, tiers: readonly Tier[], steps: readonly StepView[]): DeepDiveOffers {
  const rank = (tier: Tier | null) => (tier === null ? 3 : ['I', 'II', 'III'].indexOf(tier));
  const themes = decided.themes
    .map((t, index) => ({ t, index }))
    .sort((a, b) => rank(a.t.tier) - rank(b.t.tier) || a.index - b.index)
    .map(({ t }) => ({
      themeId: t.themeId,
      name: t.name,
      tier: t.tier,
      offered: t.tier !== null && tiers.includes(t.tier),
      workshopIds: steps.filter((s) => s.kind === 'deepdive' && s.theme?.themeId === t.themeId).map((s) => s.workshopId),
    }));
  return { source: { workshopId: decided.workshopId, title: decided.title, finalisedAt: decided.finalisedAt }, tiers: [...tiers], themes };
}

/** DD-2: a deep-dive outside the gate needs a reason; null when it may be opened as asked. */
export function gateRefusal(offer: DeepDiveOffer, reason: string | undefined): 'OUTSIDE_GATE' | null {
  return offer.offered || (reason !== undefined && reason.trim() !== '') ? null : 'OUTSIDE_GATE';
}
