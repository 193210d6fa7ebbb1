/**
 * Which browser pages may open a Socket.IO connection (SPEC V-2): the server's
 * own origin, plus any listed in KONSENS_ALLOWED_ORIGINS. Requests without an
 * Origin header come from non-browser clients (scripts, tests); browsers always
 * send one, so a foreign page cannot ride on a participant's browser.
 */
import type { IncomingMessage } from 'node:http';

export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.includes(url.origin)) return true;
  return url.host === req.headers.host;
}
