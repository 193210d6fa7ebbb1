/** The render worker's module: turns a report or a selection's profiles into PDF or XLSX bytes off the server's main thread. */
import { parentPort } from 'node:worker_threads';
import { renderPdf } from './pdf.js';
import type { RenderJob } from './renderer.js';
import { renderSelectionPdf } from './selection/pdf.js';
import { renderSelectionXlsx } from './selection/xlsx.js';
import { renderXlsx } from './xlsx.js';

export interface RenderRequest {
  id: number;
  job: RenderJob;
}

function render(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'pdf':
      return renderPdf(job.report);
    case 'xlsx':
      return renderXlsx(job.report);
    case 'profiles.pdf':
      return renderSelectionPdf(job.model);
    case 'profiles.xlsx':
      return renderSelectionXlsx(job.model);
  }
}

parentPort?.on('message', async ({ id, job }: RenderRequest) => {
  try {
    const body = await render(job);
    // A copy of its own, so that its memory can be handed over instead of copied again.
    const bytes = new Uint8Array(body);
    parentPort!.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
