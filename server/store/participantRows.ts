/** A participants row as a record: the same for every activity's workshop. */
import type { Selectable } from 'kysely';
import type { Database } from './migrations.js';
import type { ParticipantRecord } from './types.js';

export function toParticipant(p: Selectable<Database['participants']>): ParticipantRecord {
  return {
    id: p.id,
    workshopId: p.workshop_id,
    organisationId: p.organisation_id,
    displayName: p.display_name,
    tokenHash: p.token_hash,
    createdAt: Number(p.created_at),
  };
}
