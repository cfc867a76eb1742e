// Helpers for writing one migration that runs on both engines.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Engine } from '../database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function engineOf(db: AnyDb): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Conventions, the same on both engines:
 * - ids are text (UUIDs); times are text ISO-8601 UTC ('2026-11-22T14:49:51.123Z'), which sort
 *   correctly as strings; booleans are integer 0/1; JSON is text, validated with zod when read.
 * - an auto-increment sequence column (for append-only ledgers) is `bigserial` on PostgreSQL and
 *   `integer primary key autoincrement` on SQLite: use `seqColumn`.
 */
export function seqType(db: AnyDb) {
  return engineOf(db) === 'postgres' ? sql`bigserial` : sql`integer`;
}

export { sql };
