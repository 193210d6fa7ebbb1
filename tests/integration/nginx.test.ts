/**
 * Issue 16: Konsens behind a real nginx with the README's configuration
 * (deploy/nginx-konsens.conf): WebSocket and long-polling through the proxy,
 * pushes arriving, origins against the public URL, the client address set by
 * nginx (a client cannot choose the address its limits count against), and a
 * large import passing the body limit.
 */
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { toWorkshopFile } from '../../shared/exchange.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import type { FacilitatorState } from '../../shared/protocol.js';
import { adminCookie, connect, createWorkshop, disconnectAll, facilitate, importFile, ok, opId, recordStates, startServer, until, version, type TestServer } from '../support/harness.js';
import { freePort, startNginx, type Nginx } from '../support/nginx.js';

let server: TestServer | undefined;
let nginx: Nginx | undefined;
afterEach(async () => {
  disconnectAll();
  await nginx?.stop();
  await server?.close();
  nginx = undefined;
  server = undefined;
});

describe('behind nginx', () => {
  it('sockets (WebSocket and polling), pushes, origins, the forwarded address and a large import go through the README configuration', async () => {
    server = await startServer({ trustProxy: true, joinFailureBurst: 2, joinFailuresPerMinute: 1, importBurst: 5 });
    nginx = await startNginx(Number(new URL(server.url).port));
    expect((await fetch(`${nginx.url}/api/health`)).status).toBe(200);

    // A whole exchange over WebSocket through the proxy: the tablet answers, the console's push arrives.
    const created = await createWorkshop(nginx.url, { template: 'coesfeld' }, await adminCookie(server.url));
    const { socket: facilitator } = await facilitate(nginx.url, created);
    const states = recordStates(facilitator);
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const tablet = connect(nginx.url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: version });
    await ok(tablet, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 5 });
    await until(() => states.some((s) => (s as FacilitatorState).progress?.organisations.find((o) => o.organisationId === 'olfen')?.answered === 1), 'the push through nginx');

    // Long-polling through the proxy as well (a network that blocks WebSocket).
    const polling = io(nginx.url, { transports: ['polling'], forceNew: true, reconnection: false });
    const joined = await new Promise<{ ok: boolean }>((resolve) => polling.emit('workshop:join', { role: 'projector', code: created.code, protocolVersion: version }, resolve));
    expect(joined.ok).toBe(true);
    polling.disconnect();

    // The address is nginx's $remote_addr, whatever X-Forwarded-For the client sends: guesses from one
    // machine under changing spoofed addresses share one limit.
    const statuses: number[] = [];
    for (const spoofed of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      statuses.push((await fetch(`${nginx.url}/api/workshops/QQQQQ${spoofed.slice(-1)}`, { headers: { 'x-forwarded-for': spoofed } })).status);
    }
    expect(statuses).toEqual([404, 404, 429]);

    // A 3 MiB workshop file passes nginx's body limit (the default would be 1 MiB).
    const config = workshopFromTemplate('coesfeld');
    const participants = Array.from({ length: 2500 }, (_, i) => ({ ref: `p${i}`, organisationId: config.organisations[i % 12]!.id }));
    const answers = participants.flatMap((p) => config.themes.flatMap((t) => config.criteria.map((c) => ({ participant: p.ref, themeId: t.id, criterionId: c.id, value: 3 }))));
    const body = JSON.stringify(toWorkshopFile({ phase: 'finalised', config, finalisedAt: Date.now(), projectorView: 'overview', pseudonymOrder: [], participants, answers, decisions: [] }, false, Date.now()));
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    expect((await importFile(nginx.url, body, await adminCookie(server.url))).status).toBe(201);
  });

  it('with KONSENS_PUBLIC_URL set to the proxy, pages of that origin connect through it and others are refused', async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    server = await startServer({ trustProxy: true, publicUrl });
    nginx = await startNginx(Number(new URL(server.url).port), port);
    const handshake = async (origin: string) => (await fetch(`${nginx!.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } })).status;
    expect(await handshake(publicUrl)).toBe(200);
    expect(await handshake('http://evil.example')).toBe(403);
    // The server's own address, as a page would have it without the proxy, is not the public origin.
    expect(await handshake(server.url)).toBe(403);
  });
});
