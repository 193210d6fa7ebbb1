/**
 * The accepted themes as cards that fill the room left on the projector, up to
 * 50 (TC-9) without scrolling or clipping: more themes take more columns, and
 * the type shrinks step by step until every card fits — long titles and long
 * German compounds included. New cards fade in (not with reduced motion).
 */
import { useRef, type ReactNode } from 'react';
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';
import { useShrinkToFit } from '../../common/useShrinkToFit';

/** Columns and starting type size (em of the projector's text) by number of themes. */
function layoutFor(count: number): { columns: number; size: number } {
  if (count <= 3) return { columns: 1, size: 2.2 };
  if (count <= 8) return { columns: 2, size: 1.7 };
  if (count <= 15) return { columns: 3, size: 1.35 };
  if (count <= 28) return { columns: 4, size: 1.1 };
  return { columns: 5, size: 0.95 };
}

/** Also no word wider than its card, so that words are not broken; only if even the smallest size is too large may words break. */
function overflows(list: HTMLElement): boolean {
  if (list.scrollHeight > list.clientHeight + 1 || list.scrollWidth > list.clientWidth + 1) return true;
  return Array.from(list.children).some((card) => card.scrollWidth > card.clientWidth + 1);
}

const FIT = {
  smallest: 0.4,
  overflows,
  apply: (list: HTMLElement, scale: number) => {
    list.classList.remove('tight');
    list.style.setProperty('--wall-scale', scale.toFixed(2));
  },
  fitted: (list: HTMLElement, fits: boolean) => list.classList.toggle('tight', !fits),
};

/** `details`: more on a card below its title (a deep-dive's lead and cost), fitted with it. */
export function AcceptedWall({ themes, details }: { themes: AcceptedTheme[]; details?: (theme: AcceptedTheme) => ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  const { columns, size } = layoutFor(themes.length);
  const text = themes.map((theme) => `${theme.title}\t${JSON.stringify(theme.idea)}`).join('\n');

  // The room changes with the window, and when the invitation beside the wall goes.
  useShrinkToFit(list, `${columns}\n${text}`, FIT);

  return (
    <ul ref={list} className="wall-list" style={{ '--wall-columns': columns, '--wall-size': `${size}em` } as React.CSSProperties}>
      {themes.map((theme) => (
        <li key={theme.id} className="wall-card">
          {details ? (
            <>
              <span className="wall-card-title">{theme.title}</span>
              {details(theme)}
            </>
          ) : (
            theme.title
          )}
        </li>
      ))}
    </ul>
  );
}
