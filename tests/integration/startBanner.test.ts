/**
 * The start banner (issue 16): every address it prints accepts connections.
 * The real server process, bound to the loopback address as `HOST=127.0.0.1`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bannerAddresses } from '../../server/banner.js';
import { tempDir } from '../support/harness.js';
import { spawnServer, type ServerProcess } from '../support/process.js';

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.kill();
  server = undefined;
});

describe('start banner', () => {
  it('with HOST=127.0.0.1 it prints only addresses that answer, and says the server is reachable from this machine only', async () => {
    server = await spawnServer(tempDir());
    const urls = [...server.banner.matchAll(/http:\/\/[^\s/]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of new Set(urls)) expect((await fetch(`${url}/api/health`)).status, url).toBe(200);
    expect(server.banner).toContain('nur auf diesem Rechner erreichbar');
    expect(server.banner).not.toContain('im Netzwerk');
  });

  it('lists the network addresses only when bound to every interface; a specific address and the public URL as they are', () => {
    expect(bannerAddresses(undefined, 3000, null).lines[0]).toBe('Konsens läuft: http://localhost:3000');
    expect(bannerAddresses('0.0.0.0', 3000, null).lines.slice(1).every((line) => line.startsWith('  im Netzwerk: http://'))).toBe(true);
    expect(bannerAddresses('192.168.10.5', 8080, null)).toEqual({ lines: ['Konsens läuft: http://192.168.10.5:8080'], base: 'http://192.168.10.5:8080' });
    expect(bannerAddresses('fd00::5', 8080, 'https://konsens.kreis-coesfeld.de')).toEqual({
      lines: ['Konsens läuft: http://[fd00::5]:8080', '  öffentliche Adresse (Links und QR-Codes): https://konsens.kreis-coesfeld.de'],
      base: 'http://[fd00::5]:8080',
    });
  });
});
