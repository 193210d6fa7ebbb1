/**
 * The start banner's addresses: where people reach the server, as it listens.
 * Bound to every interface: this machine and each of its network addresses;
 * bound to one address: that one only — a loopback address reaches nobody
 * else, and the banner says so instead of printing addresses that refuse.
 */
import { networkInterfaces } from 'node:os';

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);
const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

/** The banner's address lines, and the base URL for links printed after them (the setup link). */
export function bannerAddresses(host: string | undefined, port: number, publicUrl: string | null): { lines: string[]; base: string } {
  const bound = (host ?? '').trim();
  const lines: string[] = [];
  let base = `http://localhost:${port}`;
  if (ALL_INTERFACES.has(bound)) {
    lines.push(`Konsens läuft: ${base}`);
    for (const ip of lanAddresses()) lines.push(`  im Netzwerk: http://${ip}:${port}`);
  } else if (LOOPBACK.has(bound)) {
    lines.push(`Konsens läuft: ${base}`, '  nur auf diesem Rechner erreichbar (HOST ist eine Loopback-Adresse)');
  } else {
    base = `http://${bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound}:${port}`;
    lines.push(`Konsens läuft: ${base}`);
  }
  if (publicUrl) lines.push(`  öffentliche Adresse (Links und QR-Codes): ${publicUrl}`);
  return { lines, base };
}
