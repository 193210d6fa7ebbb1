/**
 * The accepted themes as cards that fill the room left on the projector, up to
 * 50 (TC-9) without scrolling or clipping: more themes take more columns, and
 * the type shrinks step by step until every card fits — long titles and long
 * German compounds included. New cards fade in (not with reduced motion).
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';

/** Columns and starting type size (em of the projector's text) by number of themes. */
function layoutFor(count: number): { columns: number; size: number } {
  if (count <= 3) return { columns: 1, size: 2.2 };
  if (count <= 8) return { columns: 2, size: 1.7 };
  if (count <= 15) return { columns: 3, size: 1.35 };
  if (count <= 28) return { columns: 4, size: 1.1 };
  return { columns: 5, size: 0.95 };
}

const SMALLEST = 0.4;

function overflows(list: HTMLElement): boolean {
  if (list.scrollHeight > list.clientHeight + 1 || list.scrollWidth > list.clientWidth + 1) return true;
  return Array.from(list.children).some((card) => card.scrollWidth > card.clientWidth + 1);
}

/**
 * Largest scale (1 … SMALLEST, in steps) at which nothing overflows — also no
 * word wider than its card, so that words are not broken. Only if even the
 * smallest size is too large may words break.
 */
function fit(list: HTMLElement): void {
  let scale = 1;
  list.classList.remove('tight');
  list.style.setProperty('--wall-scale', '1');
  while (scale > SMALLEST && overflows(list)) {
    scale = Math.max(SMALLEST, scale - 0.05);
    list.style.setProperty('--wall-scale', scale.toFixed(2));
  }
  if (overflows(list)) list.classList.add('tight');
}

/** `details`: more on a card below its title (a deep-dive's lead and cost), fitted with it. */
export function AcceptedWall({ themes, details }: { themes: AcceptedTheme[]; details?: (theme: AcceptedTheme) => ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  const { columns, size } = layoutFor(themes.length);
  const text = themes.map((theme) => `${theme.title}\t${JSON.stringify(theme.idea)}`).join('\n');

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    fit(element);
    // The room changes with the window, and when the invitation beside the wall goes.
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width && element.clientHeight === height) return;
      width = element.clientWidth;
      height = element.clientHeight;
      fit(element);
    });
    observer.observe(element);
    void document.fonts?.ready.then(() => fit(element));
    return () => observer.disconnect();
  }, [text, columns]);

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
