import { createHash, randomBytes } from 'node:crypto';

/** SHA-256, hex: how keys and visitor identities are stored (never in clear). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A new API key and its public id. 32 random bytes make guessing hopeless, so a fast hash is the
 * right one here (no salt or slow KDF: those protect low-entropy passwords).
 */
export function newApiKey(): { key: string; id: string; hash: string } {
  const key = `pco_${randomBytes(32).toString('base64url')}`;
  return { key, id: `key_${randomBytes(6).toString('hex')}`, hash: sha256(key) };
}
