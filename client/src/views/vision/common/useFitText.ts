/**
 * A projector box of the vision (a statement may run to 4,000 characters):
 * its type shrinks until it fits, by `--fit-scale` from 1 down to 0.35.
 */
import type { RefObject } from 'react';
import { useShrinkToFit } from '../../common/useShrinkToFit';

const FIT = { smallest: 0.35, apply: (box: HTMLElement, scale: number) => box.style.setProperty('--fit-scale', scale.toFixed(2)) };

export function useFitText(box: RefObject<HTMLElement | null>, content: string): void {
  useShrinkToFit(box, content, FIT);
}
