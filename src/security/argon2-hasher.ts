// SEC-01: passwords hashed with argon2id. Parameters follow the OWASP Password Storage Cheat Sheet
// (argon2id, m=19 MiB, t=2, p=1); the hash string records them, so raising them later still
// verifies old hashes.
import argon2 from 'argon2';
import type { PasswordHasher } from '../core/accounts/ports.ts';

export const ARGON2_MEMORY_KIB = 19 * 1024;
export const ARGON2_TIME_COST = 2;
export const ARGON2_PARALLELISM = 1;

export function createArgon2Hasher(): PasswordHasher {
  return {
    hash: (password) =>
      argon2.hash(password, {
        type: argon2.argon2id,
        memoryCost: ARGON2_MEMORY_KIB,
        timeCost: ARGON2_TIME_COST,
        parallelism: ARGON2_PARALLELISM,
      }),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        // A malformed stored hash is a failed sign-in, not a server error.
        return false;
      }
    },
  };
}
