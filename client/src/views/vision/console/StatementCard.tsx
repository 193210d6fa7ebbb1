/**
 * One statement on the console (SPEC VI-3, VI-6, VI-7): its current text and
 * status, the live check with every concern and objection and who raised it,
 * what to do next (after an objection: revise, then check again), and, folded,
 * every version and every round.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorStatementView, VisionFacilitatorState } from '../../../../../shared/activities/vision/views';
import { closeConsentCheck, openConsentCheck, reviseStatement, withdrawStatement } from '../../../net/vision';
import { useOperation } from '../../collection/console/useOperation';
import { OperationStatus } from '../common/OperationStatus';
import { ReasonList, StatementKind, StatusBadge, TallyLine } from '../common/StatementBits';
import { StatementText } from '../common/StatementText';
import { RoundHistory, VersionHistory } from './History';
import { StatementForm } from './StatementForm';

export function StatementCard({
  statement,
  state,
  expected,
  organisationName,
  focus,
  onFocused,
  onDone,
}: {
  statement: FacilitatorStatementView;
  state: VisionFacilitatorState;
  /** Voting units that may answer: the organisations, or the participants present. */
  expected: number;
  organisationName: (id: string) => string;
  focus: boolean;
  onFocused: () => void;
  onDone: (message: string, focusId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [revising, setRevising] = useState(false);
  const [command, run] = useOperation();
  const card = useRef<HTMLElement>(null);
  const reviseTitle = useRef<HTMLInputElement>(null);
  const { phase } = state.workshop;
  const titleId = `statement-card-${statement.id}`;
  const round = statement.round;
  const checkingThis = state.checking === statement.id;
  const withdrawn = statement.status === 'withdrawn';
  const readOnly = phase === 'finalised';
  const byOrganisation = state.workshop.config.votingUnit === 'organisation';

  useEffect(() => {
    if (!focus) return;
    card.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  useEffect(() => {
    if (revising) reviseTitle.current?.focus();
  }, [revising]);

  const act = async (send: () => ReturnType<typeof openConsentCheck>, message: string) => {
    if (await run(send)) onDone(message, statement.id);
  };

  return (
    <article ref={card} tabIndex={-1} className={`vision-card status-${statement.status}${checkingThis ? ' checking' : ''}`} aria-labelledby={titleId}>
      <div className="statement-head">
        <div>
          <StatementKind statement={statement} workshop={state.workshop} />
          <h4 id={titleId} className="statement-title">
            {statement.title}
          </h4>
        </div>
        <div className="statement-badges">
          <StatusBadge status={statement.status} />
          <span className="version-tag">{t('vision.console.version', { version: statement.version })}</span>
        </div>
      </div>
      <StatementText text={statement.text} />

      {round?.open && (
        <div className="live-check" aria-labelledby={`${titleId}-live`}>
          <p id={`${titleId}-live`} className="live-check-title">
            {t('vision.console.liveRound', { round: round.round })} · {t(byOrganisation ? 'vision.console.answeredOrganisations' : 'vision.console.answeredPersons', { answered: round.answered, expected })}
          </p>
          <TallyLine round={round} />
          <ReasonList round={round} organisationName={organisationName} />
        </div>
      )}
      {round && !round.open && (
        <div className="round-result">
          <p className="round-result-title">
            {t(round.version === statement.version ? 'vision.result.round' : 'vision.result.roundEarlier', { round: round.round, version: round.version })}
          </p>
          <TallyLine round={round} />
          <ReasonList round={round} organisationName={organisationName} />
        </div>
      )}
      {statement.status === 'objected' && !readOnly && <p className="next-move notice-inline">{t('vision.console.objectedNext')}</p>}
      {statement.status === 'draft' && statement.rounds.length > 0 && !readOnly && <p className="next-move hint">{t('vision.console.revisedNext', { version: statement.version })}</p>}

      {!readOnly && !revising && (
        <div className="card-actions">
          {checkingThis && round && (
            <button type="button" className="small primary" disabled={command.status === 'busy'} onClick={() => void act(() => closeConsentCheck(statement.id), t('vision.console.done.closed', { title: statement.title }))}>
              {t('vision.console.closeCheck')}
            </button>
          )}
          {phase === 'running' && !state.checking && !withdrawn && (
            <button
              type="button"
              className={`small${statement.status === 'draft' ? ' primary' : ''}`}
              disabled={command.status === 'busy'}
              onClick={() => void act(() => openConsentCheck(statement.id), t('vision.console.done.opened', { title: statement.title }))}
            >
              {t('vision.console.openCheck')}
            </button>
          )}
          {!checkingThis && !withdrawn && (
            <button type="button" className={`small${statement.status === 'objected' ? ' primary' : ''}`} onClick={() => setRevising(true)}>
              {t('vision.console.revise')}
            </button>
          )}
          {!checkingThis && (
            <button
              type="button"
              className="small"
              disabled={command.status === 'busy'}
              onClick={() => void act(() => withdrawStatement(statement.id, !withdrawn), t(withdrawn ? 'vision.console.done.restored' : 'vision.console.done.withdrawn', { title: statement.title }))}
            >
              {t(withdrawn ? 'vision.console.restore' : 'vision.console.withdraw')}
            </button>
          )}
        </div>
      )}
      {!readOnly && phase === 'lobby' && !withdrawn && !revising && <p className="hint">{t('vision.console.checkAfterStart')}</p>}
      {revising && (
        <StatementForm
          id={`revise-${statement.id}`}
          initial={{ title: statement.title, text: statement.text }}
          submitLabel={t('vision.console.saveVersion')}
          label={t('vision.console.reviseLegend', { title: statement.title })}
          titleRef={reviseTitle}
          onSubmit={(s) => reviseStatement(statement.id, s.title, s.text)}
          onDone={() => {
            setRevising(false);
            onDone(t('vision.console.done.revised', { title: statement.title }), statement.id);
          }}
          onCancel={() => {
            setRevising(false);
            card.current?.focus();
          }}
        />
      )}
      <OperationStatus state={command} />
      <VersionHistory statement={statement} />
      <RoundHistory statement={statement} organisationName={organisationName} />
    </article>
  );
}
