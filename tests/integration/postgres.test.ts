/**
 * Issue 16: Konsens on PostgreSQL (DATABASE_URL) through the real server and
 * real sockets — a Quick-Check with consolidation, an import through the
 * import worker's own connection, a restart on the same database, and a
 * backup with pg_dump restored with pg_restore into a fresh database that
 * gives the same results. The PostgreSQL cluster is started by the test.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshop, FacilitatorState } from '../../shared/protocol.js';
import { storeLocation } from '../../server/store/open.js';
import { connect, createWorkshop, disconnectAll, facilitate, importFile, ok, opId, startServer, tempDir, version, withLink, type TestServer, type TestWorkshop } from '../support/harness.js';
import { startPostgres, type Postgres } from '../support/postgres.js';

let cluster: Postgres;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster.stop();
});

const servers: TestServer[] = [];
afterEach(async () => {
  disconnectAll();
  for (const s of servers.splice(0)) await s.close();
});

async function start(databaseUrl: string): Promise<TestServer> {
  const server = await startServer({}, tempDir(), { databaseUrl });
  servers.push(server);
  return server;
}

async function stateOf(url: string, created: TestWorkshop): Promise<FacilitatorState> {
  const { socket } = await facilitate(url, created);
  const { state } = await ok<{ state: FacilitatorState }>(socket, 'state:get', {});
  socket.disconnect();
  return state;
}

/** Four organisations rate three themes; the facilitator reveals and moves one theme with a reason. */
async function runQuickCheck(url: string): Promise<TestWorkshop> {
  const created = await createWorkshop(url);
  const { socket: facilitator } = await facilitate(url, created);
  await ok(facilitator, 'phase:set', { phase: 'scoring' });
  for (const [i, organisationId] of ['kreis', 'olfen', 'senden', 'duelmen'].entries()) {
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId, displayName: `Vertretung ${i}`, protocolVersion: version });
    const answers = ['verwaltung', 'bildung', 'kultur'].flatMap((themeId, t) => ['importance', 'potential'].map((criterionId, c) => ({ opId: opId(), themeId, criterionId, value: 1 + ((i + t + c) % 5) })));
    await ok(tablet, 'answer:batch', { answers });
    // A changed mind: the later answer wins, in the database as on the screen.
    await ok(tablet, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 1 });
  }
  for (const phase of ['closed', 'revealed', 'consolidating']) await ok(facilitator, 'phase:set', { phase });
  await ok(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'I', reason: 'Ehrenamt braucht digitale Angebote' });
  facilitator.disconnect();
  return created;
}

describe('PostgreSQL store through the real server', () => {
  it('DATABASE_URL chooses PostgreSQL; without it the SQLite file under the data directory', () => {
    expect(storeLocation({ DATABASE_URL: 'postgres://konsens:geheim@db:5432/konsens' }, '/srv/konsens')).toEqual({ kind: 'postgres', url: 'postgres://konsens:geheim@db:5432/konsens' });
    expect(storeLocation({}, '/srv/konsens')).toEqual({ kind: 'sqlite', file: '/srv/konsens/konsens.sqlite' });
    expect(() => storeLocation({ DATABASE_URL: 'mysql://db/konsens' }, '/srv')).toThrow(/PostgreSQL/);
  });

  it('runs a Quick-Check, imports through the worker, survives a restart, and a pg_dump restored into a fresh database gives the same results', async () => {
    const url = await cluster.createDatabase();
    let server = await start(url);
    const created = await runQuickCheck(server.url);
    const before = await stateOf(server.url, created);
    expect(before.results.themes.find((t) => t.themeId === 'bildung')?.criteria[0]).toMatchObject({ nPersons: 4, min: 1, max: 1, mean: 1 });
    expect(before.consolidation?.themes.find((t) => t.themeId === 'kultur')?.tier).toBe('I');

    // An import goes through the import worker's own PostgreSQL connection (H-4).
    const exported = await fetch(`${server.url}/api/workshops/${created.workshopId}/export/workshop.json`, { headers: { authorization: `Bearer ${created.facilitatorSecret}` } });
    expect(exported.status).toBe(200);
    const imported = await importFile(server.url, await exported.text());
    expect(imported.status).toBe(201);
    const copy = await withLink(server.url, (await imported.json()) as CreatedWorkshop);
    expect((await stateOf(server.url, copy)).results).toEqual(before.results);

    // A restart on the same database: everything as it was.
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    server = await start(url);
    const restarted = await stateOf(server.url, await withLink(server.url, created));
    expect(restarted.results).toEqual(before.results);
    expect(restarted.consolidation).toEqual(before.consolidation);

    // Backup and restore as README "Running several nodes" says: pg_dump while Konsens runs, pg_restore into a new database.
    const dump = `${tempDir()}/konsens.dump`;
    execFileSync(cluster.bin('pg_dump'), ['--format=custom', `--file=${dump}`, url]);
    const fresh = await cluster.createDatabase();
    execFileSync(cluster.bin('pg_restore'), ['--no-owner', `--dbname=${fresh}`, dump]);
    const restored = await start(fresh);
    const after = await stateOf(restored.url, await withLink(restored.url, created));
    expect(after.results).toEqual(before.results);
    expect(after.progress).toEqual(before.progress);
    expect(after.consolidation).toEqual(before.consolidation);
    expect(after.workshop).toEqual(before.workshop);
  });
});
