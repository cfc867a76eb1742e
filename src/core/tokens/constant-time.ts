// The one place where secrets, tokens, signatures, HMACs and digests are compared (SEC-02);
// eslint.config.js forbids === on such values anywhere else, and timingSafeEqual outside this file.
//   safeEqual           secrets and anything derived from them: constant time (timingSafeEqual).
//   equalPublicDigest   public integrity digests (the consent ledger's chain, proof bundles):
//                       values the verifier computed from data it holds, where there is no
//                       guess to time; plain equality, because verification reads millions.
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

/** Equality of two public digests (hex or base64 text). Never for a secret: use safeEqual. */
export function equalPublicDigest(a: string, b: string): boolean {
  return a === b;
}
