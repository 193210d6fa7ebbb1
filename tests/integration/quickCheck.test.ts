/**
 * A whole Quick-Check over the wire: 24 participants from 12 organisations, a
 * facilitator and a projector; lobby → scoring → closed → revealed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FacilitatorSession, ParticipantSession, ProjectorSession, RoleState } from '../../shared/protocol.js';
import { connect, createWorkshop, disconnectAll, ok, opId, recordStates, startServer, until, version, type Client, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  disconnectAll();
  await server.close();
});

interface Tablet {
  socket: Client;
  session: ParticipantSession;
  states: RoleState[];
  received: string[];
}

/** Deterministic ratings: some abstentions, some changed answers. */
function rating(person: number, theme: number, criterion: number): number | null {
  const x = (person * 7 + theme * 3 + criterion * 5) % 11;
  if (x === 10) return null;
  return 1 + ((person + theme * (criterion + 2)) % 5);
}

describe('Quick-Check over Socket.IO', () => {
  it('runs lobby → scoring → closed → revealed; the projector shows what an independent computation gives', async () => {
    const created = await createWorkshop(server.url);

    const facilitator = connect(server.url);
    const facilitatorStates = recordStates(facilitator);
    const fSession = await ok<FacilitatorSession>(facilitator, 'workshop:join', {
      role: 'facilitator',
      workshopId: created.workshopId,
      secret: created.facilitatorSecret,
      protocolVersion: version,
    });
    const config = fSession.state.workshop.config;
    expect(config.organisations).toHaveLength(12);
    expect(config.themes.map((t) => t.name)).toEqual([
      'Verwaltung', 'Bildung', 'Mobilität', 'Tourismus', 'Wirtschaft', 'Gesundheit', 'Kultur', 'Innenstadt/Dorfmitte',
    ]);

    const projector = connect(server.url);
    const projectorStates = recordStates(projector);
    const pSession = await ok<ProjectorSession>(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    expect(pSession.state.results).toBeNull();

    // Two representatives per organisation; the join code is typed loosely (lower case, a dash).
    const looseCode = `${created.code.slice(0, 3).toLowerCase()}-${created.code.slice(3)}`;
    const tablets: Tablet[] = [];
    for (let i = 0; i < 24; i++) {
      const socket = connect(server.url);
      const states = recordStates(socket);
      const received: string[] = [];
      socket.onAny((event, ...args) => received.push(JSON.stringify([event, args])));
      const organisationId = config.organisations[i % 12]!.id;
      const session = await ok<ParticipantSession>(socket, 'workshop:join', {
        role: 'participant',
        code: looseCode,
        organisationId,
        displayName: i % 3 === 0 ? `Person ${i}` : undefined,
        protocolVersion: version,
      });
      expect(session.organisationId).toBe(organisationId);
      expect(session.state.results).toBeNull();
      tablets.push({ socket, session, states, received });
    }
    await until(() => facilitatorStates.at(-1)?.role === 'facilitator' && (facilitatorStates.at(-1) as { progress: { participants: number } }).progress.participants === 24, 'facilitator sees 24 participants');

    // Answering in the lobby is refused.
    const early = await tablets[0]!.socket.emitWithAck('answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3 });
    expect(early).toMatchObject({ ok: false, code: 'WRONG_PHASE' });

    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await until(() => tablets.every((t) => t.states.at(-1)?.workshop.phase === 'scoring'), 'tablets see scoring');

    // Everyone rates every theme on both criteria; every fourth person first gives a different score and then changes it.
    const expected = new Map<string, number | null>(); // person/theme/criterion → final value
    await Promise.all(
      tablets.map(async (tablet, person) => {
        for (const [t, theme] of config.themes.entries()) {
          for (const [c, criterion] of config.criteria.entries()) {
            const value = rating(person, t, c);
            if (person % 4 === 0) {
              await ok(tablet.socket, 'answer:set', { opId: opId(), themeId: theme.id, criterionId: criterion.id, value: value === 5 ? 1 : 5 });
            }
            const receipt = await ok<{ value: number | null; duplicate: boolean }>(tablet.socket, 'answer:set', {
              opId: opId(), themeId: theme.id, criterionId: criterion.id, value,
            });
            expect(receipt).toMatchObject({ value, duplicate: false });
            expected.set(`${person}/${theme.id}/${criterion.id}`, value);
          }
        }
      }),
    );

    // The facilitator sees results during scoring, the projector only progress.
    const live = await until(() => {
      const s = facilitatorStates.at(-1);
      return s?.role === 'facilitator' && s.progress.complete === 12 ? s : undefined;
    }, 'facilitator sees all organisations complete');
    expect(live.results.themes[0]!.criteria[0]!.nPersons).toBeGreaterThan(0);
    await until(() => {
      const s = projectorStates.at(-1);
      return s?.role === 'projector' && s.progress.complete === 12;
    }, 'projector sees 12 organisations complete');

    await ok(facilitator, 'phase:set', { phase: 'closed' });
    const late = await tablets[1]!.socket.emitWithAck('answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3 });
    expect(late).toMatchObject({ ok: false, code: 'WRONG_PHASE' });

    // Before the reveal nobody but the facilitator has seen a result.
    for (const state of [...projectorStates, ...tablets.flatMap((t) => t.states)]) {
      expect(state.role === 'facilitator' || state.results === null).toBe(true);
      if (state.role === 'participant') expect(state.organisation).toBeNull();
    }

    await ok(facilitator, 'phase:set', { phase: 'revealed' });
    const revealed = await until(() => {
      const s = projectorStates.at(-1);
      return s?.role === 'projector' && s.workshop.phase === 'revealed' && s.results ? s : undefined;
    }, 'projector sees the reveal');
    await until(() => tablets.every((t) => t.states.at(-1)?.results), 'tablets see the results');

    // Independent computation: organisation value = mean of its people's scores; group value = mean over organisations.
    for (const [t, theme] of config.themes.entries()) {
      const result = revealed.results!.themes[t]!;
      expect(result.themeId).toBe(theme.id);
      const means: number[] = [];
      for (const [c, criterion] of config.criteria.entries()) {
        const orgValues: number[] = [];
        let abstentions = 0;
        let persons = 0;
        for (let org = 0; org < 12; org++) {
          const scores = [org, org + 12]
            .map((person) => expected.get(`${person}/${theme.id}/${criterion.id}`))
            .filter((v): v is number => {
              if (v === null) abstentions++;
              return typeof v === 'number';
            });
          persons += scores.length;
          if (scores.length) orgValues.push(scores.reduce((a, b) => a + b, 0) / scores.length);
        }
        const mean = orgValues.reduce((a, b) => a + b, 0) / orgValues.length;
        const stats = result.criteria[c]!;
        expect(stats.nOrganisations).toBe(orgValues.length);
        expect(stats.nPersons).toBe(persons);
        expect(stats.abstentions).toBe(abstentions);
        expect(stats.mean).toBeCloseTo(mean, 10);
        expect(stats.min).toBeCloseTo(Math.min(...orgValues), 10);
        expect(stats.max).toBeCloseTo(Math.max(...orgValues), 10);
        means.push(mean);
      }
      const score = ((means[0]! - 1) / 4 + (means[1]! - 1) / 4) / 2;
      const tier = score >= 0.7 ? 'I' : score >= 0.5 ? 'II' : 'III';
      expect(result.score).toBeCloseTo(score, 10);
      expect(result.tier).toBe(tier);
    }

    // Each tablet sees its own organisation's values beside the group's (and no other organisation's).
    for (const [person, tablet] of tablets.entries()) {
      const state = tablet.states.at(-1);
      if (state?.role !== 'participant') throw new Error('tablet state expected');
      expect(state.organisation?.organisationId).toBe(tablet.session.organisationId);
      for (const [t, theme] of config.themes.entries()) {
        for (const [c, criterion] of config.criteria.entries()) {
          const org = person % 12;
          const scores = [org, org + 12].map((p) => expected.get(`${p}/${theme.id}/${criterion.id}`)).filter((v): v is number => typeof v === 'number');
          const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
          const own = state.organisation!.themes[t]!.criteria[c]!;
          if (mean === null) expect(own.mean).toBeNull();
          else expect(own.mean).toBeCloseTo(mean, 10);
        }
      }
    }

    // No participant ever received another participant's answers or identity.
    for (const [i, tablet] of tablets.entries()) {
      const everything = tablet.received.join('\n');
      for (const [j, other] of tablets.entries()) {
        if (i !== j) expect(everything).not.toContain(other.session.participantId);
      }
      expect(everything).not.toContain('"answers"');
    }
  });
});
