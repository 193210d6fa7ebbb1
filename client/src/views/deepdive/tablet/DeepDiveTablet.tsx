/**
 * A participant's screen in a deep-dive (SPEC DD-3 … DD-5), on a tablet in the
 * room or a phone or laptop at home through the same link: the theme, the form
 * to submit project ideas with their details, the own ideas with what became
 * of them, the ideas to support (when allowed) and the accepted ideas. The
 * theme collection's components, inside an IdeaContext.
 */
import { use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { deepDiveReady } from '../../../i18n/deepdive';
import { useStore } from '../../../store';
import { IdeaContext, type IdeaSetting } from '../../collection/ideas';
import { AcceptedThemes } from '../../collection/tablet/AcceptedThemes';
import { OwnProposals } from '../../collection/tablet/OwnProposals';
import { ProposalForm } from '../../collection/tablet/ProposalForm';
import { SupportBoard } from '../../collection/tablet/SupportBoard';
import '../../collection/tablet/collectionTablet.css';
import { DeepDiveThemeFacts } from '../DeepDiveTheme';
import '../deepdive.css';

export default function DeepDiveTablet() {
  use(deepDiveReady);
  const { t } = useTranslation();
  const state = useStore((s) => s.roleState);
  const me = useStore((s) => s.me);
  const deepDive = state?.role === 'participant' && state.activity === 'deepdive' ? state : null;
  const organisations = deepDive?.workshop.config.organisations;
  // The lead is preselected as the proposer's own organisation: ideas usually come from whoever leads them.
  const ideas = useMemo<IdeaSetting | null>(() => (organisations && me ? { organisations, defaultLead: organisations.some((o) => o.id === me.organisationId) ? me.organisationId : null } : null), [organisations, me]);
  if (!deepDive || !me || !ideas) return <p className="card">{t('connection.connecting')}</p>;
  const { config, phase } = deepDive.workshop;
  const organisation = config.organisations.find((o) => o.id === me.organisationId)?.name ?? '';
  const heading = t('deepdive.heading', { theme: config.theme.name });
  const notice = phase === 'collecting' ? null : (
    <section className="card" aria-labelledby="collection-phase-title">
      <h2 id="collection-phase-title">{t(`deepdive.${phase}Title`)}</h2>
      <p>{t(`deepdive.${phase}`)}</p>
    </section>
  );
  return (
    <IdeaContext.Provider value={ideas}>
      <div className={`collection-tablet deepdive-tablet phase-${phase}`}>
        <div className="ballot-head deepdive-head">
          <h1 className="workshop-title">{heading}</h1>
          <DeepDiveThemeFacts theme={config.theme} showReason={false} />
          {config.title !== heading && <p className="deepdive-title">{config.title}</p>}
          {phase !== 'finalised' && <p className="who">{t('collection.youAre', { organisation })}</p>}
          {phase === 'collecting' && <p className="deepdive-lead">{t('deepdive.lead')}</p>}
        </div>
        {phase === 'collecting' ? (
          <div className="collection-columns">
            <div className="collection-column">
              <ProposalForm />
            </div>
            {/* The form with its details is long: the own ideas stay in view beside it. */}
            <div className="collection-column">
              <OwnProposals state={deepDive} />
              {deepDive.board && <SupportBoard state={deepDive} board={deepDive.board} />}
              <AcceptedThemes accepted={deepDive.accepted} />
            </div>
          </div>
        ) : (
          <>
            {notice}
            {phase !== 'lobby' && <AcceptedThemes accepted={deepDive.accepted} />}
            <OwnProposals state={deepDive} />
          </>
        )}
      </div>
    </IdeaContext.Provider>
  );
}
