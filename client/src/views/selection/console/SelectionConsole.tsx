/**
 * The facilitator's console for a project selection (SPEC SE-1 … SE-10): the
 * join code and links, the phases, budget and deciding rule, the votes, the
 * ideas with their live points, both budget rules side by side with reasons
 * and overrides, the resulting selection, and the profiles (Steckbriefe).
 * A chunk of its own, loaded only for a selection.
 */
import { use } from 'react';
import type { SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import { selectionReady } from '../../../i18n/selection';
import type { FacilitatorAccess } from '../../../net/facilitator';
import { CoFacilitationLink } from '../../facilitator/CoFacilitationLink';
import { ShareCard } from '../../facilitator/ShareCard';
import '../selection.css';
import { BudgetComparison } from './BudgetComparison';
import { BudgetSettings } from './BudgetSettings';
import { IdeaTable } from './IdeaTable';
import { Profiles } from './Profiles';
import { SelectionControls } from './SelectionControls';
import { SelectionExports } from './SelectionExports';
import { VotePanel } from './VotePanel';

export default function SelectionConsole({
  state,
  workshopId,
  access,
  processId,
}: {
  state: SelectionFacilitatorState;
  workshopId: string;
  access: FacilitatorAccess;
  processId: string | null;
}) {
  use(selectionReady);
  const { phase } = state.workshop;
  return (
    <div className={`console selection-console phase-${phase}`}>
      <div className="console-side">
        <ShareCard code={state.workshop.code} />
        <SelectionControls state={state} processId={processId} />
        <VotePanel state={state} />
        <BudgetSettings state={state} />
        <SelectionExports workshopId={workshopId} secret={access.via === 'link' ? access.secret : null} />
        {access.via === 'account' && <CoFacilitationLink workshopId={workshopId} />}
      </div>
      <div className="console-main">
        <IdeaTable state={state} />
        <BudgetComparison state={state} />
        <Profiles state={state} />
      </div>
    </div>
  );
}
