/**
 * Imports of workshop files run on a worker thread (importWorker.ts): parsing,
 * validating and inserting a large file takes seconds, which on the main thread
 * would hold every live tablet's acknowledgement. The worker starts on the
 * first import and stays; one import at a time goes through it, in order.
 */
import type { IncomingMessage } from 'node:http';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../moduleWorker.js';
import type { WorkshopFileContent } from '../../shared/exchange.js';
import type { CreatedWorkshop, ErrorDetail } from '../../shared/protocol.js';
import { KonsensError } from '../errors.js';
import type { Placement } from '../rooms/creation.js';
import type { ImportRequest } from './importWorker.js';
import { streamBody } from './upload.js';
import type { StoreLocation } from '../store/types.js';


type Reply = { id: number; summary?: CheckedFile; refused?: ErrorDetail[]; created?: CreatedWorkshop; error?: string };
type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

export interface CheckedFile {
  title: string;
  organisations: WorkshopFileContent['config']['organisations'];
}

export class Importer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  /** @param location The database the worker opens a connection of its own to. */
  constructor(private readonly location: StoreLocation) {}

  /**
   * Read a file's bytes from the request as they arrive (upload.ts) and check them; a refusal is
   * BAD_REQUEST with the details, an unreadable body its 4xx (H-6). Then `store` (or `drop`) what was
   * checked, under the id returned.
   */
  async check(req: IncomingMessage, limit: number): Promise<{ id: number; file: CheckedFile }> {
    const id = this.next++;
    const worker = this.worker ?? this.start();
    // (Only JSON bodies get here: the cross-site guard refuses every other type first, AC-11.)
    try {
      await streamBody(req, limit, (chunk) => {
        // Handed over, not copied, where the chunk is a whole buffer of its own (usually); otherwise a copy of just these bytes.
        const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
        const bytes = whole ? chunk : new Uint8Array(chunk);
        worker.postMessage({ id, type: 'chunk', bytes } satisfies ImportRequest, [bytes.buffer as ArrayBuffer]);
      });
    } catch (error) {
      this.drop(id);
      throw error;
    }
    const reply = await this.send({ id, type: 'check' });
    if (reply.refused) throw new KonsensError('BAD_REQUEST', reply.refused);
    return { id, file: reply.summary! };
  }

  async store(id: number, placement: Placement, now: number): Promise<CreatedWorkshop> {
    return (await this.send({ id, type: 'store', placement, now })).created!;
  }

  drop(id: number): void {
    this.worker?.postMessage({ id, type: 'drop' } satisfies ImportRequest);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private send(request: ImportRequest): Promise<Reply> {
    const worker = this.worker ?? this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = startModuleWorker(import.meta.url, 'importWorker', { location: this.location });
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p?.reject(new Error(reply.error));
      else p?.resolve(reply);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('import worker stopped')));
    this.worker = worker;
    return worker;
  }
}
