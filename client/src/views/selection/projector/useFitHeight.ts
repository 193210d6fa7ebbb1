/**
 * Shrinks a projector stage's type until its content fits its height (no
 * scrolling on a projector): from full size down in 5 % steps to half size.
 * Runs again when what it shows or the window size changes.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useFitHeight<T extends HTMLElement>(content: unknown) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(() => ({ w: innerWidth, h: innerHeight }));
  useLayoutEffect(() => {
    const resize = () => setSize({ w: innerWidth, h: innerHeight });
    addEventListener('resize', resize);
    return () => removeEventListener('resize', resize);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let scale = 1;
    el.style.fontSize = '';
    while (el.scrollHeight > el.clientHeight + 1 && scale > 0.5) {
      scale -= 0.05;
      el.style.fontSize = `${scale}em`;
    }
  }, [content, size]);
  return ref;
}
