/**
 * Issue 16: the server's log is structured (one JSON object per line after the
 * human banner) and carries no personal data — no client address, name,
 * e-mail address, token or join code — while people sign in (wrongly too),
 * join with their names, resume, answer and the server stops.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParticipantSession } from '../../shared/protocol.js';
import { ADMIN, adminCookie, api, createWorkshop, facilitate, ok, opId, request, tempDir, version } from '../support/harness.js';
import { connectUnlessDown, spawnServer, type ServerProcess } from '../support/process.js';

const dir = tempDir();
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('structured logs without personal data', () => {
  it('after the banner every line is a JSON log record; none names a person, an address, a token or a code', async () => {
    server = await spawnServer(dir);
    const cookie = await adminCookie(server.url);
    expect((await api(server.url, '/api/auth/login', { body: { email: ADMIN.email, password: 'falsches-passwort-123' } })).status).toBe(401);
    const created = await createWorkshop(server.url, { template: 'coesfeld' }, cookie);
    const { socket: facilitator } = await facilitate(server.url, created);
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const tablet = (await connectUnlessDown(server.url))!;
    const joined = await ok<ParticipantSession>(tablet as never, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', displayName: 'Erika Mustermann', protocolVersion: version });
    await ok(tablet as never, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 });
    const guesser = (await connectUnlessDown(server.url))!;
    await request(guesser as never, 'workshop:join', { role: 'participant', code: 'ZZZZZZ', resumeToken: joined.resumeToken, protocolVersion: version });
    tablet.disconnect();
    guesser.disconnect();
    facilitator.disconnect();
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const output = server.output();
    const afterBanner = output.slice(output.indexOf('\n{'));
    const records = afterBanner
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('SIGTERM:'))
      .map((line) => JSON.parse(line) as { level: string; time: string; service: string; msg: string });
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['started', 'stopped']));
    for (const record of records) {
      expect(record.service).toBe('konsens');
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(record.level);
      expect(Number.isNaN(Date.parse(record.time))).toBe(false);
    }
    const log = afterBanner;
    for (const personal of [ADMIN.email, ADMIN.name, 'Erika Mustermann', joined.resumeToken, joined.participantId, created.code, created.facilitatorSecret, cookie.split('=')[1]!, '127.0.0.1']) {
      expect(log, personal).not.toContain(personal);
    }
  });
});
