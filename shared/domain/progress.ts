/**
 * The "who has voted" register (SPEC ). An organisation is complete when
 * every theme × criterion has a score or an abstention from at least one of its
 * representatives, partial when some have, missing when none have.
 */
import type { Tally } from './tally.js';

export type OrganisationStatus = 'complete' | 'partial' | 'missing';

export interface OrganisationProgress {
  organisationId: string;
  participants: number;
  /** Theme × criterion cells answered (score or abstention) by anyone of the organisation. */
  answered: number;
  /** Themes answered in every criterion: the unit the tablet and the console count in. */
  themesRated: number;
  status: OrganisationStatus;
}

export interface Progress {
  /** Cells a complete ballot has: themes × criteria. */
  cells: number;
  /** Themes a complete ballot has. */
  themes: number;
  participants: number;
  organisations: OrganisationProgress[];
  complete: number;
  partial: number;
  missing: number;
}

/** What the projector may show: counts, no organisation names or ids. */
export type ProgressSummary = Omit<Progress, 'organisations'>;

export function statusOf(answered: number, cells: number): OrganisationStatus {
  if (answered === 0) return 'missing';
  return answered >= cells ? 'complete' : 'partial';
}

export function computeProgress(tally: Tally, participantsPerOrganisation: ArrayLike<number>): Progress {
  const cells = tally.cellCount;
  let participants = 0;
  const counts = { complete: 0, partial: 0, missing: 0 };
  const organisations = tally.organisationIds.map((organisationId, org): OrganisationProgress => {
    const answered = tally.orgCovered[org]!;
    const status = statusOf(answered, cells);
    counts[status]++;
    participants += participantsPerOrganisation[org] ?? 0;
    return { organisationId, participants: participantsPerOrganisation[org] ?? 0, answered, themesRated: tally.orgThemesRated[org]!, status };
  });
  const { complete, partial, missing } = counts;
  return { cells, themes: tally.themeIds.length, participants, organisations, complete, partial, missing };
}

export function summariseProgress({ cells, themes, participants, complete, partial, missing }: Progress): ProgressSummary {
  return { cells, themes, participants, complete, partial, missing };
}
