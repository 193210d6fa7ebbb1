/**
 * SPEC AC-11: no state-changing request from another site. Three checks, each
 * enough against a plain cross-site form or `text/plain` POST, together
 * robust when one is missing (an old browser without Fetch Metadata):
 * 1. the body is declared JSON — a cross-site page can send JSON only after a
 *    CORS preflight, which Konsens never grants;
 * 2. a browser's `Sec-Fetch-Site` is `same-origin` (or `none`: typed by the user);
 * 3. a browser's `Origin` is the server's own or one allowed (V-2).
 * The sign-in cookie is SameSite=Lax as well, so no cross-site POST carries it.
 */
import type { RequestHandler } from 'express';
import { ERROR_CODES } from '../../shared/protocol.js';
import { originAllowed, type OriginPolicy } from '../security/origin.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseCrossSite(origins: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const site = req.headers['sec-fetch-site'];
    const json = /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
    const fromHere = site === undefined || site === 'same-origin' || site === 'none';
    if (json && fromHere && originAllowed(req, origins)) return next();
    res.status(403).json({ code: 'CROSS_SITE', message: ERROR_CODES.CROSS_SITE });
  };
}
