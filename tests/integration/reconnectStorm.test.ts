/**
 * Reconnect storm (SPEC D-2, J-2, B-4): 50 participants answer and change their
 * answers while their connections are torn down 1,000 times — also between an
 * emit and its acknowledgement — and every unacknowledged answer is replayed
 * after the reconnect, some twice. The final aggregates equal the expected
 * ones exactly, and the server's sockets and rooms return to their baseline.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, AnswerReceipt, FacilitatorState, ParticipantSession } from '../../shared/protocol.js';
import { connect, createWorkshop, disconnectAll, ok, startServer, until, version, type TestServer } from '../support/harness.js';
import { CRITERION_IDS, ORGANISATION_IDS, THEME_IDS, seededRandom } from '../support/fixtures.js';

const CLIENTS = 50;
const DISCONNECTS = 1000;

interface Op {
  opId: string;
  themeId: string;
  criterionId: string;
  value: number | null;
}

let server: TestServer | undefined;
afterAll(async () => {
  disconnectAll();
  await server?.close();
});

/** A tablet like the real client: outbox in order, rejoin with the token on every connect, resend what was not acknowledged. */
class Tablet {
  readonly socket: Socket;
  readonly outbox: Op[] = [];
  readonly final = new Map<string, number | null>();
  token: string | null = null;
  disconnects = 0;
  private joined = false;
  private sending = false;

  constructor(
    url: string,
    private readonly code: string,
    private readonly organisationId: string,
    private readonly rand: () => number,
  ) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 5, reconnectionDelayMax: 20, randomizationFactor: 0 });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => {
      this.joined = false;
    });
  }

  private async join(): Promise<void> {
    const payload = this.token
      ? { role: 'participant', code: this.code, resumeToken: this.token, protocolVersion: version }
      : { role: 'participant', code: this.code, organisationId: this.organisationId, protocolVersion: version };
    const reply = await this.ask<ParticipantSession>('workshop:join', payload);
    if (!reply?.ok) return;
    this.token = reply.data.resumeToken;
    this.joined = true;
    void this.flush();
  }

  answer(op: Op): void {
    this.outbox.push(op);
    this.final.set(`${op.themeId}/${op.criterionId}`, op.value);
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.joined && this.outbox.length > 0) {
        const op = this.outbox[0]!;
        // Sometimes the same operation goes out twice in a row (a replayed send).
        const replay = this.rand() < 0.1 ? this.ask<AnswerReceipt>('answer:set', op) : null;
        const pending = this.ask<AnswerReceipt>('answer:set', op);
        // Sometimes the connection dies right after the emit, before the acknowledgement.
        if (this.rand() < 0.15 && this.disconnects < DISCONNECTS / CLIENTS) this.cut();
        const [reply] = await Promise.all([pending, replay]);
        if (!reply) return;
        if (!reply.ok) throw new Error(`refused: ${reply.code}`);
        if (this.outbox[0] === op) this.outbox.shift();
      }
    } finally {
      this.sending = false;
    }
  }

  /** Tear the connection down under the client; socket.io-client reconnects by itself. */
  cut(): void {
    this.disconnects++;
    this.socket.io.engine.close();
  }

  private ask<T>(event: string, payload: unknown): Promise<Ack<T> | null> {
    return new Promise((resolve) => {
      if (!this.socket.connected) return resolve(null);
      const onGone = () => resolve(null);
      this.socket.once('disconnect', onGone);
      this.socket.emit(event, payload, (reply: Ack<T>) => {
        this.socket.off('disconnect', onGone);
        resolve(reply);
      });
    });
  }
}

