import type { ErrorCode, ErrorDetail } from '../shared/protocol.js';

/** A refusal the client is told about by its code; anything else thrown is INTERNAL. */
export class KonsensError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
  ) {
    super(code);
  }
}
