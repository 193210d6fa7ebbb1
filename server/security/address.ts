/**
 * The address rate limits are keyed by (SPEC S-6). Behind a reverse proxy every
 * request comes from the proxy; with KONSENS_TRUST_PROXY=1 the first address
 * of X-Forwarded-For is used instead. Only set it when a proxy overwrites that header.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function clientAddress(headers: IncomingHttpHeaders, remote: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return remote ?? '';
}
