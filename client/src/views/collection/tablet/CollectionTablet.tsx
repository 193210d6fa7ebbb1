/**
 * A participant's tablet in a theme collection (SPEC TC-2, TC-10): by phase, a
 * welcome, the form to propose theme fields, the own proposals with what became
 * of them, the proposals to support (when allowed) and the accepted themes.
 * Loaded as a chunk of its own: Quick-Check tablets never download it.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../../store';
import { AcceptedThemes } from './AcceptedThemes';
import { OwnProposals } from './OwnProposals';
import { ProposalForm } from './ProposalForm';
import { SupportBoard } from './SupportBoard';
import './collectionTablet.css';

export default function CollectionTablet() {
  const { t } = useTranslation();
  const state = useStore((s) => s.roleState);
  const me = useStore((s) => s.me);
  if (state?.role !== 'participant' || state.activity !== 'collection' || !me) return <p className="card">{t('connection.connecting')}</p>;
  const { config, phase } = state.workshop;
  const organisation = config.organisations.find((o) => o.id === me.organisationId)?.name ?? '';
  const notice = phase === 'collecting' ? null : (
    <section className="card" aria-labelledby="collection-phase-title">
      <h2 id="collection-phase-title">{t(`collection.${phase}Title`)}</h2>
      <p>{t(`collection.${phase}`)}</p>
    </section>
  );
  return (
    <div className={`collection-tablet phase-${phase}`}>
      <div className="ballot-head">
        <h1 className="workshop-title">{config.title}</h1>
        {/* Finalised, nobody takes part any more: the line would read as if the tablet still could. */}
        {phase !== 'finalised' && <p className="who">{t('collection.youAre', { organisation })}</p>}
      </div>
      {phase === 'collecting' ? (
        <div className="collection-columns">
          <div className="collection-column">
            <ProposalForm />
            <OwnProposals state={state} />
          </div>
          <div className="collection-column">
            {state.board && <SupportBoard state={state} board={state.board} />}
            <AcceptedThemes accepted={state.accepted} />
          </div>
        </div>
      ) : (
        <>
          {notice}
          {phase !== 'lobby' && <AcceptedThemes accepted={state.accepted} />}
          <OwnProposals state={state} />
        </>
      )}
    </div>
  );
}
