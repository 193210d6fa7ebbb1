/** The ballot while scoring is open: progress, then all themes or one at a time. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { useStore } from '../../store';
import { cellKey } from '../../store/ballotSlice';
import { ThemeCard } from './ThemeCard';

type Mode = 'list' | 'single';
const MODE_KEY = 'konsens.ballotMode';

export function Scoring({ config }: { config: WorkshopConfig }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem(MODE_KEY) === 'single' ? 'single' : 'list'));
  const [index, setIndex] = useState(0);
  const done = useStore((s) => config.themes.filter((theme) => config.criteria.every((c) => s.answers[cellKey(theme.id, c.id)]?.value !== undefined)).length);
  const total = config.themes.length;
  const choose = (next: Mode) => {
    localStorage.setItem(MODE_KEY, next);
    setMode(next);
  };
  const current = config.themes[Math.min(index, total - 1)];
  return (
    <>
      <div className="ballot-bar">
        <p className="progress-text" aria-live="polite">
          {t('ballot.progress', { done, total })}
        </p>
        <progress value={done} max={total} aria-label={t('ballot.progress', { done, total })} />
        <div className="segmented" role="group" aria-label={t('ballot.list') + ' / ' + t('ballot.single')}>
          <button type="button" aria-pressed={mode === 'list'} onClick={() => choose('list')}>
            {t('ballot.list')}
          </button>
          <button type="button" aria-pressed={mode === 'single'} onClick={() => choose('single')}>
            {t('ballot.single')}
          </button>
        </div>
      </div>
      {mode === 'list' ? (
        config.themes.map((theme) => <ThemeCard key={theme.id} theme={theme} config={config} />)
      ) : current ? (
        <>
          <p className="hint">{t('ballot.themeOf', { index: Math.min(index, total - 1) + 1, total })}</p>
          <ThemeCard key={current.id} theme={current} config={config} />
          <div className="pager">
            <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
              ← {t('ballot.previous')}
            </button>
            <button type="button" className="primary" onClick={() => setIndex((i) => Math.min(total - 1, i + 1))} disabled={index >= total - 1}>
              {t('ballot.next')} →
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}
