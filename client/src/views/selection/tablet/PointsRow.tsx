/**
 * One idea in the open vote: its facts and its points — a number with − and +
 * (points), or dot buttons up to the cap per idea (dots). Every change is an
 * absolute setting through the outbox (SPEC SE-4); a refused one says why and
 * the idea shows the stored points again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionIdea } from '../../../../../shared/activities/selection/schemas';
import type { VoteView } from '../../../../../shared/activities/selection/views';
import type { Organisation } from '../../../../../shared/schemas';
import { setPoints } from '../../../net/selection';
import { useStore } from '../../../store';
import { IdeaFacts } from '../common/IdeaFacts';
import { refusalText } from '../common/words';

/** The server takes 0 … 1,000 per setting; anything beyond is sent as 1,000 and refused by the vote's limits. */
const MAX_SETTING = 1000;

export function PointsRow({ idea, vote, points, organisations }: { idea: SelectionIdea; vote: VoteView; points: number; organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  const entry = useStore((s) => s.pointsEntries[idea.id]);
  const [draft, setDraft] = useState<string | null>(null);
  const set = (next: number) => {
    if (next === points || next < 0) return;
    setPoints(vote.id, idea.id, Math.min(MAX_SETTING, next));
  };
  const commit = () => {
    if (draft === null) return;
    const typed = Number(draft.trim());
    setDraft(null);
    if (draft.trim() !== '' && Number.isInteger(typed)) set(typed);
  };
  const statusId = `points-status-${idea.id}`;
  const titleId = `points-idea-${idea.id}`;
  return (
    <article className={`points-row${points > 0 ? ' has-points' : ''}`} aria-labelledby={titleId}>
      <div className="points-idea">
        <h3 id={titleId} className="selection-idea-title">
          {idea.title}
        </h3>
        <IdeaFacts idea={idea} organisations={organisations} partners={false} />
      </div>
      <div className="points-control">
        {vote.mode === 'points' ? (
          <div className="stepper-input">
            <button type="button" className="step" aria-label={t('selection.tablet.less', { title: idea.title })} disabled={points <= 0} onClick={() => set(points - 1)}>
              −
            </button>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={vote.maxPerIdea}
              step={1}
              className="points-number"
              aria-label={t('selection.tablet.pointsFor', { title: idea.title })}
              aria-describedby={statusId}
              value={draft ?? String(points)}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit();
                if (e.key === 'Escape') setDraft(null);
              }}
            />
            <button type="button" className="step" aria-label={t('selection.tablet.more', { title: idea.title })} onClick={() => set(points + 1)}>
              +
            </button>
          </div>
        ) : (
          <div className="dots" role="group" aria-label={t('selection.tablet.dotsFor', { title: idea.title })} aria-describedby={statusId}>
            {Array.from({ length: vote.maxPerIdea }, (_, i) => i + 1).map((n) => (
              <button key={n} type="button" className="dot" aria-pressed={points >= n} aria-label={t('selection.tablet.dot', { count: n })} onClick={() => set(points === n ? n - 1 : n)}>
                <span aria-hidden="true" />
              </button>
            ))}
          </div>
        )}
        <p id={statusId} className={`save-status ${entry ? `save-${entry.delivery === 'sending' ? 'saving' : entry.delivery}` : ''}`}>
          {entry && entry.delivery !== 'failed' ? t(`selection.delivery.${entry.delivery}`) : ''}
        </p>
      </div>
      {entry?.delivery === 'failed' && entry.refusal && (
        <p role="alert" className="error points-refusal">
          {refusalText(t, entry.refusal.code, { allowance: vote.allowance, max: vote.maxPerIdea })}
        </p>
      )}
    </article>
  );
}
