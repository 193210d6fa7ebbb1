/**
 * The facilitator's consolidation (SPEC C-1 … C-4): themes move between tiers
 * by drag and drop or by buttons (keyboard, touch, screen readers); every move
 * asks for a reason in a dialog; the decision log lists every move.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consolidation } from '../../../../shared/domain/consolidation';
import { acceptsDecisions, type Phase } from '../../../../shared/domain/phases';
import { TIERS, type Tier } from '../../../../shared/domain/tiering';
import { LIMITS, type WorkshopConfig } from '../../../../shared/schemas';
import { formatDateTime } from '../../i18n';
import { moveTheme } from '../../net/facilitator';
import { FieldError } from '../common/FieldError';
import { message } from '../common/fieldChecks';
import { TierColumns } from '../common/TierColumns';
import { ThemeName } from '../common/ThemeName';
import { useFieldProblems } from '../common/useFieldProblems';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

interface PendingMove {
  themeId: string;
  name: string;
  from: Tier | null;
  to: Tier;
}

function ReasonDialog({ move, onClose, onMoved }: { move: PendingMove; onClose: () => void; onMoved: (move: PendingMove) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [command, run] = useCommand();
  const checks = useFieldProblems();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const tierName = (tier: Tier | null) => (tier ? t(`tier.${tier}`) : t('tier.none'));
  return (
    <dialog ref={dialog} className="reason-dialog" aria-labelledby="reason-title" onClose={onClose}>
      <form
        method="dialog"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (command.status === 'busy') return;
          if (!checks.report(reason.trim() ? {} : { reason: message('formCheck.enterReason') })) return;
          if (await run(() => moveTheme(move.themeId, move.to, reason.trim()))) {
            onMoved(move);
            dialog.current?.close();
          }
        }}
      >
        <h2 id="reason-title">{t('consolidation.reasonTitle', { theme: move.name, from: tierName(move.from), to: tierName(move.to) })}</h2>
        <label htmlFor="reason">{t('consolidation.reason')}</label>
        <textarea
          id="reason"
          aria-required="true"
          autoFocus
          rows={3}
          maxLength={LIMITS.reasonLength}
          value={reason}
          {...checks.aria('reason', 'reason-hint')}
          onChange={(event) => {
            setReason(event.target.value);
            checks.clear('reason');
          }}
        />
        <p id="reason-hint" className="hint">
          {t('consolidation.reasonHint')}
        </p>
        <FieldError field="reason" problems={checks.problems} />
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={command.status === 'busy' || undefined}>
            {t('consolidation.confirmMove')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('consolidation.cancel')}
          </button>
        </div>
        <CommandStatus state={command} />
      </form>
    </dialog>
  );
}

export function ConsolidationBoard({ consolidation, config, phase }: { consolidation: Consolidation; config: WorkshopConfig; phase: Phase }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [moved, setMoved] = useState<PendingMove | null>(null);
  const board = useRef<HTMLElement>(null);
  const focusTarget = useRef<string | null>(null);
  const editable = acceptsDecisions(phase);
  // After a move the button that opened the dialog is gone (the theme changed columns): focus goes to the
  // moved theme, once, as soon as the new state shows it in its new column.
  useEffect(() => {
    const themeId = focusTarget.current;
    if (!themeId) return;
    const card = board.current?.querySelector<HTMLElement>(`[data-theme="${CSS.escape(themeId)}"]`);
    if (card && consolidation.themes.find((c) => c.themeId === themeId)?.tier === moved?.to) {
      card.focus();
      focusTarget.current = null;
    }
  }, [moved, consolidation]);
  const onMoved = (move: PendingMove) => {
    focusTarget.current = move.themeId;
    setMoved(move);
  };
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  const propose = (themeId: string, to: Tier) => {
    const current = consolidation.themes.find((c) => c.themeId === themeId);
    if (!current || current.tier === to) return;
    setPending({ themeId, name: names.get(themeId) ?? themeId, from: current.tier, to });
  };
  return (
    <section className="panel" aria-labelledby="consolidation-title" ref={board}>
      <h2 id="consolidation-title">{t(boardTitle(phase, consolidation.trail.length > 0))}</h2>
      {editable && <p className="hint">{t('consolidation.hint')}</p>}
      <TierColumns
        consolidation={consolidation}
        config={config}
        onDrop={editable ? propose : undefined}
        actions={
          editable
            ? (theme, name) => (
                <span className="move-buttons">
                  {TIERS.filter((tier) => tier !== theme.tier).map((tier) => (
                    <button key={tier} type="button" className="small" aria-label={t('consolidation.moveToLabel', { theme: name, tier: t(`tier.${tier}`) })} onClick={() => propose(theme.themeId, tier)}>
                      {t('consolidation.moveTo', { tier: t(`tier.short.${tier}`) })}
                    </button>
                  ))}
                </span>
              )
            : undefined
        }
      />
      {pending && <ReasonDialog move={pending} onClose={() => setPending(null)} onMoved={onMoved} />}
      <p role="status" className="hint">
        {moved && t('consolidation.moved', { theme: moved.name, tier: t(`tier.${moved.to}`) })}
      </p>
      <h3>{t('consolidation.trail')}</h3>
      {consolidation.trail.length === 0 ? (
        <p className="hint">{t('consolidation.trailEmpty')}</p>
      ) : (
        <table className="trail">
          <caption className="visually-hidden">{t('consolidation.trail')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('consolidation.seq')}</th>
              <th scope="col">{t('consolidation.at')}</th>
              <th scope="col">{t('consolidation.theme')}</th>
              <th scope="col">{t('consolidation.change')}</th>
              <th scope="col">{t('consolidation.reasonColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {consolidation.trail.map((d) => (
              <tr key={d.seq}>
                <td className="num">{d.seq}</td>
                <td>{formatDateTime(d.at)}</td>
                <th scope="row">
                  <ThemeName name={names.get(d.themeId) ?? d.themeId} />
                </th>
                <td>{t('consolidation.fromTo', { from: d.from ? t(`tier.${d.from}`) : t('tier.none'), to: t(`tier.${d.to}`) })}</td>
                <td>{d.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The board's heading: decided tiers only once someone decided (a paused consolidation keeps its decisions, P-1). */
function boardTitle(phase: Phase, decided: boolean): string {
  if (acceptsDecisions(phase)) return 'consolidation.title';
  if (phase === 'finalised') return 'consolidation.titleDone';
  return decided ? 'consolidation.titlePaused' : 'consolidation.titleComputed';
}
