/**
 * Which browser pages may open a Socket.IO connection or send a state-changing
 * request (SPEC V-2, AC-11). Requests without an Origin header come from
 * non-browser clients (scripts, tests); browsers always send one.
 *
 * With a configured public URL (KONSENS_PUBLIC_URL) the server's own origin is
 * that URL's origin, scheme included, and nothing the request says can widen
 * it. Without one (`npm start` in a meeting room) the own origin is the one the
 * request addressed — same scheme, same host — but only for host names that
 * reach this machine without anyone's DNS: IP addresses, localhost and the
 * machine's own name. A page under a foreign domain that resolves to this
 * server (DNS rebinding) sends its own name as Host and is refused.
 * KONSENS_ALLOWED_ORIGINS adds further origins in both cases.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { TLSSocket } from 'node:tls';

export interface OriginPolicy {
  /** The configured public URL's origin, e.g. https://konsens.kreis-coesfeld.de; null: none configured. */
  publicOrigin: string | null;
  /** Further origins allowed (KONSENS_ALLOWED_ORIGINS). */
  allowed: readonly string[];
  /** Behind a trusted reverse proxy: X-Forwarded-Proto says the scheme. */
  trustProxy: boolean;
}

const machine = hostname().toLowerCase();
const DIRECT = new Set(['localhost', machine, `${machine}.local`]);

/** Whether this host name reaches the server without a name service anyone else controls. */
function direct(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return isIP(bare) !== 0 || DIRECT.has(bare.toLowerCase());
}

function scheme(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() : '';
  if (forwarded) return `${forwarded}:`;
  return (req.socket as TLSSocket).encrypted ? 'https:' : 'http:';
}

export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (policy.allowed.includes(url.origin) || url.origin === policy.publicOrigin) return true;
  if (policy.publicOrigin) return false;
  return url.protocol === scheme(req, policy.trustProxy) && url.host === req.headers.host && direct(url.hostname);
}
