/** HTTP API: create a workshop, read its public info, health (SPEC H-1 … H-3). */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ZodError } from 'zod';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { ERROR_CODES, PROTOCOL_VERSION, type CreatedWorkshop, type ErrorCode, type PublicWorkshopInfo } from '../../shared/protocol.js';
import { createWorkshopSchema, joinCodeSchema } from '../../shared/schemas.js';
import type { RoomRegistry } from '../rooms/registry.js';
import { hashSecret, newId, newJoinCode, newSecret } from '../security/tokens.js';
import { DuplicateCodeError, type WorkshopStore } from '../store/types.js';
import type { FailureLimiter } from '../security/rateLimit.js';
import { clientAddress } from '../security/address.js';

export interface HttpDeps {
  store: WorkshopStore;
  rooms: RoomRegistry;
  now: () => number;
  /** Unknown codes count against the address, like failed joins (SPEC S-6). */
  joinFailures: FailureLimiter;
  trustProxy: boolean;
  log: (error: unknown) => void;
}

function problem(code: ErrorCode, details?: { path: string; message: string }[]) {
  return { code, message: ERROR_CODES[code], ...(details ? { details } : {}) };
}

async function createWithFreshCode(store: WorkshopStore, build: (code: string) => Parameters<WorkshopStore['createWorkshop']>[0]) {
  for (let attempt = 0; ; attempt++) {
    const record = build(newJoinCode());
    try {
      await store.createWorkshop(record);
      return record;
    } catch (error) {
      if (!(error instanceof DuplicateCodeError) || attempt >= 10) throw error;
    }
  }
}

export function apiRouter(deps: HttpDeps): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '32kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', protocolVersion: PROTOCOL_VERSION });
  });

  router.post('/workshops', async (req, res) => {
    const request = createWorkshopSchema.parse(req.body ?? {});
    const secret = newSecret();
    const now = deps.now();
    const record = await createWithFreshCode(deps.store, (code) => ({
      id: newId(),
      code,
      secretHash: hashSecret(secret),
      config: workshopFromTemplate(request.template, request.title, request.date),
      phase: 'lobby',
      revision: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const created: CreatedWorkshop = {
      workshopId: record.id,
      code: record.code,
      facilitatorSecret: secret,
      facilitatorPath: `/moderation/${record.id}#${secret}`,
      joinPath: `/join/${record.code}`,
      projectorPath: `/projector/${record.code}`,
    };
    res.status(201).json(created);
  });

  router.get('/workshops/:code', async (req, res) => {
    const address = clientAddress(req.headers, req.socket.remoteAddress, deps.trustProxy);
    if (deps.joinFailures.blocked(address)) {
      res.status(429).json(problem('RATE_LIMITED'));
      return;
    }
    const code = joinCodeSchema.safeParse(req.params.code);
    const room = code.success ? await deps.rooms.byCode(code.data) : undefined;
    if (!room) {
      deps.joinFailures.fail(address);
      res.status(404).json(problem('NOT_FOUND'));
      return;
    }
    const { config } = room;
    const info: PublicWorkshopInfo = {
      code: room.code,
      title: config.title,
      date: config.date,
      phase: room.phase,
      organisations: config.organisations.map(({ id, name }) => ({ id, name })),
      protocolVersion: PROTOCOL_VERSION,
    };
    res.json(info);
  });

  router.use((_req, res) => {
    res.status(404).json(problem('NOT_FOUND'));
  });

  const errors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    if (error instanceof ZodError) {
      res.status(400).json(problem('BAD_REQUEST', error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
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

/** The built client, with the single-page routes (/join/…, /moderation/…, /projector/…) answered by index.html. */
export function clientRoutes(app: Express, clientDir: string): void {
  app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
    res.sendFile('index.html', { root: clientDir }, (error) => error && next());
  });
}
