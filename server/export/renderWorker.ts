/** The render worker's module: turns a report into PDF or XLSX bytes off the server's main thread. */
import { parentPort } from 'node:worker_threads';
import type { Report } from '../../shared/domain/report.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export interface RenderRequest {
  id: number;
  kind: 'pdf' | 'xlsx';
  report: Report;
}

parentPort?.on('message', async ({ id, kind, report }: RenderRequest) => {
  try {
    const body = kind === 'pdf' ? await renderPdf(report) : await renderXlsx(report);
    // A copy of its own, so that its memory can be handed over instead of copied again.
    const bytes = new Uint8Array(body);
    parentPort!.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
