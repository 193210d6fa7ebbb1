/** An organisation's name by its id (the id itself if it left the roster); null for none. */
import type { Organisation } from '../../../../shared/schemas';

export function organisationName(id: string | null, organisations: readonly Organisation[]): string | null {
  if (id === null) return null;
  return organisations.find((o) => o.id === id)?.name ?? id;
}
