/**
 * The import worker's module (SPEC H-4, X-5): reads, checks and stores an
 * exported workshop file off the server's main thread. A 25 MiB file takes
 * seconds of JSON parsing, validation and inserting; the sockets of live
 * workshops must not wait for that. Two steps, so that the process the
 * workshop goes into is made on the main thread between them: `check` parses
 * and validates (and keeps the content), `store` inserts it in one transaction
 * through a connection of its own to the same database (SQLite file or PostgreSQL).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fromWorkshopFile, workshopFileSchema, type WorkshopFileContent } from '../../shared/exchange.js';
import type { ErrorDetail } from '../../shared/protocol.js';
import { issueDetails } from '../http/problem.js';
import { importWorkshop, type Placement } from '../rooms/creation.js';
import type { KyselyWorkshopStore } from '../store/kyselyStore.js';
import { connectStore } from '../store/open.js';
import type { StoreLocation } from '../store/types.js';

export type ImportRequest =
  | { id: number; type: 'chunk'; bytes: Uint8Array }
  | { id: number; type: 'check' }
  | { id: number; type: 'store'; placement: Placement; now: number }
  | { id: number; type: 'drop' };

/** The bytes of uploads under way, as they arrived. */
const receiving = new Map<number, Uint8Array[]>();
const checked = new Map<number, WorkshopFileContent>();
let store: KyselyWorkshopStore | null = null;

function open(): KyselyWorkshopStore {
  store ??= connectStore((workerData as { location: StoreLocation }).location);
  return store;
}

/** The file's title and roster (for its process), or why it is refused. */
function check(id: number, body: Buffer): { summary: { title: string; organisations: WorkshopFileContent['config']['organisations'] } } | { refused: ErrorDetail[] } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { refused: [{ path: '', message: 'body is not valid JSON' }] };
  }
  const parsed = workshopFileSchema.safeParse(json);
  if (!parsed.success) return { refused: issueDetails(parsed.error.issues) };
  const content = fromWorkshopFile(parsed.data);
  checked.set(id, content);
  return { summary: { title: content.config.title, organisations: content.config.organisations } };
}

parentPort?.on('message', async (request: ImportRequest) => {
  try {
    switch (request.type) {
      case 'chunk': {
        const chunks = receiving.get(request.id) ?? [];
        chunks.push(request.bytes);
        receiving.set(request.id, chunks);
        return;
      }
      case 'check': {
        const body = Buffer.concat(receiving.get(request.id) ?? []);
        receiving.delete(request.id);
        parentPort!.postMessage({ id: request.id, ...check(request.id, body) });
        return;
      }
      case 'store': {
        const content = checked.get(request.id);
        checked.delete(request.id);
        if (!content) throw new Error('nothing checked under this id');
        parentPort!.postMessage({ id: request.id, created: await importWorkshop(open(), content, request.now, request.placement) });
        return;
      }
      case 'drop':
        receiving.delete(request.id);
        checked.delete(request.id);
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
