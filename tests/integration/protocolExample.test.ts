/**
 * docs/PROTOCOL.md promises that its worked example runs a whole Quick-Check
 * with nothing but socket.io-client. This runs that exact code against a real server.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_EVENTS, ERROR_CODES, PROTOCOL_VERSION } from '../../shared/protocol.js';
import { setupPathOf, startServer, type TestServer } from '../support/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('docs/PROTOCOL.md', () => {
  it('documents every client event and every error code', () => {
    const doc = readFileSync(`${root}docs/PROTOCOL.md`, 'utf8');
    for (const event of CLIENT_EVENTS) expect(doc, event).toContain(`| \`${event}\` |`);
    for (const code of Object.keys(ERROR_CODES)) expect(doc, code).toMatch(new RegExp(`\\| \`${code}\` \\| \\S`));
    expect(doc).toContain(`# Konsens protocol (version ${PROTOCOL_VERSION})`);
  });

  it('its worked example runs a Quick-Check from creation to reveal, consolidation and export', async () => {
    const doc = readFileSync(`${root}docs/PROTOCOL.md`, 'utf8');
    const block = /<!-- example:start -->\s*```js\n([\s\S]*?)```\s*<!-- example:end -->/.exec(doc);
    expect(block, 'example block in PROTOCOL.md').not.toBeNull();
    mkdirSync(`${root}tests/.artifacts`, { recursive: true });
    const file = `${root}tests/.artifacts/protocol-example.mjs`;
    writeFileSync(file, block![1]!);

    server = await startServer();
    // As a person would: the link the fresh server printed (AC-1).
    const env = { ...process.env, KONSENS_URL: server.url, KONSENS_SETUP_LINK: `${server.url}${setupPathOf(server.url)!}` };
    const { stdout } = await promisify(execFile)(process.execPath, [file], { env, timeout: 20_000 });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    for (const line of lines.slice(0, 7)) expect(line).toMatch(/^.+: Priorität (I|II|III) \(Bedeutung \d\.\d\d, Potenzial \d\.\d\d\)$/);
    // The county abstained on Kultur: one responding organisation is insufficient data, ranked last.
    expect(lines[7]).toMatch(/^Kultur: Priorität – /);
    // Consolidation and export (steps 7 and 8).
    expect(lines[8]).toBe('Entscheidung 1: Kultur – → II („Vereine und Ehrenamt“)');
    expect(lines[9]).toBe('CSV: 8 Themen, Spalten: Rang | Thema | Bedeutung: Mittelwert');
    const themes = lines.slice(0, 8).map((l) => l.split(':')[0]);
    expect(new Set(themes)).toEqual(new Set(['Verwaltung', 'Bildung', 'Mobilität', 'Tourismus', 'Wirtschaft', 'Gesundheit', 'Kultur', 'Innenstadt/Dorfmitte']));
  });
});
