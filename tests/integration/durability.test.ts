/**
 * SPEC D-1/D-3: an acknowledged answer survives the server process being killed
 * with SIGKILL; after a restart on the same data file the workshop comes back
 * with its phase and answers.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { FacilitatorSession, ParticipantSession } from '../../shared/protocol.js';
import { connect, createWorkshop, disconnectAll, ok, opId, request, tempDir, until, version, type Client } from '../support/harness.js';
import { spawnServer, type ServerProcess } from '../support/process.js';

let server: ServerProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  disconnectAll();
  await server?.kill();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('durability', () => {
  it('D-1: answers acknowledged before a SIGKILL are all in the database after the restart', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    server = await spawnServer(dataDir);
    const created = await createWorkshop(server.url);
    const facilitator = connect(server.url);
    const f = await ok<FacilitatorSession>(facilitator, 'workshop:join', {
      role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version,
    });
    const { themes, criteria, organisations } = f.state.workshop.config;
    await ok(facilitator, 'phase:set', { phase: 'scoring' });

    const people: { socket: Client; session: ParticipantSession }[] = [];
    for (let i = 0; i < 24; i++) {
      const socket = connect(server.url);
      const session = await ok<ParticipantSession>(socket, 'workshop:join', {
        role: 'participant', code: created.code, organisationId: organisations[i % 12]!.id, protocolVersion: version,
      });
      people.push({ socket, session });
    }

    // Every person streams answers; the server is killed while they are in flight.
    const acknowledged = new Map<string, number | null>();
    let sent = 0;
    const streams = people.map(async ({ socket, session }, person) => {
      for (const theme of themes) {
        for (const criterion of criteria) {
          const value = (person + theme.name.length + criterion.id.length) % 6 === 0 ? null : 1 + ((person * 3 + sent) % 5);
          sent++;
          const response = await request(socket, 'answer:set', { opId: opId(), themeId: theme.id, criterionId: criterion.id, value }).catch(() => null);
          if (!response?.ok) return;
          acknowledged.set(`${session.participantId}/${theme.id}/${criterion.id}`, value);
        }
      }
    });
    await until(() => acknowledged.size >= 100, '100 acknowledged answers');
    await server.kill('SIGKILL');
    disconnectAll();
    await Promise.all(streams);
    // The kill must land mid-stream: some answers acknowledged, not all.
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(people.length * themes.length * criteria.length);

    // The database file itself holds every acknowledged answer with its value.
    const db = new Database(join(dataDir, 'konsens.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT participant_id, theme_id, criterion_id, value FROM answers').all() as {
      participant_id: string; theme_id: string; criterion_id: string; value: number | null;
    }[];
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    db.close();
    const stored = new Map(rows.map((r) => [`${r.participant_id}/${r.theme_id}/${r.criterion_id}`, r.value]));
    for (const [key, value] of acknowledged) expect(stored.get(key), key).toBe(value);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);
    expect(stored.size).toBeLessThanOrEqual(sent);

    // After a restart the workshop is back: phase, participants (by resume token) and answers.
    server = await spawnServer(dataDir);
    const again = connect(server.url);
    const restored = await ok<FacilitatorSession>(again, 'workshop:join', {
      role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version,
    });
    expect(restored.state.workshop.phase).toBe('scoring');
    expect(restored.state.progress.participants).toBe(24);
    const persons = restored.state.results.themes.flatMap((t) => t.criteria).reduce((n, c) => n + c.nPersons + c.abstentions, 0);
    expect(persons).toBe(stored.size);

    const first = people[0]!;
    const tablet = connect(server.url);
    const resumed = await ok<ParticipantSession>(tablet, 'workshop:join', {
      role: 'participant', code: created.code, resumeToken: first.session.resumeToken, protocolVersion: version,
    });
    expect(resumed.participantId).toBe(first.session.participantId);
    const mine = [...stored].filter(([key]) => key.startsWith(`${first.session.participantId}/`));
    expect(resumed.answers).toHaveLength(mine.length);
    for (const a of resumed.answers) expect(stored.get(`${resumed.participantId}/${a.themeId}/${a.criterionId}`)).toBe(a.value);
  });
});
