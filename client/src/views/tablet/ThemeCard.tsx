import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Theme, WorkshopConfig } from '../../../../shared/schemas';
import { answer } from '../../net/participant';
import { useStore } from '../../store';
import { cellKey, type CellAnswer } from '../../store/ballotSlice';
import { ThemeName } from '../common/ThemeName';
import { ScoreRow } from './ScoreRow';

type ThemeStatus = 'saving' | 'saved' | 'failed' | null;

function themeStatus(cells: (CellAnswer | undefined)[]): ThemeStatus {
  if (cells.some((c) => c?.status === 'failed')) return 'failed';
  if (cells.some((c) => c?.status === 'saving')) return 'saving';
  if (cells.some((c) => c?.status === 'saved')) return 'saved';
  return null;
}

export function ThemeCard({ theme, config }: { theme: Theme; config: WorkshopConfig }) {
  const { t } = useTranslation();
  const cells = useStore(useShallow((s) => config.criteria.map((c) => s.answers[cellKey(theme.id, c.id)])));
  const status = themeStatus(cells);
  const headingId = `theme-${theme.id}`;
  return (
    <section className="card theme-card" aria-labelledby={headingId}>
      <header className="theme-head">
        <h2 id={headingId} tabIndex={-1}>
          <ThemeName name={theme.name} />
        </h2>
        <p role="status" className={`save-status save-${status ?? 'none'}`}>
          {status && (
            <>
              {status !== 'saving' && <span aria-hidden="true">{status === 'saved' ? '✓ ' : '✗ '}</span>}
              {t(`ballot.${status}`)}
            </>
          )}
        </p>
      </header>
      {theme.description && <p className="description">{theme.description}</p>}
      {config.criteria.map((criterion, i) => (
        <ScoreRow
          key={criterion.id}
          themeId={theme.id}
          criterion={criterion}
          scale={config.scale}
          value={cells[i]?.value}
          onChange={(value) => answer(theme.id, criterion.id, value)}
        />
      ))}
    </section>
  );
}
