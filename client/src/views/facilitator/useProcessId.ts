/**
 * The process this workshop is a step of (PR-1), for a signed-in facilitator.
 * The console's state does not name it; the account's list of processes does,
 * and it holds only processes the account may open. A co-facilitation link
 * opens one workshop, not its process: no look-up then.
 */
import { useEffect, useState } from 'react';
import { processes } from '../../net/office';

export function useProcessId(workshopId: string, signedIn: boolean): string | null {
  const [found, setFound] = useState<{ workshopId: string; processId: string } | null>(null);
  useEffect(() => {
    if (!signedIn) return;
    let current = true;
    void processes.list().then((reply) => {
      if (!current || !reply.ok) return;
      const process = reply.data.find((p) => p.steps.some((step) => step.workshopId === workshopId));
      if (process) setFound({ workshopId, processId: process.id });
    });
    return () => {
      current = false;
    };
  }, [workshopId, signedIn]);
  return signedIn && found?.workshopId === workshopId ? found.processId : null;
}
