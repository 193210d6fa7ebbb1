/** HTTP API: create or import a workshop, read its public info, export it, health (SPEC H-1 … H-5). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Express, type Request } from 'express';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { IMPORT_LIMITS } from '../../shared/exchange.js';
import {
  EMBEDDED_INFO_ID,
  EXPORT_FILES,
  PROTOCOL_VERSION,
  SELECTION_EXPORT_FILES,
  type CoFacilitationLink,
  type ExportFile,
  type PublicWorkshopInfo,
  type SelectionExportFile,
} from '../../shared/protocol.js';
import { createWorkshopSchema, idSchema, joinCodeSchema } from '../../shared/schemas.js';
import { exportFile, exportSelectionFile } from '../export/index.js';
import type { Renderer } from '../export/renderer.js';
import type { Importer } from '../imports/importer.js';
import { authRouter, requireSignIn, signedIn, signedInOf, type AuthHttpDeps } from '../accounts/http.js';
import type { AccountService } from '../accounts/service.js';
import { KonsensError } from '../errors.js';
import { mayFacilitateWorkshop } from '../processes/access.js';
import { processRouter } from '../processes/http.js';
import type { ProcessService } from '../processes/service.js';
import type { LiveRoom } from '../rooms/liveRoom.js';
import { Room } from '../rooms/room.js';
import { SelectionRoom } from '../activities/selection/room.js';
import type { AccountRecord } from '../store/accountStore.js';
import { refuseCrossSite } from './csrf.js';
import type { OriginPolicy } from '../security/origin.js';
import { errorHandler, sendProblem } from './problem.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { WorkshopStore } from '../store/types.js';
import type { AttemptLimiter } from '../security/rateLimit.js';
import { clientAddress } from '../security/address.js';

export interface HttpDeps {
  store: WorkshopStore;
  rooms: RoomRegistry;
  now: () => number;
  accounts: AccountService;
  processes: ProcessService;
  /** Unknown codes count against the address, like failed joins (SPEC S-6). */
  joinFailures: AttemptLimiter;
  /** Every import counts against the address (SPEC H-4). */
  imports: AttemptLimiter;
  renderer: Renderer;
  importer: Importer;
  /** H-7: why this node should get no work now, or null. */
  unavailable: () => Promise<string | null>;
  trustProxy: boolean;
  /** AC-11: further origins allowed (V-2). */
  origins: OriginPolicy;
  /** Closes the connections of a co-facilitation link that was renewed or revoked (AC-8). */
  onLinkChanged: (workshopId: string) => void;
  auth: Omit<AuthHttpDeps, 'accounts' | 'trustProxy'>;
  log: (error: unknown) => void;
}

/** The co-facilitation link's secret, from "Authorization: Bearer <secret>" (never from the URL: it would reach logs). */
function bearer(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return match ? match[1]! : null;
}

