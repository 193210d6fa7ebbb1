/** HTTP error answers: `{ code, message, details? }` with a status per code (docs/PROTOCOL.md). */
import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '../../shared/protocol.js';
import { KonsensError } from '../errors.js';
import { DuplicateEmailError } from '../store/accountStore.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORISED: 401,
  NOT_SIGNED_IN: 401,
  FORBIDDEN: 403,
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  WRONG_PHASE: 409,
  FINALISED: 409,
  INVALID_TRANSITION: 409,
  OUTSIDE_GATE: 409,
  INVITE_USED: 410,
  RATE_LIMITED: 429,
};

export function problem(code: ErrorCode, details?: ErrorDetail[]) {
  return { code, message: ERROR_CODES[code], ...(details ? { details } : {}) };
}

export function sendProblem(res: Response, code: ErrorCode, details?: ErrorDetail[]): void {
  res.status(STATUS[code] ?? 400).json(problem(code, details));
}

const MAX_DETAILS = 20;

/** A refusal's details from zod's issues: a broken file can have thousands; the first ones tell what is wrong. */
export function issueDetails(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ErrorDetail[] {
  const details = issues.slice(0, MAX_DETAILS).map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (issues.length > MAX_DETAILS) details.push({ path: '', message: `… and ${issues.length - MAX_DETAILS} more` });
  return details;
}

/** The last handler of every router: clear 4xx answers for what the client sent, 500 (logged) for the rest. */
export function errorHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const unreadable = clientError(error);
    if (error instanceof KonsensError) {
      sendProblem(res, error.code, error.details);
    } else if (error instanceof DuplicateEmailError) {
      sendProblem(res, 'EMAIL_TAKEN');
    } else if (error instanceof ZodError) {
      res.status(400).json(problem('BAD_REQUEST', issueDetails(error.issues)));
    } else if (unreadable) {
      // What the client sent cannot be read (broken JSON, too large, a broken URL escape, a corrupt or
      // unsupported body encoding, an unknown charset): its own 4xx, nothing logged — not the server's fault.
      res.status(unreadable.status).json(problem('BAD_REQUEST', [{ path: '', message: unreadable.message }]));
    } else {
      log(error);
      res.status(500).json(problem('INTERNAL'));
    }
  };
}

/** The status and a plain description of a request the server cannot read, or null for anything else. */
function clientError(error: unknown): { status: number; message: string } | null {
  if (error instanceof URIError) return { status: 400, message: 'the URL has a malformed percent escape' };
  if (typeof error !== 'object' || error === null) return null;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  if (type === 'entity.parse.failed') return { status, message: 'body is not valid JSON' };
  if (status === 413) return { status, message: 'body too large' };
  if (type === 'encoding.unsupported') return { status, message: 'content encoding not supported (use identity, gzip, deflate or br)' };
  if (type === 'charset.unsupported') return { status, message: 'charset not supported (use utf-8)' };
  if (type === 'request.unreadable') return { status, message: 'the body cannot be read (corrupt compression?)' };
  return { status, message: 'the request body cannot be read' };
}
