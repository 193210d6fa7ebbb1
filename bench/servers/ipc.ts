/**
 * The bench servers answer the orchestrator over IPC: where they listen, and
 * on request their memory (after a full GC, unless asked not to), and their event-loop delay
 * and CPU time (all threads: a writer thread counts) since the last ask.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

declare const gc: (() => void) | undefined;

export function serveStats(port: number): void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let cpu = process.cpuUsage();
  process.on('message', (message: { type: string; gc?: boolean }) => {
    // A normal exit, so that --cpu-prof can write its profile (BENCH_PROFILE=1).
    if (message.type === 'exit') process.exit(0);
    if (message.type !== 'stats') return;
    if (message.gc !== false) for (let i = 0; i < 3; i++) gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    process.send!({ type: 'stats', heapUsed, rss, eldP50: ms(delay.percentile(50)), eldP99: ms(delay.percentile(99)), eldMax: ms(delay.max), cpuMicros: used.user + used.system });
    delay.reset();
  });
  process.send!({ type: 'ready', port });
}
