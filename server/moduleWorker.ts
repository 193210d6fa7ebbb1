/**
 * A worker thread that runs one of this server's modules: from the TypeScript
 * sources (development, tests) through tsx's loader, from the build as plain
 * JavaScript. The render and import workers start this way.
 */
import { Worker } from 'node:worker_threads';

const BOOT = `
const { workerData } = require('node:worker_threads');
// Background work yields the core to the sockets: on Linux a thread's nice value is its own, so this
// lowers only this worker thread (the main thread and the answer writer keep theirs).
if (workerData.background) { try { require('node:os').setPriority(19); } catch {} }
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((error) => { throw error; });
`;

/**
 * Starts `name` (a module next to `from`, without extension) on a worker thread
 * that does not keep the process alive; `data` reaches the module as `workerData`.
 * The thread runs at the lowest priority (nice 19): imports and reports take
 * whatever CPU the sockets leave, and never delay an acknowledgement (issue 16).
 */
export function startModuleWorker(from: string, name: string, data: Record<string, unknown> = {}): Worker {
  const fromSource = from.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, from).href;
  const tsx = fromSource ? import.meta.resolve('tsx/esm/api') : null;
  const worker = new Worker(BOOT, { eval: true, workerData: { ...data, entry, tsx, background: true } });
  worker.unref();
  return worker;
}
