/**
 * Who may facilitate what (SPEC AC-7, PR-2): a process's owner and
 * co-facilitators, and administrators (who also see the processes without an
 * owner that older workshops became). Pure over what the store returns.
 */
import type { AccountRecord } from '../store/accountStore.js';
import type { ProcessRecord, WorkshopStore } from '../store/types.js';

export type ProcessAccess = 'manage' | 'facilitate' | null;

export function accessTo(account: AccountRecord, process: ProcessRecord, facilitatorIds: readonly string[]): ProcessAccess {
  if (account.disabledAt !== null) return null;
  if (account.role === 'admin' || process.ownerId === account.id) return 'manage';
  return facilitatorIds.includes(account.id) ? 'facilitate' : null;
}

export async function processAccess(store: WorkshopStore, account: AccountRecord, processId: string): Promise<{ process: ProcessRecord; access: ProcessAccess } | undefined> {
  const process = await store.processes.processById(processId);
  if (!process) return undefined;
  return { process, access: accessTo(account, process, await store.processes.facilitatorIds(processId)) };
}

/** May this account run the workshop's console and download its exports? */
export async function mayFacilitateWorkshop(store: WorkshopStore, account: AccountRecord, workshopId: string): Promise<boolean> {
  const processId = await store.processOf(workshopId);
  if (processId === undefined) return false;
  if (processId === null) return account.role === 'admin' && account.disabledAt === null;
  const found = await processAccess(store, account, processId);
  return found?.access != null;
}
