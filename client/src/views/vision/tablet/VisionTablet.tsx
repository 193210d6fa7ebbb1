/**
 * A participant's tablet in a vision step (SPEC VI-5, VI-8): the principles
 * and future pictures with their current text and status; while a consent
 * check is open, the statement under check on top with the three answers;
 * after a round, its tally and reasons without names. Used in the room and
 * from home. A chunk of its own: Quick-Check tablets never download it.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementView, VisionParticipantState } from '../../../../../shared/activities/vision/views';
import { visionReady } from '../../../i18n/vision';
import { useStore } from '../../../store';
import '../vision.css';
import { ConsentForm } from './ConsentForm';
import { StatementItem } from './StatementItem';

function Group({ id, title, statements, state }: { id: string; title: string; statements: StatementView[]; state: VisionParticipantState }) {
  if (statements.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="statement-list">
        {statements.map((statement) => (
          <li key={statement.id}>
            <StatementItem statement={statement} workshop={state.workshop} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function VisionTablet() {
  use(visionReady);
  const { t } = useTranslation();
  const state = useStore((s) => s.roleState);
  const me = useStore((s) => s.me);
  if (state?.role !== 'participant' || state.activity !== 'vision' || !me) return <p className="card">{t('connection.connecting')}</p>;
  const { config, phase } = state.workshop;
  const organisation = config.organisations.find((o) => o.id === me.organisationId)?.name ?? '';
  const checking = state.checking ? state.statements.find((s) => s.id === state.checking) : undefined;
  const others = state.statements.filter((s) => s.id !== checking?.id);
  return (
    <div className={`vision-tablet phase-${phase}`}>
      <div className="ballot-head">
        <h1 className="workshop-title">{config.title}</h1>
        <p className="who">{t(config.votingUnit === 'organisation' ? 'vision.tablet.youAre' : 'vision.tablet.youArePerson', { organisation })}</p>
      </div>
      {checking?.round ? (
        <ConsentForm key={`${checking.id}:${checking.round?.round ?? 0}`} statement={checking} state={state} organisation={organisation} />
      ) : (
        <section className="card vision-notice" aria-labelledby="vision-notice-title">
          <h2 id="vision-notice-title">{t(`vision.tablet.${phase}Title`)}</h2>
          <p>{t(`vision.tablet.${phase}`)}</p>
        </section>
      )}
      {state.statements.length === 0 && phase !== 'finalised' && <p className="card hint">{t('vision.tablet.empty')}</p>}
      <Group id="principles-title" title={t('vision.principles')} statements={others.filter((s) => s.kind === 'principle')} state={state} />
      <Group id="pictures-title" title={t('vision.pictures')} statements={others.filter((s) => s.kind === 'picture')} state={state} />
    </div>
  );
}
