/**
 * A vision step on the projector (SPEC VI-8; 1920×1080 and 1280×720, no
 * scrolling, read from the back of the room): the invitation in the lobby;
 * while a check is open the statement under check, large, and how many have
 * answered; after it closes its tally, the reasons without names and the
 * status; otherwise every statement with its status.
 * A chunk of its own, loaded by the projector only for a vision.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementView, VisionProjectorState } from '../../../../../shared/activities/vision/views';
import { visionReady } from '../../../i18n/vision';
import { ConnectionStatus } from '../../common/ConnectionStatus';
import { JoinInvitation } from '../../projector/JoinInvitation';
import { displayCode } from '../../tablet/code';
import '../vision.css';
import { CheckView, ResultView } from './CheckViews';
import { Overview } from './Overview';

/** The statement whose round closed last, while nothing has changed since (no revision, no new round). */
function lastResult(statements: StatementView[]): StatementView | undefined {
  let latest: StatementView | undefined;
  for (const s of statements) {
    const round = s.round;
    if (!round || round.open || round.closedAt === null || round.version !== s.version || s.status === 'draft') continue;
    if (!latest || round.closedAt > latest.round!.closedAt!) latest = s;
  }
  return latest;
}

export default function VisionProjector({ state }: { state: VisionProjectorState }) {
  use(visionReady);
  const { t } = useTranslation();
  const { workshop, statements } = state;
  const { config, phase } = workshop;
  const checking = state.checking ? statements.find((s) => s.id === state.checking) : undefined;
  const result = phase === 'running' && !checking ? lastResult(statements) : undefined;
  const expected = config.votingUnit === 'organisation' ? config.organisations.length : state.participants;

  let stage;
  if (phase === 'lobby') {
    stage = (
      <div className="collection-lobby vision-lobby">
        <p className="collection-lead">{t('vision.projector.lead')}</p>
        <JoinInvitation code={workshop.code} large />
        <p className="big-count">{t('projector.joined', { count: state.participants })}</p>
      </div>
    );
  } else if (checking?.round) {
    stage = <CheckView statement={checking} round={checking.round} workshop={workshop} expected={expected} />;
  } else if (result?.round) {
    stage = <ResultView statement={result} round={result.round} workshop={workshop} />;
  } else {
    stage = <Overview statements={statements} workshop={workshop} />;
  }

  return (
    <div className="app projector vision-projector">
      <ConnectionStatus />
      <main id="main" className={`projector-main vision-screen phase-${phase}`}>
        <header className="projector-head">
          <h1>{config.title}</h1>
          <p className="phase-label">{t(`vision.phase.${phase}`)}</p>
        </header>
        {stage}
        {phase !== 'lobby' && (
          <p className="vision-join-line">
            {t('vision.projector.joinLine', { host: `${location.host}/join` })} <strong>{displayCode(workshop.code)}</strong>
          </p>
        )}
      </main>
    </div>
  );
}
