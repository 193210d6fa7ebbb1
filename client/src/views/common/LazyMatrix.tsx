/**
 * The matrix (with its label placement) is only needed once results exist: it
 * loads after the first render, in the background (preloadMatrix), so that the
 * join code and the register show at once; by the reveal it is there.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { Matrix as MatrixChart } from './Matrix';

const load = () => import('./Matrix');
const Chart = lazy(() => load().then((module) => ({ default: module.Matrix })));

export function preloadMatrix(): void {
  void load();
}

export function Matrix(props: ComponentProps<typeof MatrixChart>) {
  return (
    <Suspense fallback={<div className="matrix" style={{ height: props.height ?? '100%' }} aria-hidden="true" />}>
      <Chart {...props} />
    </Suspense>
  );
}