export function apiRouter(deps: HttpDeps): express.Router {
  const router = express.Router();
  const address = (req: express.Request) => clientAddress(req.headers, req.socket.remoteAddress, deps.trustProxy);
  // AC-11: before any body is read.
  router.use(refuseCrossSite(deps.origins));

  // H-4, AC-7: an exported workshop file, by a signed-in facilitator; the only route with a large body.
  router.post('/workshops/import', requireSignIn(deps.accounts), async (req, res, next) => {
    const from = address(req);
    if (await deps.imports.blocked(from)) return sendProblem(res, 'RATE_LIMITED');
    await deps.imports.fail(from);
    next();
  });
  // The bytes as they come, chunk by chunk: gathering, parsing, checking and storing happen on the import worker (H-4).
  router.post('/workshops/import', async (req, res) => {
    const { id, file } = await deps.importer.check(req, IMPORT_LIMITS.bytes);
    try {
      const process = await deps.processes.create(signedIn(res).account, file.title, file.organisations);
      res.status(201).json(await deps.importer.store(id, { processId: process.id, kind: 'quickcheck', position: 1 }, deps.now()));
    } catch (error) {
      deps.importer.drop(id);
      throw error;
    }
  });

  router.use(express.json({ limit: '32kb' }));

  // H-3: liveness — the process runs and answers.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', protocolVersion: PROTOCOL_VERSION });
  });

  // H-7: readiness — this node takes work: its database answers, its writer runs, it is not draining.
  router.get('/ready', async (_req, res) => {
    const reason = await deps.unavailable();
    res.set('Cache-Control', 'no-store');
    if (reason) res.status(503).json({ status: 'unavailable', reason });
    else res.json({ status: 'ready' });
  });

  router.use(authRouter({ accounts: deps.accounts, trustProxy: deps.trustProxy, ...deps.auth }));
  router.use(processRouter(deps.accounts, deps.processes));

  // H-1, AC-7: a single workshop (a process of one step), by a signed-in facilitator.
  router.post('/workshops', requireSignIn(deps.accounts), async (req, res) => {
    const request = createWorkshopSchema.parse(req.body ?? {});
    const config = workshopFromTemplate(request.template, request.title, request.date);
    res.status(201).json(await deps.processes.createSingleWorkshop(signedIn(res).account, config));
  });

  // AC-8: a new co-facilitation link (the old one ends), or none.
  router.post('/workshops/:id/co-facilitation-link', requireSignIn(deps.accounts), async (req, res) => {
    const room = await facilitatedRoom(deps, signedIn(res).account, String(req.params.id));
    const secret = (await deps.rooms.onOwner(room.id, { name: 'link', enabled: true })) as string;
    deps.onLinkChanged(room.id);
    const link: CoFacilitationLink = { secret, path: `/moderation/${room.id}#${secret}` };
    res.status(201).set('Cache-Control', 'no-store').json(link);
  });
  router.delete('/workshops/:id/co-facilitation-link', requireSignIn(deps.accounts), async (req, res) => {
    const room = await facilitatedRoom(deps, signedIn(res).account, String(req.params.id));
    await deps.rooms.onOwner(room.id, { name: 'link', enabled: false });
    deps.onLinkChanged(room.id);
    res.status(204).end();
  });

  // H-5: exports, for the workshop's facilitators (signed in, or with the co-facilitation link) (SPEC X-1 … X-4, SE-10).
  router.get('/workshops/:id/export/:file', async (req, res) => {
    const from = address(req);
    if (await deps.joinFailures.blocked(from)) return sendProblem(res, 'RATE_LIMITED');
    const file = req.params.file;
    const files: readonly string[] = [...EXPORT_FILES, ...SELECTION_EXPORT_FILES];
    if (!files.includes(file)) return sendProblem(res, 'NOT_FOUND', [{ path: 'file', message: `one of ${files.join(', ')}` }]);
    const variant = req.query.variant === undefined ? 'standard' : req.query.variant;
    if (variant !== 'standard' && variant !== 'excel-de') return sendProblem(res, 'BAD_REQUEST', [{ path: 'variant', message: 'standard or excel-de' }]);
    const id = idSchema.safeParse(req.params.id);
    // Exports are the Quick-Check's (X-1 … X-4) and the project selection's (SE-10); another activity's workshop has none.
    const found = id.success ? await deps.rooms.get(id.data) : undefined;
    const room = found instanceof Room || found instanceof SelectionRoom ? found : undefined;
    const secret = bearer(req.headers.authorization);
    const current = secret ? null : await signedInOf(req, deps.accounts);
    const allowed = room && (secret ? room.verifyFacilitator(secret) : current && (await mayFacilitateWorkshop(deps.store, current.account, room.id)));
    if (!room || !allowed) {
      if (!current) await deps.joinFailures.fail(from);
      // A signed-in facilitator of another process learns no more than that it is not theirs.
      return sendProblem(res, !room || current ? 'NOT_FOUND' : secret ? 'UNAUTHORISED' : 'NOT_SIGNED_IN');
    }
    // Each kind has its own files; which kind a workshop is, only its facilitators learn.
    const own: readonly string[] = room instanceof Room ? EXPORT_FILES : SELECTION_EXPORT_FILES;
    if (!own.includes(file)) return sendProblem(res, 'NOT_FOUND', [{ path: 'file', message: `one of ${own.join(', ')}` }]);
    const exported =
      room instanceof Room
        ? await exportFile(room, file as ExportFile, variant, deps.now(), deps.renderer)
        : await exportSelectionFile(room, file as SelectionExportFile, deps, deps.now(), deps.renderer);
    res.set({
      'Content-Type': exported.contentType,
      'Content-Disposition': `attachment; filename="${exported.filename}"`,
      'Cache-Control': 'no-store',
    });
    res.send(exported.body);
  });

  router.get('/workshops/:code', async (req, res) => {
    const info = await publicInfo(deps, req, req.params.code);
    if (info === 'RATE_LIMITED' || info === 'NOT_FOUND') sendProblem(res, info);
    else res.json(info);
  });

  router.use((_req, res) => sendProblem(res, 'NOT_FOUND'));
  router.use(errorHandler(deps.log));
  return router;
}

/** The workshop, if the account may facilitate it (AC-7); NOT_FOUND otherwise. */
async function facilitatedRoom(deps: HttpDeps, account: AccountRecord, rawId: string): Promise<LiveRoom> {
  const id = idSchema.safeParse(rawId);
  const room = id.success ? await deps.rooms.get(id.data) : undefined;
  if (!room || !(await mayFacilitateWorkshop(deps.store, account, room.id))) throw new KonsensError('NOT_FOUND');
  return room;
}

/**
 * What a tablet shows before joining (SPEC H-2). An unknown code counts against
 * the address like a failed join (S-6), however it is asked for.
 */
async function publicInfo(deps: HttpDeps, req: Request, rawCode: string): Promise<PublicWorkshopInfo | 'RATE_LIMITED' | 'NOT_FOUND'> {
  const address = clientAddress(req.headers, req.socket.remoteAddress, deps.trustProxy);
  if (await deps.joinFailures.blocked(address)) return 'RATE_LIMITED';
  const code = joinCodeSchema.safeParse(rawCode);
  const room = code.success ? await deps.rooms.byCode(code.data) : undefined;
  if (!room) {
    await deps.joinFailures.fail(address);
    return 'NOT_FOUND';
  }
  return {
    code: room.code,
    kind: room.kind,
    title: room.title,
    date: room.date,
    phase: room.phase as PublicWorkshopInfo['phase'],
    organisations: room.organisations.map(({ id, name }) => ({ id, name })),
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

/** The request body in memory of its own, which can be handed to a worker without a copy. */
