// Identifiers of the high-volume rows (contacts, consent events, outbox mail, jobs, import
// contacts): UUID version 7 (RFC 9562 §5.7) — 48 bits of Unix milliseconds, then 74 random
// bits. New rows sort after old ones, so primary-key and foreign-key index inserts append at
// the right edge of the B-tree instead of dirtying a random page each (SQLite and PostgreSQL
// alike); the random part keeps them unguessable like version 4.
// The time comes from the Clock passed in (never Date.now()), so a test's manual clock orders ids
// as it orders every other time.
import { randomUUID } from 'node:crypto';
import type { Clock } from './ports.ts';

/** A new UUIDv7 as text ('0193f2c4-5b1e-7xxx-yxxx-xxxxxxxxxxxx'), stamped with the clock's time. */
export function newId(clock: Clock): string {
  return uuidV7At(clock.now().getTime());
}

/** A UUIDv7 for the given Unix time in milliseconds. */
export function uuidV7At(nowMs: number): string {
  // The random bits and the variant come from a version-4 UUID (the crypto entropy cache);
  // its first 48 bits are replaced by the time and the version nibble by 7.
  const r = randomUUID();
  const t = nowMs.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(15)}`;
}
