/**
 * Shrinks the type of a projector box step by step until its content fits
 * without scrolling (a statement may run to 4,000 characters): sets
 * `--fit-scale` on the box, from 1 down to 0.35.
 */
import { useLayoutEffect, type RefObject } from 'react';

const SMALLEST = 0.35;

function overflows(box: HTMLElement): boolean {
  return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
}

function fit(box: HTMLElement): void {
  let scale = 1;
  box.style.setProperty('--fit-scale', '1');
  while (scale > SMALLEST && overflows(box)) {
    scale = Math.max(SMALLEST, scale - 0.05);
    box.style.setProperty('--fit-scale', scale.toFixed(2));
  }
}

export function useFitText(box: RefObject<HTMLElement | null>, content: string): void {
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    fit(element);
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
  }, [box, content]);
}
