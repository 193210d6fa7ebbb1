/**
 * A deep-dive is a theme collection whose proposals are project ideas (SPEC
 * DD-3, DD-4): its screens reuse the collection's components inside an
 * IdeaContext. There the forms take the idea's details, the cards show them,
 * and the words are the deep-dive's (`deepdive.<key>`, falling back to
 * `collection.<key>`). Outside it everything is the theme collection's.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionFacilitatorState, CollectionParticipantState } from '../../../../shared/activities/collection/views';
import type { DeepDiveFacilitatorState, DeepDiveParticipantState } from '../../../../shared/activities/deepdive/views';
import type { Organisation } from '../../../../shared/schemas';

export interface IdeaSetting {
  /** The deep-dive's organisations: the lead is one of them. */
  organisations: readonly Organisation[];
  /** Preselected lead of a new idea: the proposer's own organisation; none for the facilitator. */
  defaultLead: string | null;
}

export const IdeaContext = createContext<IdeaSetting | null>(null);

export function useIdeas(): IdeaSetting | null {
  return useContext(IdeaContext);
}

/** `collection.<key>` — inside a deep-dive `deepdive.<key>` where it has its own words. */
export function useTerms(): (key: string, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  const ideas = useIdeas() !== null;
  return (key, options) => (ideas ? t([`deepdive.${key}`, `collection.${key}`], options) : t(`collection.${key}`, options));
}

/** The states whose proposals the collection's components show: a theme collection's, or a deep-dive's ideas. */
export type ParticipantProposalState = CollectionParticipantState | DeepDiveParticipantState;
export type FacilitatorProposalState = CollectionFacilitatorState | DeepDiveFacilitatorState;
