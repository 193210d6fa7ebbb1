/**
 * A /join/<code> page carries the workshop's public info (SPEC H-2) as a JSON
 * data block, so that the tablet shows the workshop in its first render: what
 * /api/workshops/<code> would answer, escaped so that no title can end the
 * block, and unknown codes counted against the address like failed joins (S-6).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicWorkshopInfo } from '../../shared/protocol.js';
import { createWorkshop, facilitate, ok, startServer, tempDir, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client directory with the built page's shape, so that this test does not need a build. */
function clientDir(): string {
  const dir = join(tempDir(), 'client');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="de"><head><title>Konsens</title></head><body><div id="root"></div></body></html>');
  return dir;
}

type Embedded = { code: string; result: { ok: true; data: PublicWorkshopInfo } | { ok: false; code: string } };

async function page(path: string): Promise<{ status: number; html: string; embedded: Embedded | null; headers: Headers }> {
  const response = await fetch(`${server!.url}${path}`);
  const html = await response.text();
  const match = /<script type="application\/json" id="workshop-info">(.*?)<\/script>/s.exec(html);
  return { status: response.status, html, embedded: match ? (JSON.parse(match[1]!) as Embedded) : null, headers: response.headers };
}

describe('the join page', () => {
  it('carries what /api/workshops/<code> answers, for the code as people type it', async () => {
    server = await startServer({ clientDir: clientDir() });
    const created = await createWorkshop(server.url);
    const api = (await (await fetch(`${server.url}/api/workshops/${created.code}`)).json()) as PublicWorkshopInfo;
    const loose = `${created.code.slice(0, 3).toLowerCase()}-${created.code.slice(3)}`;
    const { status, embedded, headers } = await page(`/join/${loose}`);
    expect(status).toBe(200);
    expect(embedded).toEqual({ code: created.code, result: { ok: true, data: api } });
    expect(api.title.length).toBeGreaterThan(0);
    // A page that names a workshop is not kept; the CSP (no inline scripts) stays.
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('escapes "<": a title cannot end the data block or add markup', async () => {
    server = await startServer({ clientDir: clientDir() });
    const created = await createWorkshop(server.url);
    const { socket } = await facilitate(server.url, created);
    const title = 'Quick-Check </script><script>alert(1)</script> <!-- & "Ü" $$ $& $` $\' 5 $';
    await ok(socket, 'workshop:update', { title });
    const { html, embedded } = await page(`/join/${created.code}`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('alert(1)</script>');
    // Every character as the facilitator typed it, "$" patterns included; the page around it unchanged.
    expect(embedded?.result).toMatchObject({ ok: true, data: { title } });
    expect(html.startsWith('<!doctype html><html lang="de"><head><title>Konsens</title></head><body><div id="root"></div><script type="application/json" id="workshop-info">')).toBe(true);
    expect(html.endsWith('</script></body></html>')).toBe(true);
  });

  it('says so for an unknown code, and counts it against the address like a failed join', async () => {
    server = await startServer({ clientDir: clientDir(), joinFailureBurst: 3, joinFailuresPerMinute: 1 });
    const created = await createWorkshop(server.url);
    for (let i = 0; i < 3; i++) {
      const { status, embedded } = await page('/join/ZZZZZZ');
      expect(status).toBe(200);
      expect(embedded).toEqual({ code: 'ZZZZZZ', result: { ok: false, code: 'NOT_FOUND' } });
    }
    // The address has used its guesses: the right code is refused too, on the page and over the API.
    expect((await page(`/join/${created.code}`)).embedded).toEqual({ code: created.code, result: { ok: false, code: 'RATE_LIMITED' } });
    expect((await fetch(`${server.url}/api/workshops/${created.code}`)).status).toBe(429);
  });

  it('reads the code from the address as the tablet does, malformed escapes included', async () => {
    server = await startServer({ clientDir: clientDir() });
    const created = await createWorkshop(server.url);
    // The tablet normalises the raw path segment (client/src/views/tablet/code.ts): "%20" is not a space to it.
    const spaced = await page(`/join/${created.code.slice(0, 3)}%20${created.code.slice(3)}`);
    expect(spaced.embedded?.code).toBe(`${created.code.slice(0, 3)}20${created.code.slice(3)}`);
    const broken = await page('/join/%E0%A4%A');
    expect(broken.status).toBe(200);
    expect(broken.embedded).toEqual({ code: 'E0A4A', result: { ok: false, code: 'NOT_FOUND' } });
  });

  it('leaves the other pages as they are', async () => {
    server = await startServer({ clientDir: clientDir() });
    for (const path of ['/', '/join', '/moderation/abc', '/projector/ABC234']) {
      const { status, embedded } = await page(path);
      expect(status, path).toBe(200);
      expect(embedded, path).toBeNull();
    }
  });
});
