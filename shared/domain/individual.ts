/**
 * Individual results (Einzelergebnisse, SPEC E-1 … E-4): each organisation's
 * own values beside the group's, with the organisation named only where the
 * workshop's name setting allows it; elsewhere it is "Organisation A, B, …" in
 * an order that cannot be guessed from the list of organisations.
 */
import type { NameVisibility, WorkshopConfig } from '../schemas.js';
import { computeOrganisationResults } from './results.js';
import type { Tally } from './tally.js';

/** Who looks: the facilitator's console, the projector, or an exported file. */
export type Audience = 'facilitator' | 'projector' | 'export';

/**
 * E-2: by default ('facilitator') only the facilitator sees names; 'public'
 * allows them on the projector and in exports; 'anonymous' hides them everywhere.
 */
export function namesVisible(visibility: NameVisibility, audience: Audience): boolean {
  if (visibility === 'anonymous') return false;
  return visibility === 'public' || audience === 'facilitator';
}

/** A, B, … Z, AA, AB, … */
export function pseudonymLetters(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

export interface IndividualResult {
  /** The organisation id where names are visible, otherwise "org-a", "org-b", … */
  key: string;
  /** null where names are hidden. */
  name: string | null;
  /** "A", "B", … — stable within a workshop once scoring has closed. */
  pseudonym: string;
  /**
   * Per theme and criterion the organisation's mean; where names are hidden the
   * counts are null, since "3 persons" can tell who an organisation is (E-3).
   */
  themes: { themeId: string; criteria: { criterionId: string; mean: number | null; nPersons: number | null; abstentions: number | null }[] }[];
}

/**
 * The organisations that answered anything, each with its own values (SPEC A-2).
 * @param pseudonymOrder every organisation id, in the workshop's secret pseudonym order (E-3).
 */
export function computeIndividualResults(
  tally: Tally,
  config: WorkshopConfig,
  pseudonymOrder: readonly string[],
  showNames: boolean,
): IndividualResult[] {
  const answered = (id: string) => {
    const org = tally.organisation(id);
    return org >= 0 && tally.orgCovered[org]! > 0;
  };
  const letters = new Map(pseudonymOrder.filter(answered).map((id, i) => [id, pseudonymLetters(i)] as const));
  const order = showNames ? config.organisations.map((o) => o.id).filter(answered) : [...letters.keys()];
  return order.flatMap((id): IndividualResult[] => {
    const own = computeOrganisationResults(tally, config, id);
    const pseudonym = letters.get(id);
    if (!own || pseudonym === undefined) return [];
    const name = config.organisations.find((o) => o.id === id)?.name ?? id;
    return [
      {
        key: showNames ? id : `org-${pseudonym.toLowerCase()}`,
        name: showNames ? name : null,
        pseudonym,
        themes: showNames
          ? own.themes
          : own.themes.map((t) => ({ ...t, criteria: t.criteria.map((c) => ({ ...c, nPersons: null, abstentions: null })) })),
      },
    ];
  });
}
