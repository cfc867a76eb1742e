// The one constant-time comparison (SEC-02): every comparison of a secret, token, signature,
// HMAC or digest goes through `safeEqual`, and this is the only file that calls
// crypto.timingSafeEqual (eslint.config.js enforces both).
import { timingSafeEqual } from 'node:crypto';

/**
 * True when `a` and `b` hold the same bytes (strings as UTF-8), in time that does not depend on
 * where they differ. Lengths may leak (they are public: fixed-size digests and signatures).
 */
export function safeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const x = typeof a === 'string' ? Buffer.from(a, 'utf8') : a;
  const y = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  return x.length === y.length && timingSafeEqual(x, y);
}
