/**
 * The facilitator's console for a theme collection (SPEC TC-1 … TC-9): the
 * join code and links as for a Quick-Check, the procedure with the support
 * setting and counts, a form for the facilitator's own proposals, and the board
 * where proposals arrive live and are accepted, rejected, edited and merged.
 * A chunk of its own, loaded by the console only for a collection.
 */
import type { CollectionFacilitatorState } from '../../../../../shared/activities/collection/views';
import type { FacilitatorAccess } from '../../../net/facilitator';
import { CoFacilitationLink } from '../../facilitator/CoFacilitationLink';
import { ShareCard } from '../../facilitator/ShareCard';
import { CollectionControls } from './CollectionControls';
import { FacilitatorProposalForm } from './FacilitatorProposalForm';
import { ProposalBoard } from './ProposalBoard';

export default function CollectionConsole({
  state,
  workshopId,
  access,
  processId,
}: {
  state: CollectionFacilitatorState;
  workshopId: string;
  access: FacilitatorAccess;
  processId: string | null;
}) {
  const { phase } = state.workshop;
  return (
    <div className={`console collection-console phase-${phase}`}>
      <div className="console-side">
        <ShareCard code={state.workshop.code} />
        <CollectionControls state={state} processId={processId} />
        {phase !== 'finalised' && <FacilitatorProposalForm />}
        {access.via === 'account' && <CoFacilitationLink workshopId={workshopId} />}
      </div>
      <div className="console-main">
        <ProposalBoard state={state} />
      </div>
    </div>
  );
}
