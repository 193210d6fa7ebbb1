/** HTTP API: create or import a workshop, read its public info, export it, health (SPEC H-1 … H-5). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { ZodError } from 'zod';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { fromWorkshopFile, IMPORT_LIMITS, workshopFileSchema } from '../../shared/exchange.js';
import { EMBEDDED_INFO_ID, ERROR_CODES, EXPORT_FILES, PROTOCOL_VERSION, type ErrorCode, type ExportFile, type PublicWorkshopInfo } from '../../shared/protocol.js';
import { createWorkshopSchema, idSchema, joinCodeSchema } from '../../shared/schemas.js';
import { exportFile } from '../export/index.js';
import type { Renderer } from '../export/renderer.js';
import { createWorkshop, importWorkshop } from '../rooms/creation.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { WorkshopStore } from '../store/types.js';
import type { FailureLimiter } from '../security/rateLimit.js';
import { clientAddress } from '../security/address.js';

export interface HttpDeps {
  store: WorkshopStore;
  rooms: RoomRegistry;
  now: () => number;
  /** Unknown codes count against the address, like failed joins (SPEC S-6). */
  joinFailures: FailureLimiter;
  /** Every import counts against the address (SPEC H-4). */
  imports: FailureLimiter;
  renderer: Renderer;
  trustProxy: boolean;
  log: (error: unknown) => void;
}

function problem(code: ErrorCode, details?: { path: string; message: string }[]) {
  return { code, message: ERROR_CODES[code], ...(details ? { details } : {}) };
}

const MAX_DETAILS = 20;

/** The facilitator secret, from "Authorization: Bearer <secret>" (never from the URL: it would reach logs). */
function bearer(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return match ? match[1]! : null;
}

export function apiRouter(deps: HttpDeps): express.Router {
  const router = express.Router();
  const address = (req: express.Request) => clientAddress(req.headers, req.socket.remoteAddress, deps.trustProxy);

  // H-4: an exported workshop file; the only route with a large body.
  router.post('/workshops/import', (req, res, next) => {
    const from = address(req);
    if (deps.imports.blocked(from)) {
      res.status(429).json(problem('RATE_LIMITED'));
      return;
    }
    deps.imports.fail(from);
    next();
  });
  router.post('/workshops/import', express.json({ limit: IMPORT_LIMITS.bytes }), async (req, res) => {
    const file = workshopFileSchema.parse(req.body);
    res.status(201).json(await importWorkshop(deps.store, fromWorkshopFile(file), deps.now()));
  });

  router.use(express.json({ limit: '32kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', protocolVersion: PROTOCOL_VERSION });
  });

  router.post('/workshops', async (req, res) => {
    const request = createWorkshopSchema.parse(req.body ?? {});
    const config = workshopFromTemplate(request.template, request.title, request.date);
    res.status(201).json(await createWorkshop(deps.store, config, deps.now()));
  });

  // H-5: exports, for the facilitator only (SPEC X-1 … X-4).
  router.get('/workshops/:id/export/:file', async (req, res) => {
    const from = address(req);
    if (deps.joinFailures.blocked(from)) {
      res.status(429).json(problem('RATE_LIMITED'));
      return;
    }
    const file = req.params.file as ExportFile;
    if (!EXPORT_FILES.includes(file)) {
      res.status(404).json(problem('NOT_FOUND', [{ path: 'file', message: `one of ${EXPORT_FILES.join(', ')}` }]));
      return;
    }
    const variant = req.query.variant === undefined ? 'standard' : req.query.variant;
    if (variant !== 'standard' && variant !== 'excel-de') {
      res.status(400).json(problem('BAD_REQUEST', [{ path: 'variant', message: 'standard or excel-de' }]));
      return;
    }
    const id = idSchema.safeParse(req.params.id);
    const room = id.success ? await deps.rooms.get(id.data) : undefined;
    const secret = bearer(req.headers.authorization);
    if (!room || !secret || !room.verifyFacilitator(secret)) {
      deps.joinFailures.fail(from);
      res.status(room ? 401 : 404).json(problem(room ? 'UNAUTHORISED' : 'NOT_FOUND'));
      return;
    }
    const exported = await exportFile(room, file, variant, deps.now(), deps.renderer);
    res.set({
      'Content-Type': exported.contentType,
      'Content-Disposition': `attachment; filename="${exported.filename}"`,
      'Cache-Control': 'no-store',
    });
    res.send(exported.body);
  });

  router.get('/workshops/:code', async (req, res) => {
    const info = await publicInfo(deps, req, req.params.code);
    if (info === 'RATE_LIMITED') res.status(429).json(problem('RATE_LIMITED'));
    else if (info === 'NOT_FOUND') res.status(404).json(problem('NOT_FOUND'));
    else res.json(info);
  });

  router.use((_req, res) => {
    res.status(404).json(problem('NOT_FOUND'));
  });

  const errors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    if (error instanceof ZodError) {
      // A broken file can have thousands of issues; the first ones tell what is wrong.
      const details = error.issues.slice(0, MAX_DETAILS).map((i) => ({ path: i.path.join('.'), message: i.message }));
      if (error.issues.length > MAX_DETAILS) details.push({ path: '', message: `… and ${error.issues.length - MAX_DETAILS} more` });
      res.status(400).json(problem('BAD_REQUEST', details));
    } else if (typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.parse.failed') {
      res.status(400).json(problem('BAD_REQUEST', [{ path: '', message: 'body is not valid JSON' }]));
    } else if (typeof error === 'object' && error !== null && 'status' in error && error.status === 413) {
      res.status(413).json(problem('BAD_REQUEST', [{ path: '', message: 'body too large' }]));
    } else {
      deps.log(error);
      res.status(500).json(problem('INTERNAL'));
    }
  };
  router.use(errors);
  return router;
}

