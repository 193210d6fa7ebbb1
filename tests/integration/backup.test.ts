/**
 * Issue 16: a backup of the SQLite store, taken while Konsens runs, restored
 * into a fresh data directory gives the same workshop, answers, decisions and
 * results — and the same sign-in and co-facilitation link.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FacilitatorState } from '../../shared/protocol.js';
import { backupSqlite } from '../../server/store/backup.js';
import { connect, createWorkshop, disconnectAll, facilitate, ok, opId, startServer, tempDir, version, type TestServer } from '../support/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const servers: TestServer[] = [];
afterEach(async () => {
  disconnectAll();
  for (const s of servers.splice(0)) await s.close();
});

describe('backup and restore (SQLite)', () => {
  it('a backup taken while the server runs, restored into a fresh directory, gives the same results', async () => {
    const live = await startServer();
    servers.push(live);
    const created = await createWorkshop(live.url);
    const { socket: facilitator } = await facilitate(live.url, created);
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    for (const [i, organisationId] of ['kreis', 'olfen', 'senden', 'duelmen'].entries()) {
      const tablet = connect(live.url);
      await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId, protocolVersion: version });
      const answers = ['verwaltung', 'bildung', 'kultur'].flatMap((themeId, t) => ['importance', 'potential'].map((criterionId, c) => ({ opId: opId(), themeId, criterionId, value: 1 + ((i + t + c) % 5) })));
      await ok(tablet, 'answer:batch', { answers });
    }
    for (const phase of ['closed', 'revealed', 'consolidating']) await ok(facilitator, 'phase:set', { phase });
    await ok(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'I', reason: 'Ehrenamt braucht digitale Angebote' });
    const before = (await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {})).state;

    // The backup through the command an IT department runs (the server keeps running meanwhile).
    const target = `${tempDir()}/konsens-sicherung.sqlite`;
    execFileSync(process.execPath, ['--import', 'tsx', 'server/backup.ts', target], { cwd: root, env: { ...process.env, KONSENS_DATA_DIR: live.dataDir }, stdio: 'pipe' });
    expect(existsSync(target)).toBe(true);
    // A second backup may not overwrite the first.
    await expect(backupSqlite(live.dbFile, target)).rejects.toThrow(/exists/);

    // Restore: the copy as konsens.sqlite of a fresh data directory, a server started on it.
    const dir = tempDir();
    copyFileSync(target, `${dir}/konsens.sqlite`);
    const restored = await startServer({}, dir);
    servers.push(restored);
    const { socket } = await facilitate(restored.url, created);
    const after = (await ok<{ state: FacilitatorState }>(socket, 'state:get', {})).state;
    expect(after.results).toEqual(before.results);
    expect(after.progress).toEqual(before.progress);
    expect(after.consolidation).toEqual(before.consolidation);
    expect(after.workshop).toEqual(before.workshop);
  });
});
