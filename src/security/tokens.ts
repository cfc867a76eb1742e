// Random tokens, their stored digests and constant-time comparison (SEC-01, STYLE 6).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenKit } from '../core/accounts/ports.ts';

export const DEFAULT_TOKEN_BYTES = 32;

export function randomToken(bytes: number = DEFAULT_TOKEN_BYTES): string {
  return randomBytes(bytes).toString('base64url');
}

/** Hex SHA-256. Tokens carry 256 bits of entropy, so an unsalted fast hash is the right tool here. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ (lengths may leak, contents not). */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ba.length !== bb.length) return false;
  return timingSafeEqual(ba, bb);
}

export function createTokenKit(): TokenKit {
  return { randomToken, digest: sha256Hex, equals: safeEqual };
}
