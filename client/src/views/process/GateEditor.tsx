/** PR-9: which tiers get deep-dives and future pictures — at least one; the owner or an administrator changes it. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/domain/tiering';
import type { ProcessView } from '../../../../shared/process';
import { processes } from '../../net/office';
import { tierList } from './gateText';
import { problem, say, type Say } from './problem';

const TIERS: readonly Tier[] = ['I', 'II', 'III'];

export function GateEditor({ view, onChange }: { view: ProcessView; onChange: (view: ProcessView) => void }) {
  const { t } = useTranslation();
  const saved = view.settings.deepDiveTiers;
  const [chosen, setChosen] = useState<Tier[]>(saved);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; say: Say } | null>(null);
  const savedKey = saved.join();
  useEffect(() => setChosen(savedKey.split(',') as Tier[]), [savedKey]);
  if (!view.mayManage) return <p className="hint">{t('process.deepDives.gateReadOnly')}</p>;
  const changed = [...chosen].sort().join() !== [...saved].sort().join();

  return (
    <form
      className="stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (chosen.length === 0) return setMessage({ error: true, say: say('process.deepDives.gateNone') });
        setBusy(true);
        setMessage(null);
        const deepDiveTiers = TIERS.filter((tier) => chosen.includes(tier));
        const reply = await processes.update(view.id, { deepDiveTiers });
        setBusy(false);
        if (!reply.ok) return setMessage({ error: true, say: problem('gate', reply.code) });
        onChange(reply.data);
        setMessage({ error: false, say: (tt) => tt('process.deepDives.gateSaved', { gate: tt('process.deepDives.gate', { tiers: tierList(deepDiveTiers) }) }) });
      }}
    >
      <fieldset className="gate-editor" aria-describedby={message?.error ? 'gate-error' : undefined}>
        <legend>{t('process.deepDives.gateTitle')}</legend>
        <div className="gate-choices">
          {TIERS.map((tier) => (
            <label key={tier} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(tier)}
                onChange={(e) => {
                  setMessage(null);
                  setChosen((now) => (e.target.checked ? [...now, tier] : now.filter((x) => x !== tier)));
                }}
              />
              {t(`tier.${tier}`)}
            </label>
          ))}
          <button type="submit" className="small" disabled={busy || !changed}>
            {t('process.deepDives.gateSave')}
          </button>
        </div>
      </fieldset>
      <div role="status" className="process-status">
        {message && (
          <p id={message.error ? 'gate-error' : undefined} className={message.error ? 'error' : 'hint'}>
            {message.say(t)}
          </p>
        )}
      </div>
    </form>
  );
}
