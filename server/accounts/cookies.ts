/**
 * The sign-in cookie (SPEC AC-4): a random token, HttpOnly (no script reads
 * it), SameSite=Lax (no cross-site POST carries it), Secure whenever the page
 * was reached over TLS, Path=/. Only its SHA-256 hash is stored.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'konsens_session';

/** The value of one cookie from a Cookie header (RFC 6265 syntax; the first occurrence wins). */
export function readCookie(headers: IncomingHttpHeaders, name: string): string | null {
  const header = headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
  }
  return null;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
