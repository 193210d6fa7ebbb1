/**
 * Flood (SPEC S-5): one participant sends answers in a tight loop while 100
 * others vote normally. The flooder is throttled within a second (and cut off
 * when it keeps going); the others are never refused. Acknowledgement latency
 * p95 of both is printed for the closing note — figures, not assertions.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, ParticipantSession } from '../../shared/protocol.js';
import { connect, createWorkshop, disconnectAll, ok, startServer, version, type TestServer } from '../support/harness.js';
import { ORGANISATION_IDS, THEME_IDS } from '../support/fixtures.js';

const NORMAL = 100;

let server: TestServer | undefined;
afterAll(async () => {
  disconnectAll();
  await server?.close();
});

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

async function participant(url: string, code: string, organisationId: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const reply = (await socket.emitWithAck('workshop:join', { role: 'participant', code, organisationId, protocolVersion: version })) as Ack<ParticipantSession>;
  if (!reply.ok) throw new Error(reply.code);
  return socket;
}

describe('flood', () => {
  it('S-5: a client in a tight loop is throttled within a second while 100 normal clients keep being served', async () => {
    server = await startServer();
    const created = await createWorkshop(server.url);
    const facilitator = connect(server.url);
    await ok(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const normal = await Promise.all(Array.from({ length: NORMAL }, (_, i) => participant(server!.url, created.code, ORGANISATION_IDS[i % 12]!)));
    const flooder = await participant(server.url, created.code, 'olfen');

    const started = performance.now();
    let firstRefusal = Infinity;
    let flooderDisconnected = Infinity;
    const flooderLatency: number[] = [];
    const flooderOutcome = { ok: 0, refused: 0 };
    flooder.on('disconnect', () => (flooderDisconnected = performance.now() - started));
    let n = 0;
    const flood = setInterval(() => {
      // 200 events per millisecond-tick: a tight loop that still lets this process read replies.
      for (let i = 0; i < 200 && flooder.connected; i++) {
        const sent = performance.now();
        flooder.emit('answer:set', { opId: `flood-op-${++n}`, themeId: 'kultur', criterionId: 'importance', value: 1 + (n % 5) }, (reply: Ack<unknown>) => {
          flooderLatency.push(performance.now() - sent);
          if (reply.ok) flooderOutcome.ok++;
          else {
            flooderOutcome.refused++;
            expect(reply.code).toBe('RATE_LIMITED');
            firstRefusal = Math.min(firstRefusal, performance.now() - started);
          }
        });
      }
    }, 1);

    // Normal people: an answer about every 100 ms each, 16 answers, for ~2 s.
    const latency: number[] = [];
    const refusedNormal: string[] = [];
    await Promise.all(
      normal.map(async (socket, person) => {
        for (let k = 0; k < 16; k++) {
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
          const sent = performance.now();
          const reply = (await socket.emitWithAck('answer:set', {
            opId: `normal-${person}-${k}`,
            themeId: THEME_IDS[k % 8]!,
            criterionId: k < 8 ? 'importance' : 'potential',
            value: 1 + ((person + k) % 5),
          })) as Ack<unknown>;
          latency.push(performance.now() - sent);
          if (!reply.ok) refusedNormal.push(reply.code);
        }
      }),
    );
    clearInterval(flood);

    expect(refusedNormal).toEqual([]);
    expect(latency).toHaveLength(NORMAL * 16);
    expect(firstRefusal).toBeLessThan(1000);
    // The flooder got no more than its bucket: 40 at once plus 20 per second.
    const seconds = (performance.now() - started) / 1000;
    expect(flooderOutcome.ok).toBeLessThanOrEqual(40 + Math.ceil(20 * seconds));
    expect(flooderDisconnected).toBeLessThan(Infinity);
    for (const s of normal) s.disconnect();
    console.log(
      `flood: flooder sent ${n} events, ${flooderOutcome.ok} accepted, ${flooderOutcome.refused} refused, first refusal after ${firstRefusal.toFixed(0)} ms, ` +
        `disconnected after ${flooderDisconnected.toFixed(0)} ms, ack p95 ${p95(flooderLatency).toFixed(1)} ms; ` +
        `${NORMAL} normal clients: ${latency.length} answers, 0 refused, ack p95 ${p95(latency).toFixed(1)} ms`,
    );
  }, 60_000);
});
