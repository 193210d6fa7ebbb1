/**
 * Secrets, tokens and join codes. Secrets and resume tokens carry 192 random
 * bits and are stored only as SHA-256 hashes: they are not passwords, so a slow
 * hash would add nothing but latency.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed on tablets. 31^6 ≈ 8.9 × 10^8 codes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function newId(): string {
  return randomUUID();
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const candidate = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
