/** Include or exclude an idea against the rule, with a reason (SPEC SE-8); or let the rule decide again. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionIdea } from '../../../../../shared/activities/selection/schemas';
import type { OverrideView } from '../../../../../shared/activities/selection/views';
import { overrideIdea } from '../../../net/selection';
import { useOperation } from '../../collection/console/useOperation';
import { OperationStatus } from '../common/OperationStatus';

export function OverrideForm({ idea, current, onDone }: { idea: SelectionIdea; current: OverrideView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [command, run] = useOperation();
  const [decision, setDecision] = useState<'include' | 'exclude'>(current?.decision ?? 'include');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [missing, setMissing] = useState(false);
  const legend = useRef<HTMLInputElement>(null);
  useEffect(() => legend.current?.focus(), []);
  const name = `override-${idea.id}`;
  return (
    <form
      className="override-form"
      onSubmit={(e) => {
        e.preventDefault();
        const text = reason.replace(/\s+/g, ' ').trim();
        if (!text) return setMissing(true);
        setMissing(false);
        void run(() => overrideIdea(idea.id, decision, text)).then((ok) => ok && onDone());
      }}
    >
      <fieldset>
        <legend>{t('selection.console.overrideLegend', { title: idea.title })}</legend>
        {(['include', 'exclude'] as const).map((d, i) => (
          <label key={d} className="inline">
            <input ref={i === 0 ? legend : undefined} type="radio" name={name} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`selection.console.${d}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${name}-reason`}>{t('selection.console.reason')}</label>
      <input id={`${name}-reason`} value={reason} maxLength={500} aria-required="true" aria-invalid={missing || undefined} onChange={(e) => setReason(e.target.value)} />
      {missing && (
        <p role="alert" className="error">
          {t('selection.console.reasonMissing')}
        </p>
      )}
      <OperationStatus state={command} />
      <div className="actions">
        <button type="submit" className="primary" disabled={command.status === 'busy'}>
          {t('selection.console.saveOverride')}
        </button>
        {current && (
          <button type="button" disabled={command.status === 'busy'} onClick={() => void run(() => overrideIdea(idea.id, null)).then((ok) => ok && onDone())}>
            {t('selection.console.removeOverride')}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('selection.console.cancel')}
        </button>
      </div>
    </form>
  );
}
