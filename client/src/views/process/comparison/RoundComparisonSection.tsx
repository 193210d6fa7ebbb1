/**
 * PR-7: two Quick-Check rounds of the process side by side (SPEC RC-1 … RC-7).
 * The server matches themes by id, then by name, and says so; the page shows
 * its answer as it is and never pairs themes by their position.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundComparison } from '../../../../../shared/domain/comparison';
import type { StepView } from '../../../../../shared/process';
import { processes } from '../../../net/office';
import { problem, type Say } from '../problem';
import { phaseText } from '../StepsSection';
import { ComparisonFigure } from './ComparisonFigure';
import { ComparisonTable } from './ComparisonTable';
import { proposedPair, quickChecks } from './rounds';

interface Shown {
  from: string;
  to: string;
  comparison: RoundComparison;
}

export function RoundComparisonSection({ processId, steps }: { processId: string; steps: StepView[] }) {
  const { t } = useTranslation();
  const rounds = quickChecks(steps);
  const [choice, setChoice] = useState<{ from: string; to: string } | null>(null);
  const known = (id: string) => rounds.some((r) => r.workshopId === id);
  const pair = choice && known(choice.from) && known(choice.to) ? choice : proposedPair(rounds);
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Say | null>(null);
  const from = pair?.from ?? null;
  const to = pair?.to ?? null;
  // A round that moved on (scored, finalised) since the last answer has new means.
  const phases = rounds
    .filter((r) => r.workshopId === from || r.workshopId === to)
    .map((r) => r.phase)
    .join();

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    setLoading(true);
    setError(null);
    void processes.comparison(processId, from, to).then((reply) => {
      if (!live) return;
      setLoading(false);
      if (reply.ok) setShown({ from, to, comparison: reply.data });
      else setError(() => problem('general', reply.code));
    });
    return () => {
      live = false;
    };
  }, [processId, from, to, phases]);

  const label = (id: string) => {
    const step = rounds.find((r) => r.workshopId === id);
    return step ? t('comparison.round', { position: step.position, title: step.title }) : '';
  };
  const position = (id: string | null) => rounds.find((r) => r.workshopId === id)?.position ?? 0;

  return (
    <section className="panel stack comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">{t('comparison.title')}</h2>
      {!pair ? (
        <p className="hint">{t('comparison.needTwo')}</p>
      ) : (
        <>
          <p className="hint">{t('comparison.lead')}</p>
          <div className="comparison-choice">
            <div className="field">
              <label htmlFor="comparison-from">{t('comparison.earlier')}</label>
              <select id="comparison-from" value={pair.from} title={label(pair.from)} onChange={(e) => setChoice({ from: e.target.value, to: pair.to })}>
                {rounds.map((r) => (
                  <option key={r.workshopId} value={r.workshopId} disabled={r.position >= position(pair.to)}>
                    {label(r.workshopId)} ({phaseText(t, r)})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="comparison-to">{t('comparison.later')}</label>
              <select id="comparison-to" value={pair.to} title={label(pair.to)} onChange={(e) => setChoice({ from: pair.from, to: e.target.value })}>
                {rounds.map((r) => (
                  <option key={r.workshopId} value={r.workshopId} disabled={r.position <= position(pair.from)}>
                    {label(r.workshopId)} ({phaseText(t, r)})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div role="status" className="process-status">
            {loading && <p>{t('comparison.loading')}</p>}
          </div>
          {error && (
            <p role="alert" className="error">
              {t('comparison.failed')} {error(t)}
            </p>
          )}
          {shown && <ComparisonResult shown={shown} earlierLabel={label(shown.from)} laterLabel={label(shown.to)} busy={loading} />}
        </>
      )}
    </section>
  );
}

function ComparisonResult({ shown, earlierLabel, laterLabel, busy }: { shown: Shown; earlierLabel: string; laterLabel: string; busy: boolean }) {
  const { t } = useTranslation();
  const { comparison } = shown;
  const scale = (s: { min: number; max: number }) => `${s.min}–${s.max}`;
  return (
    <div className="comparison-result stack" aria-busy={busy}>
      {comparison.normalised && (
        <p className="comparison-normalised">
          <strong>{t('comparison.normalised')}</strong> {t('comparison.scales', { earlier: scale(comparison.scales.earlier), later: scale(comparison.scales.later) })}
        </p>
      )}
      {comparison.themes.length === 0 ? (
        <p>{t('comparison.empty')}</p>
      ) : (
        <>
          <ComparisonFigure comparison={comparison} earlierLabel={earlierLabel} laterLabel={laterLabel} />
          <ComparisonTable comparison={comparison} earlierLabel={earlierLabel} laterLabel={laterLabel} />
        </>
      )}
    </div>
  );
}
