/**
 * Allocation sampling of a bench server (BENCH_ALLOC=<file>): V8's sampling heap
 * profiler over the second round of a burst (between the third and fourth
 * request for the server's figures), objects that the garbage collector took
 * again included — where the garbage comes from, not only what stays. Written
 * to <file> as a .heapprofile (Chrome DevTools, or bench/servers/allocation.ts's
 * reader: `node --import tsx bench/servers/allocation.ts <file>`).
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

export function sampleAllocations(file: string): void {
  const session = new Session();
  session.connect();
  let asked = 0;
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stats') return;
    asked++;
    const collected = !process.env.BENCH_ALLOC_LIVE;
    const parameters = { samplingInterval: 1024, includeObjectsCollectedByMajorGC: collected, includeObjectsCollectedByMinorGC: collected };
    if (asked === 3) void session.post('HeapProfiler.startSampling', parameters as never);
    if (asked === 4) void session.post('HeapProfiler.stopSampling').then(({ profile }) => writeFileSync(file, JSON.stringify(profile)));
  });
}

/** The functions that allocated most (their own allocations), in MB. */
function summarise(file: string): void {
  const head = (JSON.parse(readFileSync(file, 'utf8')) as { head: ProfileNode }).head;
  const self = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(head);
  console.log(`${(total / 1e6).toFixed(1)} MB sampled`);
  for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(bytes / 1e6).toFixed(2).padStart(8)} MB  ${key}`);
}

if (process.argv[1]?.endsWith('allocation.ts') && process.argv[2]) summarise(process.argv[2]);
