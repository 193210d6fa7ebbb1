/** The ballot while scoring is open: progress, then all themes or one at a time, then whether everything arrived. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { useStore } from '../../store';
import { cellKey } from '../../store/ballotSlice';
import { BallotDone } from './BallotDone';
import { ThemeCard } from './ThemeCard';

type Mode = 'list' | 'single';
const MODE_KEY = 'konsens.ballotMode';

/**
 * The progress bar sticks to the top: the page keeps that much room above
 * whatever it scrolls to (a focused radio, the next theme), so no heading of
 * the theme being rated disappears under it.
 */
function useStickyOffset() {
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const apply = () => root.style.setProperty('--ballot-bar', `${Math.ceil(element.getBoundingClientRect().height)}px`);
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--ballot-bar');
    };
  }, []);
  return bar;
}

export function Scoring({ config }: { config: WorkshopConfig }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem(MODE_KEY) === 'single' ? 'single' : 'list'));
  const [index, setIndex] = useState(0);
  const moved = useRef(false);
  const bar = useStickyOffset();
  const done = useStore((s) => config.themes.filter((theme) => config.criteria.every((c) => s.answers[cellKey(theme.id, c.id)]?.value !== undefined)).length);
  const total = config.themes.length;
  const choose = (next: Mode) => {
    localStorage.setItem(MODE_KEY, next);
    setMode(next);
  };
  const current = config.themes[Math.min(index, total - 1)];

  // One theme at a time: "next" shows the new theme from its heading, and puts focus there for screen readers.
  useEffect(() => {
    if (!moved.current || !current) return;
    const heading = document.getElementById(`theme-${current.id}`);
    heading?.closest('section')?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [current]);
  const go = (by: -1 | 1) => {
    moved.current = true;
    setIndex((i) => Math.max(0, Math.min(total - 1, i + by)));
  };

  return (
    <>
      <div className="ballot-bar" ref={bar}>
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
            <button type="button" onClick={() => go(-1)} disabled={index === 0}>
              ← {t('ballot.previous')}
            </button>
            <button type="button" className="primary" onClick={() => go(1)} disabled={index >= total - 1}>
              {t('ballot.next')} →
            </button>
          </div>
        </>
      ) : null}
      <BallotDone config={config} complete={done === total && total > 0} />
    </>
  );
}