describe('reconnect storm', () => {
  it(`D-2/J-2: ${DISCONNECTS} forced disconnects across ${CLIENTS} clients: exact aggregates, sockets and rooms back to baseline`, async () => {
    server = await startServer({ eventBurst: 10_000, eventsPerSecond: 10_000 });
    const created = await createWorkshop(server.url);
    const facilitator = connect(server.url);
    await ok(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const nsp = server.app.io.of('/');
    const baseline = { sockets: nsp.sockets.size, rooms: nsp.adapter.rooms.size };

    const rand = seededRandom(424242);
    const tablets = Array.from({ length: CLIENTS }, (_, i) => new Tablet(server!.url, created.code, ORGANISATION_IDS[i % ORGANISATION_IDS.length]!, seededRandom(1000 + i)));
    await until(() => tablets.every((t) => t.token), 'all tablets joined', 20_000);
    const joined = { sockets: nsp.sockets.size, rooms: nsp.adapter.rooms.size };
    const listeners = tablets.map((t) => t.socket.listeners('connect').length + t.socket.listeners('disconnect').length);

    // Every tablet answers every cell, then changes some answers, while connections keep dying.
    let sequence = 0;
    for (let round = 0; round < 3; round++) {
      for (const [i, tablet] of tablets.entries()) {
        for (const themeId of THEME_IDS) {
          for (const criterionId of CRITERION_IDS) {
            if (round > 0 && rand() < 0.6) continue;
            tablet.answer({ opId: `storm-${i}-${++sequence}`, themeId, criterionId, value: rand() < 0.1 ? null : 1 + Math.floor(rand() * 5) });
          }
        }
      }
      // Disconnects at random moments, from outside the send loop too.
      while (tablets.reduce((n, t) => n + t.disconnects, 0) < ((round + 1) * DISCONNECTS) / 3) {
        const tablet = tablets[Math.floor(rand() * CLIENTS)]!;
        if (tablet.socket.connected && tablet.disconnects < ((round + 1) * DISCONNECTS) / 3 / CLIENTS + 1) tablet.cut();
        await new Promise((r) => setTimeout(r, rand() * 3));
      }
    }
    const total = tablets.reduce((n, t) => n + t.disconnects, 0);
    expect(total).toBeGreaterThanOrEqual(DISCONNECTS);
    await until(() => tablets.every((t) => t.outbox.length === 0 && t.socket.connected), 'all outboxes drained', 60_000);

    // Expected aggregates, computed here: organisation value = mean of its people; group = mean over organisations.
    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    for (const [t, themeId] of THEME_IDS.entries()) {
      for (const [c, criterionId] of CRITERION_IDS.entries()) {
        const byOrganisation = new Map<string, number[]>();
        let abstentions = 0;
        tablets.forEach((tablet, i) => {
          const value = tablet.final.get(`${themeId}/${criterionId}`);
          if (value === null) abstentions++;
          else if (value !== undefined) byOrganisation.set(ORGANISATION_IDS[i % ORGANISATION_IDS.length]!, [...(byOrganisation.get(ORGANISATION_IDS[i % ORGANISATION_IDS.length]!) ?? []), value]);
        });
        const orgValues = [...byOrganisation.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
        const stats = state.results.themes[t]!.criteria[c]!;
        expect(stats.abstentions).toBe(abstentions);
        expect(stats.nPersons).toBe([...byOrganisation.values()].reduce((n, v) => n + v.length, 0));
        expect(stats.nOrganisations).toBe(orgValues.length);
        expect(stats.mean).toBeCloseTo(orgValues.reduce((a, b) => a + b, 0) / orgValues.length, 12);
      }
    }
    expect(state.progress.participants).toBe(CLIENTS);

    // Every connection was replaced, none was left behind; listeners were not multiplied by reconnects.
    expect({ sockets: nsp.sockets.size, rooms: nsp.adapter.rooms.size }).toEqual(joined);
    expect(tablets.map((t) => t.socket.listeners('connect').length + t.socket.listeners('disconnect').length)).toEqual(listeners);
    for (const t of tablets) t.socket.disconnect();
    await until(() => nsp.sockets.size === baseline.sockets, 'sockets back to baseline');
    expect({ sockets: nsp.sockets.size, rooms: nsp.adapter.rooms.size }).toEqual(baseline);
    console.log(`reconnect storm: ${total} forced disconnects across ${CLIENTS} clients; sockets ${baseline.sockets} → ${joined.sockets} → ${nsp.sockets.size}, rooms ${baseline.rooms} → ${joined.rooms} → ${nsp.adapter.rooms.size}`);
  }, 120_000);
});
