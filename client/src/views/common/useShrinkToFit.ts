/**
 * Projector boxes never scroll (1920×1080 and 1280×720): their type shrinks
 * step by step (5 %) from full size down to `smallest` until the content fits.
 * Runs again when the content, the box's size or the loaded fonts change.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export interface ShrinkOptions {
  /** The smallest scale, e.g. 0.35 of the full size. */
  smallest: number;
  /** Show the box at this scale (a CSS custom property, or the font size). */
  apply(element: HTMLElement, scale: number): void;
  /** Whether the box's content does not fit; default: it scrolls either way. */
  overflows?(element: HTMLElement): boolean;
  /** After fitting: whether it fits even at the end. */
  fitted?(element: HTMLElement, fits: boolean): void;
}

const scrolls = (element: HTMLElement) => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;

/** The largest scale at which the content fits; false when even `smallest` is too large. */
export function shrinkToFit(element: HTMLElement, options: ShrinkOptions): boolean {
  const overflows = options.overflows ?? scrolls;
  let scale = 1;
  options.apply(element, scale);
  while (scale > options.smallest && overflows(element)) {
    scale = Math.max(options.smallest, scale - 0.05);
    options.apply(element, scale);
  }
  const fits = !overflows(element);
  options.fitted?.(element, fits);
  return fits;
}

export function useShrinkToFit(box: RefObject<HTMLElement | null>, content: unknown, options: ShrinkOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => shrinkToFit(element, latest.current);
    fit();
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width && element.clientHeight === height) return;
      width = element.clientWidth;
      height = element.clientHeight;
      fit();
    });
    observer.observe(element);
    void document.fonts?.ready.then(fit);
    return () => observer.disconnect();
  }, [box, content]);
}
