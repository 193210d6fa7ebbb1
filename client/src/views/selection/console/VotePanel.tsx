/**
 * The votes (SPEC SE-3, SE-5): open one (points or dots, the allowance, the cap
 * per idea, counted per organisation or per person), see who has voted, close
 * it, and show (or hide) its result on the projector and the tablets.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteMode } from '../../../../../shared/activities/selection/schemas';
import type { SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import type { VotingUnit } from '../../../../../shared/schemas';
import { closeVote, openVote, revealVote } from '../../../net/selection';
import { useOperation } from '../../collection/console/useOperation';
import { FieldError } from '../../common/FieldError';
import { wholeNumberIn, type FieldMessage } from '../../common/fieldChecks';
import { useFieldProblems } from '../../common/useFieldProblems';
import { OperationStatus } from '../common/OperationStatus';
import { votersText } from '../common/words';

const DEFAULTS: Record<VoteMode, { allowance: number; max: number }> = { points: { allowance: 100, max: 100 }, dots: { allowance: 5, max: 2 } };
const MOST = 1000;

/** "Please enter a whole number from 1 to …" for the field with this label. */
function wholeNumberMessage(labelKey: string, max: number): FieldMessage {
  return (t) => t('formCheck.wholeNumber', { field: t(labelKey), min: 1, max });
}

function OpenVoteForm({ run, busy }: { run: (mode: VoteMode, allowance: number, max: number, unit: VotingUnit) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<VoteMode>('points');
  // As typed, so that a field can be emptied and retyped; read when the vote is opened.
  const [allowanceText, setAllowanceText] = useState(String(DEFAULTS.points.allowance));
  const [maxText, setMaxText] = useState(String(DEFAULTS.points.max));
  const [unit, setUnit] = useState<VotingUnit>('organisation');
  const checks = useFieldProblems();
  const allowance = wholeNumberIn(allowanceText, 1, MOST);
  const choose = (next: VoteMode) => {
    setMode(next);
    setAllowanceText(String(DEFAULTS[next].allowance));
    setMaxText(String(DEFAULTS[next].max));
    checks.report({});
  };
  return (
    <form
      className="vote-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const max = wholeNumberIn(maxText, 1, allowance ?? MOST);
        const found: Record<string, FieldMessage> = {};
        if (allowance === null) found['vote-allowance'] = wholeNumberMessage('selection.console.allowance', MOST);
        if (max === null) found['vote-max'] = wholeNumberMessage('selection.console.maxPerIdea', allowance ?? MOST);
        if (!checks.report(found) || allowance === null || max === null) return;
        run(mode, allowance, max, unit);
      }}
    >
      <fieldset>
        <legend>{t('selection.console.mode')}</legend>
        {(['points', 'dots'] as const).map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="vote-mode" checked={mode === m} onChange={() => choose(m)} />
            {t(`selection.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="vote-numbers">
        <div>
          <label>
            {t('selection.console.allowance')}
            <input
              id="vote-allowance"
              type="number"
              className="narrow"
              min={1}
              max={MOST}
              aria-required="true"
              value={allowanceText}
              {...checks.aria('vote-allowance')}
              onChange={(e) => {
                setAllowanceText(e.target.value);
                checks.clear('vote-allowance');
              }}
            />
          </label>
          <FieldError field="vote-allowance" problems={checks.problems} />
        </div>
        <div>
          <label>
            {t('selection.console.maxPerIdea')}
            <input
              id="vote-max"
              type="number"
              className="narrow"
              min={1}
              max={allowance ?? MOST}
              aria-required="true"
              value={maxText}
              {...checks.aria('vote-max')}
              onChange={(e) => {
                setMaxText(e.target.value);
                checks.clear('vote-max');
              }}
            />
          </label>
          <FieldError field="vote-max" problems={checks.problems} />
        </div>
      </div>
      <fieldset>
        <legend>{t('selection.console.unitLegend')}</legend>
        {(['organisation', 'person'] as const).map((u) => (
          <label key={u} className="inline">
            <input type="radio" name="vote-unit" checked={unit === u} onChange={() => setUnit(u)} />
            {t(`selection.unit.${u}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('selection.console.openVote')}
      </button>
    </form>
  );
}

export function VotePanel({ state }: { state: SelectionFacilitatorState }) {
  const { t } = useTranslation();
  const [command, run] = useOperation();
  const { phase } = state.workshop;
  const latest = state.votes.at(-1);
  const open = latest?.open ? latest : undefined;
  const busy = command.status === 'busy';
  return (
    <section className="panel vote-panel" aria-labelledby="vote-panel-title">
      <h2 id="vote-panel-title">{t('selection.console.voteTitle')}</h2>
      {latest && (
        <div className="vote-status">
          <p>
            {latest.open
              ? t('selection.console.voteRunning', {
                  number: latest.number,
                  mode: t(`selection.mode.${latest.mode}`),
                  allowance: latest.allowance,
                  unit: t(`selection.unit.${latest.unit}`),
                  max: latest.maxPerIdea,
                })
              : t('selection.console.voteClosed', { number: latest.number })}
          </p>
          <p className="voters" role="status">
            {votersText(t, latest)}
          </p>
        </div>
      )}
      {open && (
        <button type="button" disabled={busy} onClick={() => void run(() => closeVote(open.id))}>
          {t('selection.console.closeVote')}
        </button>
      )}
      {latest && !latest.open && (
        <div className="actions">
          <button type="button" className={latest.revealed ? undefined : 'primary'} disabled={busy} onClick={() => void run(() => revealVote(latest.id, !latest.revealed))}>
            {t(latest.revealed ? 'selection.console.hide' : 'selection.console.reveal')}
          </button>
          <p className="hint">{t(latest.revealed ? 'selection.console.revealed' : 'selection.console.notRevealed')}</p>
        </div>
      )}
      {!open && phase === 'running' && <OpenVoteForm busy={busy} run={(mode, allowance, maxPerIdea, unit) => void run(() => openVote({ mode, allowance, maxPerIdea, unit }))} />}
      {phase === 'lobby' && <p className="hint">{t('selection.console.needsRunning')}</p>}
      <OperationStatus state={command} />
    </section>
  );
}
