/**
 * An import's body, chunk by chunk as it arrives, decoded (gzip, deflate, br)
 * and counted against the limit — never gathered into one buffer on this
 * thread: copying 25 MiB into a fresh buffer held the event loop some 20 ms
 * per file (issue 16, `npm run bench:imports`). The chunks go to the import
 * worker, which puts them together. Refusals are the same as body-parser's
 * (SPEC H-6): 413 too large, 415 an unknown encoding, 400 a corrupt one.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A body the server cannot read; problem.ts answers it with its status, logging nothing. */
export class UnreadableBody extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
  ) {
    super(type);
  }
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  switch (encoding) {
    case 'identity':
      return req;
    case 'gzip':
    case 'x-gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      throw new UnreadableBody(415, 'encoding.unsupported');
  }
}

/** Reads the body into `onChunk`; at most `limit` bytes after decoding. */
export async function streamBody(req: IncomingMessage, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new UnreadableBody(413, 'entity.too.large');
  }
  const body = decoded(req);
  let length = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      length += chunk.byteLength;
      if (length > limit) throw new UnreadableBody(413, 'entity.too.large');
      onChunk(chunk);
      // Chunks already buffered would otherwise be taken one after another without a break: let the
      // sockets' events in between (a 25 MiB body is some 400 chunks).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    req.resume();
    if (error instanceof UnreadableBody) throw error;
    // A corrupt compressed body, or a client that went away.
    throw new UnreadableBody(400, 'request.unreadable');
  }
}