/**
 * What a tablet shows before joining (SPEC H-2). An unknown code counts against
 * the address like a failed join (S-6), however it is asked for.
 */
async function publicInfo(deps: HttpDeps, req: Request, rawCode: string): Promise<PublicWorkshopInfo | 'RATE_LIMITED' | 'NOT_FOUND'> {
  const address = clientAddress(req.headers, req.socket.remoteAddress, deps.trustProxy);
  if (deps.joinFailures.blocked(address)) return 'RATE_LIMITED';
  const code = joinCodeSchema.safeParse(rawCode);
  const room = code.success ? await deps.rooms.byCode(code.data) : undefined;
  if (!room) {
    deps.joinFailures.fail(address);
    return 'NOT_FOUND';
  }
  const { config } = room;
  return {
    code: room.code,
    title: config.title,
    date: config.date,
    phase: room.phase,
    organisations: config.organisations.map(({ id, name }) => ({ id, name })),
    protocolVersion: PROTOCOL_VERSION,
  };
}

/**
 * The built client, with the single-page routes (/join/…, /moderation/…,
 * /projector/…) answered by index.html. A /join/<code> page carries the
 * workshop's public info as a JSON data block (not a script: the CSP allows no
 * inline scripts, and none is needed), so that the tablet shows the workshop
 * in its first render instead of asking for it after the JavaScript has run.
 */
export function clientRoutes(app: Express, clientDir: string, deps: HttpDeps): void {
  app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
  app.use(async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
    // The raw path segment, normalised as the tablet normalises it (main.tsx): both then name the same code.
    const segment = /^\/join\/([^/]+)\/?$/.exec(req.path)?.[1];
    const page = segment === undefined ? null : await joinPage(deps, req, clientDir, segment.toUpperCase().replace(/[^A-Z0-9]/g, '')).catch(() => null);
    if (page === null) {
      // Any other page, or a join page that cannot carry the workshop: the plain page, which asks for it.
      res.sendFile('index.html', { root: clientDir }, (error) => error && next());
      return;
    }
    // Not kept by the browser, not even for "back": the phase and the title may have changed.
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.send(page);
  });
}

const ROOT = '<div id="root"></div>';

/** index.html (read afresh: a redeployed client is served at once) with the answer for `code` after the root element. */
async function joinPage(deps: HttpDeps, req: Request, clientDir: string, code: string): Promise<string | null> {
  const html = await readFile(join(clientDir, 'index.html'), 'utf8');
  const at = html.indexOf(ROOT);
  if (at < 0) return null;
  const info = await publicInfo(deps, req, code);
  // The answer /api/workshops/<code> would give, refusals included: the tablet does not ask again.
  const result = typeof info === 'string' ? { ok: false, code: info } : { ok: true, data: info };
  // "<" escaped, so that no text in it can end the data block; spliced, not replaced, so that no "$" in it is a pattern.
  const data = JSON.stringify({ code, result }).replace(/</g, '\\u003c');
  const end = at + ROOT.length;
  return `${html.slice(0, end)}<script type="application/json" id="${EMBEDDED_INFO_ID}">${data}</script>${html.slice(end)}`;
}
