/** HTTP routes for strategy processes (SPEC PR-1 … PR-8, docs/PROTOCOL.md "Processes"); signed-in facilitators only. */
import express from 'express';
import { addFacilitatorSchema, createProcessSchema, createStepSchema, processPatchSchema } from '../../shared/process.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { idSchema } from '../../shared/schemas.js';
import { requireSignIn, signedIn } from '../accounts/http.js';
import type { AccountService } from '../accounts/service.js';
import type { ProcessService } from './service.js';

export function processRouter(accounts: AccountService, processes: ProcessService): express.Router {
  const router = express.Router();
  router.use('/processes', requireSignIn(accounts));
  const me = (res: express.Response) => signedIn(res).account;

  router.get('/processes', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await processes.list(me(res)));
  });

  router.post('/processes', async (req, res) => {
    const { title, template } = createProcessSchema.parse(req.body);
    const process = await processes.create(me(res), title, workshopFromTemplate(template).organisations);
    res.status(201).json(await processes.view(me(res), process.id));
  });

  router.get('/processes/:id', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await processes.view(me(res), idSchema.parse(req.params.id)));
  });

  router.patch('/processes/:id', async (req, res) => {
    res.json(await processes.update(me(res), idSchema.parse(req.params.id), processPatchSchema.parse(req.body)));
  });

  router.delete('/processes/:id', async (req, res) => {
    await processes.remove(me(res), idSchema.parse(req.params.id));
    res.status(204).end();
  });

  router.post('/processes/:id/facilitators', async (req, res) => {
    const { email } = addFacilitatorSchema.parse(req.body);
    res.json(await processes.addFacilitator(me(res), idSchema.parse(req.params.id), email));
  });

  router.delete('/processes/:id/facilitators/:accountId', async (req, res) => {
    res.json(await processes.removeFacilitator(me(res), idSchema.parse(req.params.id), idSchema.parse(req.params.accountId)));
  });

  router.post('/processes/:id/steps', async (req, res) => {
    res.status(201).json(await processes.addStep(me(res), idSchema.parse(req.params.id), createStepSchema.parse(req.body)));
  });

  router.get('/processes/:id/tiers', async (req, res) => {
    const workshopId = req.query.workshop === undefined ? undefined : idSchema.parse(req.query.workshop);
    res.set('Cache-Control', 'no-store').json(await processes.decidedTiers(me(res), idSchema.parse(req.params.id), workshopId));
  });

  router.get('/processes/:id/deep-dives', async (req, res) => {
    const workshopId = req.query.workshop === undefined ? undefined : idSchema.parse(req.query.workshop);
    res.set('Cache-Control', 'no-store').json(await processes.deepDives(me(res), idSchema.parse(req.params.id), workshopId));
  });

  router.get('/processes/:id/comparison', async (req, res) => {
    const earlier = idSchema.parse(req.query.from);
    const later = idSchema.parse(req.query.to);
    res.set('Cache-Control', 'no-store').json(await processes.comparison(me(res), idSchema.parse(req.params.id), earlier, later));
  });

  return router;
}
