/**
 * Issue 16, SPEC H-8: Prometheus metrics on an internal port of their own —
 * clients by role, events and refusals by code, acknowledgement and commit
 * latency, the event loop — read by scraping the real server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantSession } from '../../shared/protocol.js';
import { createWorkshop, disconnectAll, facilitate, ok, opId, request, startServer, version, connect, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

/** The value of one sample line, e.g. konsens_events_total{event="answer:set"}. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('metrics (H-8)', () => {
  it('counts clients by role, events, refusals by code, acknowledgements and commits; only on the internal port', async () => {
    server = await startServer({ metricsPort: 0 });
    const address = server.app.metricsAddress()!;
    expect(address.address).toBe('127.0.0.1');
    const metricsUrl = `http://127.0.0.1:${address.port}/metrics`;
    const created = await createWorkshop(server.url);
    const { socket: facilitator } = await facilitate(server.url, created);
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const tablet = connect(server.url);
    await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: version });
    await ok(tablet, 'answer:batch', { answers: [{ opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 }] });
    await ok(tablet, 'answer:set', { opId: opId(), themeId: 'kultur', criterionId: 'potential', value: 2 });
    expect(await request(tablet, 'phase:set', { phase: 'closed' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(tablet, 'answer:set', { opId: 'x', themeId: 'bildung', criterionId: 'importance', value: 4 })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    connect(server.url); // a guest

    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'konsens_connected_clients{role="participant"}')).toBe(1);
    expect(sample(text, 'konsens_connected_clients{role="facilitator"}')).toBe(1);
    expect(sample(text, 'konsens_events_total{event="answer:batch"}')).toBe(1);
    expect(sample(text, 'konsens_events_total{event="answer:set"}')).toBe(2);
    expect(sample(text, 'konsens_events_total{event="workshop:join"}')).toBe(2);
    expect(sample(text, 'konsens_refusals_total{code="FORBIDDEN"}')).toBe(1);
    expect(sample(text, 'konsens_refusals_total{code="BAD_REQUEST"}')).toBe(1);
    // Every acknowledged event is timed; the two answers were committed (one commit each, or one for both).
    expect(sample(text, 'konsens_ack_seconds_count')).toBe(7);
    expect(sample(text, 'konsens_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^konsens_nodejs_eventloop_lag_seconds /m);
    // No person, address, token or workshop in any label.
    for (const secret of [created.code, created.workshopId, created.facilitatorSecret, 'olfen', '127.0.0.1']) expect(text).not.toContain(secret);
    // The public port does not serve them.
    expect((await fetch(`${server.url}/metrics`)).status).not.toBe(200);
  });

  it('are off unless a metrics port is configured', async () => {
    server = await startServer();
    expect(server.app.metricsAddress()).toBeNull();
  });
});
