import crypto from 'node:crypto';

/** scrypt with a per-user random salt; the password itself is never stored or logged. */
const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1 } as const;

export function hashPassword(password: string): { salt: string; hash: string } {
  const salt = crypto.randomBytes(16).toString('base64');
  return { salt, hash: crypto.scryptSync(password, salt, KEY_LENGTH, PARAMS).toString('base64') };
}

export function passwordMatches(password: string, salt: string, hash: string): boolean {
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password, salt, KEY_LENGTH, PARAMS);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
