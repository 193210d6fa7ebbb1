/** AC-8: a workshop's co-facilitation link, whatever activity it runs: a new secret (the old one ends), or none. */
import { hashSecret, newSecret } from '../security/tokens.js';
import type { WorkshopStore } from '../store/types.js';

/** Stores the new secret's hash ('' for none) and returns the secret, shown once. */
export async function storeLinkSecret(store: WorkshopStore, workshopId: string, enabled: boolean): Promise<{ secret: string | null; secretHash: string }> {
  const secret = enabled ? newSecret() : null;
  const secretHash = secret ? hashSecret(secret) : '';
  await store.setWorkshopSecret(workshopId, secretHash);
  return { secret, secretHash };
}
