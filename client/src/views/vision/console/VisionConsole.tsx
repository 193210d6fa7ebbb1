/**
 * The facilitator's console for a vision step (SPEC VI-1 … VI-9): the join
 * code and links, the phases and the voting unit, forms for principles and
 * future pictures, and every statement as a card with its versions, rounds
 * and the live consent check. A chunk of its own, loaded only for a vision.
 */
import { use } from 'react';
import type { VisionFacilitatorState } from '../../../../../shared/activities/vision/views';
import { visionReady } from '../../../i18n/vision';
import type { FacilitatorAccess } from '../../../net/facilitator';
import { CoFacilitationLink } from '../../facilitator/CoFacilitationLink';
import { ShareCard } from '../../facilitator/ShareCard';
import '../vision.css';
import { AddStatements } from './AddStatements';
import { StatementBoard } from './StatementBoard';
import { VisionControls } from './VisionControls';

export default function VisionConsole({
  state,
  workshopId,
  access,
  processId,
}: {
  state: VisionFacilitatorState;
  workshopId: string;
  access: FacilitatorAccess;
  processId: string | null;
}) {
  use(visionReady);
  const { phase } = state.workshop;
  return (
    <div className={`console vision-console phase-${phase}`}>
      <div className="console-side">
        <ShareCard code={state.workshop.code} />
        <VisionControls state={state} processId={processId} />
        {phase !== 'finalised' && <AddStatements state={state} />}
        {access.via === 'account' && <CoFacilitationLink workshopId={workshopId} />}
      </div>
      <div className="console-main">
        <StatementBoard state={state} />
      </div>
    </div>
  );
}
