/**
 * Strategy processes (SPEC PR-1 … PR-8): creating them, their roster and
 * facilitators, adding steps (a finalised step seeds the next), and what a
 * finalised Quick-Check hands on: decided tiers and the round comparison.
 */
import type { AccountRecord } from '../store/accountStore.js';
import { compareRounds, type RoundComparison } from '../../shared/domain/comparison.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { processSettingsSchema, type CreateStepRequest, type DecidedTiers, type PersonRef, type ProcessSummary, type ProcessView, type StepView } from '../../shared/process.js';
import { deepDiveOffers, gateRefusal, type DeepDiveOffers } from '../../shared/activities/deepdive/gate.js';
import { deepDiveConfigSchema, type DeepDiveConfig } from '../../shared/activities/deepdive/schemas.js';
import { selectionConfigSchema, SELECTION_LIMITS, type SelectionIdea } from '../../shared/activities/selection/schemas.js';
import { visionConfigSchema } from '../../shared/activities/vision/schemas.js';
import type { Tier } from '../../shared/domain/tiering.js';
import type { CreatedWorkshop } from '../../shared/protocol.js';
import { acceptedProposals } from '../../shared/activities/collection/rules.js';
import { collectionConfigSchema } from '../../shared/activities/collection/schemas.js';
import { LIMITS, type Organisation, type WorkshopConfig } from '../../shared/schemas.js';
import { createActivityStep } from '../activities/creation.js';
import { KonsensError } from '../errors.js';
import { createWorkshop } from '../rooms/creation.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { Room } from '../rooms/room.js';
import { newId } from '../security/tokens.js';
import type { ProcessRecord, StepRecord, WorkshopStore } from '../store/types.js';
import type { StepKind } from '../../shared/process.js';
import { processAccess, type ProcessAccess } from './access.js';

function stepView(step: StepRecord): StepView {
  return {
    workshopId: step.workshopId,
    kind: step.kind,
    title: step.title,
    code: step.code,
    phase: step.phase as StepView['phase'],
    position: step.position,
    finalisedAt: step.finalisedAt,
    createdAt: step.createdAt,
    theme: step.theme,
  };
}

type CreateStepInput = Omit<CreateStepRequest, 'kind'> & { kind: StepKind };

export class ProcessService {
  constructor(
    private readonly store: WorkshopStore,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number,
    /** Tell everyone in a deleted workshop and close their connections. */
    private readonly onWorkshopDeleted: (workshopId: string) => void,
  ) {}

  /** PR-1: a new process owned by the account, with a roster to start from. */
  async create(owner: AccountRecord, title: string, organisations: Organisation[]): Promise<ProcessRecord> {
    const now = this.now();
    const process: ProcessRecord = { id: newId(), title, ownerId: owner.id, organisations, settings: processSettingsSchema.parse({}), createdAt: now, updatedAt: now };
    await this.store.processes.createProcess(process);
    return process;
  }

  /** H-1: a single workshop is a process of one step (PR-1). */
  async createSingleWorkshop(owner: AccountRecord, config: WorkshopConfig): Promise<CreatedWorkshop> {
    const process = await this.create(owner, config.title, config.organisations);
    return createWorkshop(this.store, config, this.now(), { processId: process.id, kind: 'quickcheck', position: 1 });
  }

  async list(account: AccountRecord): Promise<ProcessSummary[]> {
    const processes = await this.store.processes.processesFor(account.id, account.role === 'admin');
    return Promise.all(processes.map(async (p) => ({ id: p.id, title: p.title, owner: await this.person(p.ownerId), steps: (await this.store.processes.steps(p.id)).map(stepView), updatedAt: p.updatedAt })));
  }

  /** The process if the account may see it (PR-2); NOT_FOUND otherwise, so that ids cannot be probed. */
  async open(account: AccountRecord, id: string, need: 'facilitate' | 'manage' = 'facilitate'): Promise<{ process: ProcessRecord; access: Exclude<ProcessAccess, null> }> {
    const found = await processAccess(this.store, account, id);
    if (!found || found.access === null) throw new KonsensError('NOT_FOUND');
    if (need === 'manage' && found.access !== 'manage') throw new KonsensError('FORBIDDEN');
    return { process: found.process, access: found.access };
  }

