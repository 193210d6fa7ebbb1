/**
 * PDF and XLSX exports are rendered on a worker thread: a report takes 0.3 s
 * and more of CPU, and on the main thread that would stall every socket of a
 * live workshop. The worker starts on the first export and stays.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../moduleWorker.js';
import type { Report } from '../../shared/domain/report.js';
import type { SelectionExport } from './selection/model.js';

/** What the worker renders: a Quick-Check's report or a selection's profiles (SE-10). */
export type RenderJob = { kind: 'pdf' | 'xlsx'; report: Report } | { kind: 'profiles.pdf' | 'profiles.xlsx'; model: SelectionExport };


type Pending = { resolve: (body: Buffer) => void; reject: (error: Error) => void };

export class Renderer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  render(job: RenderJob): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = startModuleWorker(import.meta.url, 'renderWorker');
    worker.on('message', ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (bytes) p?.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      else p?.reject(new Error(error ?? 'render failed'));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('render worker stopped')));
    this.worker = worker;
    return worker;
  }
}
