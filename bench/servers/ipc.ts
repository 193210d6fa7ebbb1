/**
 * The bench servers answer the orchestrator over IPC: where they listen, and
 * on request their memory (after a full GC, unless asked not to), and their event-loop delay
 * CPU time (all threads: a writer thread counts) and garbage-collection pauses since the last ask.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** CPU time (µs) of each of this process's threads (the main thread as 'main'), from /proc (Linux; empty elsewhere). */
function threadCpu(): Record<string, number> {
  const byName: Record<string, number> = {};
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Worker threads are all called "node": the main thread is the one whose id is the process's.
      const name = tid === String(process.pid) ? 'main' : `thread ${tid}`;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime (fields 14 and 15 of stat; 12 and 13 after the name), in clock ticks of 10 ms.
      const micros = (Number(fields[11]) + Number(fields[12])) * 10_000;
      byName[name] = (byName[name] ?? 0) + micros;
    }
  } catch {
    // Not Linux: no per-thread figures.
  }
  return byName;
}

declare const gc: (() => void) | undefined;

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

/** The main thread's garbage-collection pauses by kind (minor, major …): how many, and ms in all. */
export type GcPauses = Record<string, { n: number; ms: number }>;

/** The pauses since the last call. */
function watchGc(): () => GcPauses {
  let pauses: GcPauses = {};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1] ?? 'other';
      const p = (pauses[kind] ??= { n: 0, ms: 0 });
      p.n++;
      p.ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  return () => {
    const taken = Object.fromEntries(Object.entries(pauses).map(([kind, p]) => [kind, { n: p.n, ms: Math.round(p.ms * 10) / 10 }]));
    pauses = {};
    return taken;
  };
}

export function serveStats(port: number): void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let cpu = process.cpuUsage();
  let threads = threadCpu();
  let perfOn = false;
  const gcPauses = watchGc();
  process.on('message', (message: { type: string; gc?: boolean }) => {
    // A normal exit, so that --cpu-prof can write its profile (BENCH_PROFILE=1).
    if (message.type === 'exit') process.exit(0);
    if (message.type !== 'stats') return;
    // BENCH_PERF_CTL: the control FIFO of a `perf record -D -1 --control fifo:…`, switched on at the
    // first ask (a round begins) and off at the next (it ends): a profile of the rounds alone.
    if (process.env.BENCH_PERF_CTL) {
      perfOn = !perfOn;
      writeFileSync(process.env.BENCH_PERF_CTL, perfOn ? 'enable\n' : 'disable\n');
    }
    // The pauses of the interval that ends now, as far as they have been reported (the observer is told a
    // little later: forced collections below land in the next interval, so a round is asked with gc: false).
    const pauses = gcPauses();
    if (message.gc !== false) for (let i = 0; i < 3; i++) gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const nowThreads = threadCpu();
    const perThread = Object.fromEntries(Object.entries(nowThreads).map(([name, micros]) => [name, micros - (threads[name] ?? 0)]));
    threads = nowThreads;
    process.send!({ type: 'stats', heapUsed, rss, eldP50: ms(delay.percentile(50)), eldP99: ms(delay.percentile(99)), eldMax: ms(delay.max), cpuMicros: used.user + used.system, perThread, gc: pauses });
    delay.reset();
  });
  process.send!({ type: 'ready', port });
}
