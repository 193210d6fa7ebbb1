/**
 * Password hashing (SPEC AC-3): scrypt (RFC 7914) from Node's crypto, so no
 * native dependency: N = 2^15, r = 8, p = 1 (the OWASP cheat sheet's minimum
 * for scrypt), a 16-byte random salt, a 32-byte key. Hashing runs on libuv's
 * thread pool, never on the thread that serves sockets. The stored string
 * carries its parameters, so they can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const DEFAULT = { logN: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const { logN, r, p } = DEFAULT;
  const salt = randomBytes(16);
  const key = await derive(password, salt, logN, r, p);
  return `scrypt$${logN}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') {
    // No password (an OpenID-only account, an unknown address): spend the same time, so that
    // the answer's timing does not tell which addresses have accounts.
    await derive(password, DUMMY_SALT, DEFAULT.logN, DEFAULT.r, DEFAULT.p);
    return false;
  }
  const [, logN, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const DUMMY_SALT = randomBytes(16);
