/** A project selection ready to vote on, for the selection tests on one node and on several. */
import type { SelectionFacilitatorState, SelectionParticipantState } from '../../shared/activities/selection/views.js';
import { PROTOCOL_VERSION, type AnyRoleState, type CreatedWorkshop, type ProposalReceipt, type SelectionParticipantSession } from '../../shared/protocol.js';
import { api, connect, ok, opId as op, type Client } from './harness.js';
import { facilitatorSocket, processWithTiers } from './tiers.js';

export function recorder(socket: Client) {
  const states: AnyRoleState[] = [];
  socket.on('state:update', (s) => states.push(s));
  return states;
}

/** A finalised deep-dive on the theme whose ideas (title, cost, lead) the facilitator proposed and accepted. */
export async function deepDive(url: string, cookie: string, processId: string, themeId: string, ideas: { title: string; cost: number | null; lead?: string }[]) {
  const step = (await (await api(url, `/api/processes/${processId}/steps`, { body: { kind: 'deepdive', themeId }, cookie })).json()) as CreatedWorkshop;
  const f = facilitatorSocket(url, cookie);
  await ok(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: PROTOCOL_VERSION });
  await ok(f, 'collection:phase', { phase: 'collecting' });
  for (const idea of ideas) {
    const { proposalId } = await ok<ProposalReceipt>(f, 'proposal:submit', { opId: op(), title: idea.title, idea: { cost: idea.cost, leadOrganisationId: idea.lead ?? null } });
    await ok(f, 'proposal:decide', { opId: op(), proposalId, status: 'accepted' });
  }
  for (const phase of ['closed', 'finalised']) await ok(f, 'collection:phase', { phase });
  f.disconnect();
  return step;
}

/** A process with two finalised deep-dives (four costed ideas and one without a cost) and a selection step, its console joined. */
export async function selectionStep(url: string) {
  const { cookie, process } = await processWithTiers(url);
  await deepDive(url, cookie, process.id, 'bildung', [
    { title: 'Tablets für Grundschulen', cost: 12_000, lead: 'olfen' },
    { title: 'Lernplattform', cost: 18_000, lead: 'kreis' },
  ]);
  await deepDive(url, cookie, process.id, 'verwaltung', [
    { title: 'Online-Bauantrag', cost: 15_000 },
    { title: 'Bürgerkonto', cost: 9_000 },
    { title: 'Digitallotsen', cost: null },
  ]);
  const created = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'selection' }, cookie })).json()) as CreatedWorkshop;
  const f = facilitatorSocket(url, cookie);
  const states = recorder(f);
  const joined = await ok<{ state: SelectionFacilitatorState }>(f, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
  const last = () => states.at(-1) as SelectionFacilitatorState | undefined;
  return { cookie, process, created, f, joined, last };
}

export async function tablet(url: string, code: string, organisationId: string) {
  const socket = connect(url);
  const session = await ok<SelectionParticipantSession>(socket, 'workshop:join', { role: 'participant', code, organisationId, protocolVersion: PROTOCOL_VERSION });
  const states = recorder(socket);
  return { socket, session, last: () => states.at(-1) as SelectionParticipantState | undefined };
}

