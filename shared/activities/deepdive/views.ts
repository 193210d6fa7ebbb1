/**
 * What each screen of a deep-dive sees (SPEC DD-5): the theme collection's
 * views (TC-6, TC-10) of its ideas, with the deep-dive's configuration.
 */
import type { ActivityView } from '../log.js';
import type { CollectionFacilitatorState, CollectionParticipantState, CollectionProjectorState } from '../collection/views.js';
import type { DeepDiveConfig } from './schemas.js';
import type { CollectionPhase } from '../collection/schemas.js';

export type DeepDiveView = ActivityView<DeepDiveConfig, CollectionPhase>;

type AsDeepDive<S> = Omit<S, 'activity' | 'workshop'> & { activity: 'deepdive'; workshop: DeepDiveView };

export type DeepDiveFacilitatorState = AsDeepDive<CollectionFacilitatorState>;
export type DeepDiveProjectorState = AsDeepDive<CollectionProjectorState>;
export type DeepDiveParticipantState = AsDeepDive<CollectionParticipantState>;
export type DeepDiveRoleState = DeepDiveFacilitatorState | DeepDiveProjectorState | DeepDiveParticipantState;
