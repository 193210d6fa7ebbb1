/** A console command's refusal in words (an alert), or that it is being saved; each activity says both in its own words. */
import type { OperationState } from '../collection/console/useOperation';
import type { Refusal } from '../../store/collectionSlice';

export function OperationStatus({ state, describe, busy }: { state: OperationState; describe: (refusal: Refusal) => string; busy: string }) {
  if (state.status === 'refused') {
    return (
      <p role="alert" className="error">
        {describe(state.refusal)}
      </p>
    );
  }
  return state.status === 'busy' ? <p className="hint">{busy}</p> : null;
}
