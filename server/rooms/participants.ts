/**
 * Participants of a workshop, as every activity keeps them (SPEC J-1, J-2,
 * V-5): a random id, an organisation, an optional display name and a resume
 * token whose hash finds them again.
 */
import { hashSecret, newId, newSecret } from '../security/tokens.js';
import type { ParticipantRecord } from '../store/types.js';

/** J-1: a new participant of an organisation; the token is returned once, only its hash is kept. */
export function newParticipant(workshopId: string, organisationId: string, displayName: string | null, now: number): { record: ParticipantRecord; resumeToken: string } {
  const resumeToken = newSecret();
  const record: ParticipantRecord = { id: newId(), workshopId, organisationId, displayName, tokenHash: hashSecret(resumeToken), createdAt: now };
  return { record, resumeToken };
}

export class ParticipantBook {
  private readonly byId = new Map<string, ParticipantRecord>();
  private readonly byToken = new Map<string, ParticipantRecord>();

  constructor(records: readonly ParticipantRecord[] = []) {
    for (const record of records) this.add(record);
  }

  get size(): number {
    return this.byId.size;
  }

  add(record: ParticipantRecord): void {
    this.byId.set(record.id, record);
    this.byToken.set(record.tokenHash, record);
  }

  get(id: string): ParticipantRecord | undefined {
    return this.byId.get(id);
  }

  /** J-2: the participant a resume token belongs to. */
  resume(token: string): ParticipantRecord | undefined {
    return this.byToken.get(hashSecret(token));
  }

  usesOrganisation(organisationId: string): boolean {
    for (const p of this.byId.values()) if (p.organisationId === organisationId) return true;
    return false;
  }

  /** V-5: names gone, tokens unusable. */
  forget(ids: readonly string[]): void {
    for (const id of ids) {
      const p = this.byId.get(id);
      if (!p) continue;
      this.byToken.delete(p.tokenHash);
      const forgotten = { ...p, displayName: null, tokenHash: '' };
      this.byId.set(id, forgotten);
    }
  }
}