  async view(account: AccountRecord, id: string): Promise<ProcessView> {
    const { process, access } = await this.open(account, id);
    const [steps, facilitatorIds, owner] = await Promise.all([this.store.processes.steps(id), this.store.processes.facilitatorIds(id), this.person(process.ownerId)]);
    const facilitators = (await Promise.all(facilitatorIds.map((f) => this.person(f)))).filter((p): p is PersonRef => p !== null);
    return {
      id,
      title: process.title,
      owner,
      steps: steps.map(stepView),
      updatedAt: process.updatedAt,
      organisations: process.organisations,
      facilitators,
      settings: process.settings,
      mayManage: access === 'manage',
    };
  }

  /** PR-3: title and roster; the roster seeds the steps created after, and steps still in their lobby take it at once. PR-9: the deep-dive gate. */
  async update(account: AccountRecord, id: string, patch: { title?: string | undefined; organisations?: Organisation[] | undefined; deepDiveTiers?: Tier[] | undefined }): Promise<ProcessView> {
    const { process } = await this.open(account, id, 'manage');
    const { deepDiveTiers, ...rest } = patch;
    const settings = deepDiveTiers ? { settings: { ...process.settings, deepDiveTiers } } : {};
    await this.store.processes.updateProcess(id, { ...rest, ...settings, updatedAt: this.now() });
    if (patch.organisations) {
      for (const step of await this.store.processes.steps(id)) {
        if (step.phase !== 'lobby') continue;
        // A step whose participants joined for an organisation that left keeps its own list (ORGANISATION_IN_USE).
        await this.rooms.onOwner(step.workshopId, { name: 'organisations', organisations: patch.organisations }).catch((error: unknown) => {
          if (!(error instanceof KonsensError)) throw error;
        });
      }
    }
    return this.view(account, id);
  }

  async remove(account: AccountRecord, id: string): Promise<void> {
    await this.open(account, id, 'manage');
    for (const step of await this.store.processes.steps(id)) {
      await this.rooms.delete(step.workshopId);
      this.onWorkshopDeleted(step.workshopId);
    }
    await this.store.processes.deleteProcess(id);
  }

  /** PR-4: the owner adds co-facilitators by their account's e-mail address. */
  async addFacilitator(account: AccountRecord, id: string, email: string): Promise<ProcessView> {
    const { process } = await this.open(account, id, 'manage');
    const other = await this.store.accounts.accountByEmail(email);
    if (!other || other.disabledAt !== null) throw new KonsensError('NOT_FOUND', [{ path: 'email', message: 'no active account with this address' }]);
    if (other.id !== process.ownerId) await this.store.processes.addFacilitator(id, other.id);
    return this.view(account, id);
  }

  async removeFacilitator(account: AccountRecord, id: string, accountId: string): Promise<ProcessView> {
    await this.open(account, id, 'manage');
    await this.store.processes.removeFacilitator(id, accountId);
    return this.view(account, id);
  }

  /**
   * PR-5: a new step at the end, with the process's roster. A Quick-Check
   * starts without themes, or with `from` seeded by a finalised step of the
   * process: a collection's accepted themes (TC-9), or an earlier round's
   * themes, criteria, scale and rule (the next round).
   */
  async addStep(account: AccountRecord, id: string, request: CreateStepInput): Promise<CreatedWorkshop> {
    const { process } = await this.open(account, id);
    const organisations = process.organisations.map((o) => ({ ...o }));
    const position = await this.store.processes.nextPosition(id);
    const placement = { processId: id, position };
    let created: CreatedWorkshop;
    if (request.kind !== 'deepdive' && (request.themeId || request.reason)) throw new KonsensError('BAD_REQUEST', [{ path: 'themeId', message: 'only a deep-dive has a theme' }]);
    if (request.kind === 'collection') {
      if (request.from) throw new KonsensError('BAD_REQUEST', [{ path: 'from', message: 'a collection starts empty' }]);
      const config = collectionConfigSchema.parse({ title: request.title ?? `${process.title}: Themen sammeln`, organisations });
      created = await createActivityStep(this.store, 'collection', config, this.now(), placement);
    } else if (request.kind === 'vision') {
      // VI-1: the future pictures follow the themes in the gate's tiers of the latest (or named) consolidated Quick-Check.
      const decided = await this.tiersOf(await this.store.processes.steps(id), request.from, false);
      const themes = decided ? decided.themes.filter((t) => t.tier !== null && process.settings.deepDiveTiers.includes(t.tier)).map((t) => ({ themeId: t.themeId, name: t.name, tier: t.tier })) : [];
      const config = visionConfigSchema.parse({ title: request.title ?? `${process.title}: Vision`, organisations, themes });
      created = await createActivityStep(this.store, 'vision', config, this.now(), placement);
    } else if (request.kind === 'deepdive') {
      created = await this.addDeepDive(process, request, placement);
    } else if (request.kind === 'selection') {
      if (request.from) throw new KonsensError('BAD_REQUEST', [{ path: 'from', message: 'a selection takes the ideas of every finalised deep-dive' }]);
      const config = selectionConfigSchema.parse({ title: request.title ?? `${process.title}: Projektauswahl`, organisations, ideas: await this.acceptedIdeas(id) });
      created = await createActivityStep(this.store, 'selection', config, this.now(), placement);
    } else {
      const base = workshopFromTemplate('blank', request.title ?? `${process.title}: Quick-Check`);
      const config = { ...base, organisations, ...(request.from ? await this.seed(id, request.from) : {}) };
      created = await createWorkshop(this.store, config, this.now(), { ...placement, kind: 'quickcheck' });
    }
    await this.store.processes.updateProcess(id, { updatedAt: this.now() });
    return created;
  }

