/** What the tablet shows once joined, by phase. */
import { useTranslation } from 'react-i18next';
import { isRevealed } from '../../../../shared/domain/phases';
import { useStore } from '../../store';
import { OrganisationSwitch } from './OrganisationSwitch';
import { ParticipantResults } from './ParticipantResults';
import { Scoring } from './Scoring';

export function Ballot() {
  const { t } = useTranslation();
  const state = useStore((s) => s.roleState);
  const me = useStore((s) => s.me);
  if (!state || state.role !== 'participant' || state.activity !== 'quickcheck' || !me) return <p className="card">{t('connection.connecting')}</p>;
  const { config, phase } = state.workshop;
  return (
    <>
      <div className="ballot-head">
        <h1 className="workshop-title">{config.title}</h1>
        {/* Only while there is something to rate: afterwards the results say "Ihre Organisation". */}
        {(phase === 'lobby' || phase === 'scoring') && <OrganisationSwitch config={config} organisationId={me.organisationId} canSwitch />}
      </div>
      {phase === 'lobby' && (
        <section className="card">
          <h2>{t('ballot.waitingTitle')}</h2>
          <p>{t('ballot.waiting')}</p>
        </section>
      )}
      {phase === 'scoring' && <Scoring config={config} />}
      {phase === 'closed' && (
        <section className="card">
          <h2>{t('ballot.closedTitle')}</h2>
          <p>{t('ballot.closed')}</p>
        </section>
      )}
      {isRevealed(phase) && <ParticipantResults state={state} />}
    </>
  );
}
