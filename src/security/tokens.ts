// Random tokens, their stored digests and constant-time comparison (SEC-01, STYLE 6).
import { createHash, randomBytes } from 'node:crypto';
import type { TokenKit } from '../core/accounts/ports.ts';
import { safeEqual } from '../core/tokens/constant-time.ts';

export const DEFAULT_TOKEN_BYTES = 32;

export function randomToken(bytes: number = DEFAULT_TOKEN_BYTES): string {
  return randomBytes(bytes).toString('base64url');
}

/** Hex SHA-256. Tokens carry 256 bits of entropy, so an unsalted fast hash is the right tool here. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The one constant-time comparison (lengths may leak, contents not): src/core/tokens/constant-time.ts. */
export { safeEqual };

export function createTokenKit(): TokenKit {
  return { randomToken, digest: sha256Hex, equals: safeEqual };
}
