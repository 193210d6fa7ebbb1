/**
 * A deep-dive's authoritative state (SPEC DD-1 … DD-8): a theme collection of
 * project ideas for one prioritised theme. Same operations, log and rules as
 * the collection (TC-2 … TC-8); ideas carry details whose lead organisation
 * comes from the roster (DD-3).
 */
import { COLLECTION_RULES, COLLECTION_TRANSITIONS, type CollectionContext } from '../../../shared/activities/collection/rules.js';
import { deepDiveConfigSchema, type DeepDiveConfig } from '../../../shared/activities/deepdive/schemas.js';
import type { ActivitySnapshot } from '../../store/types.js';
import { CollectionRoom } from '../collection/room.js';
import type { LoggedRoomDeps } from '../loggedRoom.js';

export class DeepDiveRoom extends CollectionRoom<DeepDiveConfig> {
  constructor(snapshot: ActivitySnapshot, deps: LoggedRoomDeps) {
    super(snapshot, deps, { kind: 'deepdive', configSchema: deepDiveConfigSchema, rules: COLLECTION_RULES, transitions: COLLECTION_TRANSITIONS, finalPhase: 'finalised' });
  }

  protected override context(): CollectionContext {
    return { ...super.context(), ideas: { organisationIds: this.organisations.map((o) => o.id) } };
  }
}
