/**
 * Issue 16, SPEC H-7: a graceful shutdown (SIGTERM) in the middle of a burst.
 * The real server process; 20 tablets keep sending batches while it is told to
 * stop. It exits with 0, every acknowledged answer is stored (read back after a
 * restart on the same data), and the tablets were disconnected by the server,
 * not left hanging.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParticipantSession } from '../../shared/protocol.js';
import { createWorkshop, facilitate, ok, tempDir, version } from '../support/harness.js';
import { connectUnlessDown, emitUnlessGone, spawnServer, type ServerProcess } from '../support/process.js';
import { CRITERION_IDS, ORGANISATION_IDS, THEME_IDS } from '../support/fixtures.js';

const dir = tempDir();
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('graceful shutdown (H-7)', () => {
  it('SIGTERM mid-burst: exit 0, every acknowledged answer stored, clients disconnected by the server', async () => {
    server = await spawnServer(dir);
    const created = await createWorkshop(server.url);
    const { socket: facilitator } = await facilitate(server.url, created);
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const tablets: { socket: Socket; participantId: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = (await connectUnlessDown(server.url))!;
      const joined = await ok<ParticipantSession>(socket as never, 'workshop:join', { role: 'participant', code: created.code, organisationId: ORGANISATION_IDS[i % 12], protocolVersion: version });
      tablets.push({ socket, participantId: joined.participantId });
    }
    const reasons: string[] = [];
    for (const { socket } of tablets) socket.on('disconnect', (reason) => reasons.push(reason));

    // Each tablet sends ballot after ballot; acknowledged opIds are noted.
    const acknowledged: { participantId: string; opId: string }[] = [];
    let sending = true;
    let round = 0;
    const senders = tablets.map(async ({ socket, participantId }, i) => {
      while (sending) {
        const r = round++;
        const answers = THEME_IDS.flatMap((themeId, t) => CRITERION_IDS.map((criterionId, c) => ({ opId: `d${r}-${i}-${t}-${c}`, themeId, criterionId, value: 1 + ((r + t + c) % 5) })));
        const reply = await emitUnlessGone<unknown>(socket, 'answer:batch', { answers });
        if (!reply) return;
        if (reply.ok) for (const a of answers) acknowledged.push({ participantId, opId: a.opId });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    sending = false;
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThan(100);
    // The server closed the connections (reason 'io server disconnect'), or they saw the transport close as it went.
    expect(reasons.length).toBe(20);
    expect(reasons.every((r) => r === 'io server disconnect' || r === 'transport close')).toBe(true);

    const db = new Database(`${dir}/konsens.sqlite`, { readonly: true });
    try {
      const stored = new Set((db.prepare('SELECT participant_id AS p, op_id AS o FROM answer_log').all() as { p: string; o: string }[]).map((row) => `${row.p}/${row.o}`));
      const missing = acknowledged.filter((a) => !stored.has(`${a.participantId}/${a.opId}`));
      expect(missing).toEqual([]);
      expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    } finally {
      db.close();
    }
    for (const { socket } of tablets) socket.disconnect();
    facilitator.disconnect();
  });
});
