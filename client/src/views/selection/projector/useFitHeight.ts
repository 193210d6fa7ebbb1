/**
 * A selection's projector stage: its type shrinks until its content fits its
 * height, down to half size.
 */
import { useRef } from 'react';
import { useShrinkToFit } from '../../common/useShrinkToFit';

const FIT = {
  smallest: 0.5,
  apply: (stage: HTMLElement, scale: number) => {
    stage.style.fontSize = scale === 1 ? '' : `${scale}em`;
  },
  overflows: (stage: HTMLElement) => stage.scrollHeight > stage.clientHeight + 1,
};

export function useFitHeight<T extends HTMLElement>(content: unknown) {
  const ref = useRef<T>(null);
  useShrinkToFit(ref, content, FIT);
  return ref;
}
