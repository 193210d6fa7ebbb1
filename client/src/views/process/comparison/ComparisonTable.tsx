/**
 * The round comparison as a table: the same numbers as the chart, for every
 * reader. Changes are written with their sign ("+0,4", "−0,3") and tier moves
 * in words, never by colour alone.
 */
import { useTranslation } from 'react-i18next';
import type { CriterionChange, RoundComparison, ThemeComparison } from '../../../../../shared/domain/comparison';
import { formatNumber } from '../../../i18n';
import { TierBadge } from '../../common/TierBadge';
import { digitsFor, formatDelta } from '../format';

export function ComparisonTable({ comparison, earlierLabel, laterLabel }: { comparison: RoundComparison; earlierLabel: string; laterLabel: string }) {
  const { t } = useTranslation();
  const digits = digitsFor(comparison.normalised);
  return (
    <div className="table-scroll">
      <table className="comparison-table">
        <caption>{t('comparison.tableCaption', { earlier: earlierLabel, later: laterLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comparison.theme')}</th>
            <th scope="col">{t('comparison.status')}</th>
            {comparison.criteria.map((c) => (
              <th scope="col" key={c.criterionId}>
                {c.label}
                {c.status !== 'kept' && <span className="hint cell-note">{t(`comparison.criterionOnly.${c.status}`)}</span>}
              </th>
            ))}
            <th scope="col">{t('comparison.tier')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.themes.map((theme) => (
            <tr key={`${theme.status}-${theme.themeId}`}>
              <th scope="row">
                {theme.name}
              </th>
              <td className="match-cell">
                <span className={`match-status match-${theme.status}`}>{t(`comparison.statusText.${theme.status}`)}</span>
                {theme.matchedBy === 'name' && <span className="hint cell-note">{t('comparison.matchedByName')}</span>}
              </td>
              {theme.criteria.map((change) => (
                <td key={change.criterionId}>
                  <MeanChange change={change} digits={digits} />
                </td>
              ))}
              <td className="tier-cell">
                <TierMove theme={theme} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Value({ value, digits }: { value: number | null; digits: number }) {
  const { t } = useTranslation();
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('comparison.noValue')}</span>
      </>
    );
  }
  return <>{formatNumber(value, digits)}</>;
}

function To() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">{t('comparison.to')}</span>{' '}
    </>
  );
}

function MeanChange({ change, digits }: { change: CriterionChange; digits: number }) {
  const { t } = useTranslation();
  return (
    <span className="mean-change">
      <span className="means">
        <Value value={change.before} digits={digits} />
        <To />
        <Value value={change.after} digits={digits} />
      </span>
      {change.delta !== null && (
        <span className="delta">
          <span className="visually-hidden">{t('comparison.delta')}: </span>
          {formatDelta(change.delta, digits)}
        </span>
      )}
    </span>
  );
}

const MOVE_SIGN = { up: '↑', down: '↓', same: '=' } as const;

function TierMove({ theme }: { theme: ThemeComparison }) {
  const { t } = useTranslation();
  return (
    <span className="tier-move">
      <span className="tier-pair">
        {theme.status !== 'new' && <TierBadge tier={theme.tierBefore} />}
        {/* The arrow stays with the later tier when the pair wraps. */}
        {theme.status === 'kept' ? (
          <span className="tier-after">
            <To />
            <TierBadge tier={theme.tierAfter} />
          </span>
        ) : (
          theme.status === 'new' && <TierBadge tier={theme.tierAfter} />
        )}
      </span>
      {theme.tierChange && (
        <span className={`tier-change change-${theme.tierChange}`}>
          <span aria-hidden="true">{MOVE_SIGN[theme.tierChange]} </span>
          {t(`comparison.change.${theme.tierChange}`)}
        </span>
      )}
    </span>
  );
}
