/**
 * The facilitator's console for a deep-dive (SPEC DD-1 … DD-4): the theme with
 * its tier (and, opened outside the gate, the recorded reason) above the theme
 * collection's console — join code, procedure, own ideas, the board where ideas
 * arrive live and are accepted, rejected, edited (with their details) and
 * merged. A chunk of its own, loaded by the console only for a deep-dive.
 */
import { use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepDiveFacilitatorState } from '../../../../../shared/activities/deepdive/views';
import { deepDiveReady } from '../../../i18n/deepdive';
import type { FacilitatorAccess } from '../../../net/facilitator';
import { CollectionControls } from '../../collection/console/CollectionControls';
import { FacilitatorProposalForm } from '../../collection/console/FacilitatorProposalForm';
import { ProposalBoard } from '../../collection/console/ProposalBoard';
import { IdeaContext, type IdeaSetting } from '../../collection/ideas';
import { CoFacilitationLink } from '../../facilitator/CoFacilitationLink';
import { ShareCard } from '../../facilitator/ShareCard';
import { DeepDiveThemeFacts } from '../DeepDiveTheme';
import '../deepdive.css';

export default function DeepDiveConsole({
  state,
  workshopId,
  access,
  processId,
}: {
  state: DeepDiveFacilitatorState;
  workshopId: string;
  access: FacilitatorAccess;
  processId: string | null;
}) {
  use(deepDiveReady);
  const { t } = useTranslation();
  const { phase, config } = state.workshop;
  // The facilitator has no organisation of their own: an idea from the flip chart starts without a lead.
  const ideas = useMemo<IdeaSetting>(() => ({ organisations: config.organisations, defaultLead: null }), [config.organisations]);
  return (
    <IdeaContext.Provider value={ideas}>
      <div className={`console collection-console deepdive-console phase-${phase}`}>
        <div className="console-side">
          <ShareCard code={state.workshop.code} />
          <CollectionControls state={state} processId={processId} />
          {phase !== 'finalised' && <FacilitatorProposalForm />}
          {access.via === 'account' && <CoFacilitationLink workshopId={workshopId} />}
        </div>
        <div className="console-main">
          <section className="panel deepdive-header" aria-labelledby="deepdive-theme-title">
            <p className="deepdive-kicker">{t('deepdive.console.themeTitle')}</p>
            <h2 id="deepdive-theme-title">{t('deepdive.heading', { theme: config.theme.name })}</h2>
            <DeepDiveThemeFacts theme={config.theme} showReason />
          </section>
          <ProposalBoard state={state} />
        </div>
      </div>
    </IdeaContext.Provider>
  );
}