  /** DD-1, DD-2: a deep-dive for a theme of the decided tiers; outside the gate only with a recorded reason. */
  private async addDeepDive(process: ProcessRecord, request: CreateStepInput, placement: { processId: string; position: number }): Promise<CreatedWorkshop> {
    if (!request.themeId) throw new KonsensError('BAD_REQUEST', [{ path: 'themeId', message: 'a deep-dive needs a theme' }]);
    const { decided, offers } = await this.offersOf(process, request.from);
    const offer = offers.themes.find((t) => t.themeId === request.themeId);
    if (!offer) throw new KonsensError('UNKNOWN_THEME');
    const refusal = gateRefusal(offer, request.reason);
    if (refusal) throw new KonsensError(refusal, [{ path: 'reason', message: `the theme is in ${offer.tier ? `Priority ${offer.tier}` : 'no tier'}; deep-dives are open for ${offers.tiers.join(', ')}` }]);
    const theme = { themeId: offer.themeId, name: offer.name, tier: offer.tier, sourceWorkshopId: decided.workshopId, gateReason: offer.offered ? null : request.reason!.trim() };
    const config = deepDiveConfigSchema.parse({ title: request.title ?? `Vertiefung: ${offer.name}`, organisations: process.organisations.map((o) => ({ ...o })), theme });
    return createActivityStep(this.store, 'deepdive', config, this.now(), placement);
  }

  /** SE-1: the accepted ideas of the process's finalised deep-dives, step by step, each in the order it was accepted. */
  private async acceptedIdeas(processId: string): Promise<SelectionIdea[]> {
    const ideas: SelectionIdea[] = [];
    for (const step of await this.store.processes.steps(processId)) {
      if (step.kind !== 'deepdive' || step.phase !== 'finalised') continue;
      const room = await this.rooms.collection(step.workshopId);
      if (!room) continue;
      const theme = (room.config as DeepDiveConfig).theme;
      for (const p of acceptedProposals(room.collection)) {
        ideas.push({
          id: p.id,
          title: p.title,
          description: p.description,
          themeId: theme.themeId,
          themeName: theme.name,
          sourceWorkshopId: step.workshopId,
          leadOrganisationId: p.idea?.leadOrganisationId ?? null,
          partners: p.idea?.partners ?? '',
          cost: p.idea?.cost ?? null,
        });
      }
    }
    if (ideas.length > SELECTION_LIMITS.ideas) throw new KonsensError('BAD_REQUEST', [{ path: 'kind', message: `at most ${SELECTION_LIMITS.ideas} ideas; ${ideas.length} were accepted` }]);
    return ideas;
  }

  /** DD-1: the deep-dives the decided tiers offer, for the process page. */
  async deepDives(account: AccountRecord, id: string, workshopId?: string): Promise<DeepDiveOffers> {
    const { process } = await this.open(account, id);
    return (await this.offersOf(process, workshopId)).offers;
  }

  /** DD-1: the decided tiers and what they offer, from one read of the process's steps. */
  private async offersOf(process: ProcessRecord, workshopId: string | undefined): Promise<{ decided: DecidedTiers; offers: DeepDiveOffers }> {
    const steps = await this.store.processes.steps(process.id);
    const decided = (await this.tiersOf(steps, workshopId, true))!;
    return { decided, offers: deepDiveOffers(decided, process.settings.deepDiveTiers, steps.map(stepView)) };
  }

  /** What a finalised step hands to the next Quick-Check (PR-5, TC-9). */
  private async seed(processId: string, workshopId: string): Promise<Partial<WorkshopConfig>> {
    const step = await this.finalisedStep(processId, workshopId);
    if (step.kind === 'collection') {
      const room = await this.rooms.collection(step.workshopId);
      if (!room) throw new KonsensError('NOT_FOUND');
      const accepted = acceptedProposals(room.collection);
      if (accepted.length > LIMITS.themes) throw new KonsensError('BAD_REQUEST', [{ path: 'from', message: `at most ${LIMITS.themes} themes; ${accepted.length} were accepted` }]);
      return { themes: accepted.map((p) => ({ id: p.id, name: p.title, ...(p.description ? { description: p.description } : {}) })) };
    }
    const { themes, criteria, scale, tierRule, votingUnit, organisationNames } = (await this.loadedRoom(step.workshopId)).config;
    return { themes, criteria, scale, tierRule, votingUnit, organisationNames };
  }

  /**
   * PR-6: the decided tiers of the process's latest finalised Quick-Check (or
   * of the one named), the one interface later steps (deep-dives) build on.
   */
  async decidedTiers(account: AccountRecord, id: string, workshopId?: string): Promise<DecidedTiers> {
    await this.open(account, id);
    return (await this.tiersOf(await this.store.processes.steps(id), workshopId, true))!;
  }

  /** The decided tiers of the named finalised Quick-Check, or of the latest; undefined when there is none and none is `required`. */
  private async tiersOf(processSteps: readonly StepRecord[], workshopId: string | undefined, required: boolean): Promise<DecidedTiers | undefined> {
    const steps = processSteps.filter((s) => s.kind === 'quickcheck' && s.phase === 'finalised');
    const step = workshopId ? steps.find((s) => s.workshopId === workshopId) : steps.at(-1);
    if (!step && !required && !workshopId) return undefined;
    if (!step) throw new KonsensError('NOT_FOUND', [{ path: 'workshopId', message: 'no finalised Quick-Check in this process' }]);
    const room = await this.loadedRoom(step.workshopId);
    const names = new Map(room.config.themes.map((t) => [t.id, t.name]));
    return {
      workshopId: room.id,
      title: room.config.title,
      finalisedAt: room.meta.finalisedAt!,
      themes: room.consolidation().themes.map((t) => ({ themeId: t.themeId, name: names.get(t.themeId) ?? t.themeId, tier: t.tier })),
    };
  }

  /** PR-7: two Quick-Check rounds of the process compared (SPEC RC-1 … RC-7). */
  async comparison(account: AccountRecord, id: string, earlierId: string, laterId: string): Promise<RoundComparison> {
    await this.open(account, id);
    const steps = await this.store.processes.steps(id);
    const inProcess = (workshopId: string) => steps.some((s) => s.workshopId === workshopId && s.kind === 'quickcheck');
    if (!inProcess(earlierId) || !inProcess(laterId)) throw new KonsensError('NOT_FOUND');
    const round = async (workshopId: string) => {
      const room = await this.loadedRoom(workshopId);
      return { config: room.config, results: room.results(), consolidation: room.consolidation() };
    };
    return compareRounds(await round(earlierId), await round(laterId));
  }

  private async finalisedStep(processId: string, workshopId: string): Promise<StepRecord> {
    const step = (await this.store.processes.steps(processId)).find((s) => s.workshopId === workshopId);
    if (!step) throw new KonsensError('NOT_FOUND', [{ path: 'from', message: 'not a step of this process' }]);
    if (step.phase !== 'finalised') throw new KonsensError('WRONG_PHASE', [{ path: 'from', message: 'the step is not finalised yet' }]);
    return step;
  }

  private async loadedRoom(workshopId: string): Promise<Room> {
    const room = await this.rooms.quickCheck(workshopId);
    if (!room) throw new KonsensError('NOT_FOUND');
    return room;
  }

  private async person(accountId: string | null): Promise<PersonRef | null> {
    if (!accountId) return null;
    const a = await this.store.accounts.accountById(accountId);
    return a ? { id: a.id, name: a.name, email: a.email } : null;
  }
}
