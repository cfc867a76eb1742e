// Multi-row INSERTs for the bulk write paths (ledger appends, imports), the same SQL on both
// engines. Kysely's builder makes one frozen node per bound value — for a 5,000-row import batch
// that is hundreds of thousands of objects per statement — so these statements are written as
// text once per shape (table, columns, row count) and only the values change.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Engine } from './database.ts';
import type { DB } from './schema/index.ts';

/**
 * Bound values per statement: below SQLite's limit (32,766 since 3.32) and PostgreSQL's
 * (65,535 per Bind message).
 */
export const MAX_BOUND_VALUES = 32_000;
/** Statement texts kept per process (one per table × columns × row count × tail in use). */
const SQL_CACHE_SIZE = 200;

const texts = new Map<string, string>();

function statementText(engine: Engine, table: string, columns: readonly string[], rows: number, tail: string): string {
  const key = `${engine}\u0000${table}\u0000${columns.join(',')}\u0000${rows}\u0000${tail}`;
  let text = texts.get(key);
  if (text) return text;
  const parts: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < columns.length; c++) row.push(engine === 'postgres' ? `$${++n}` : '?');
    parts.push(`(${row.join(', ')})`);
  }
  text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${parts.join(', ')}${tail ? ` ${tail}` : ''}`;
  if (texts.size >= SQL_CACHE_SIZE) texts.delete(texts.keys().next().value as string);
  texts.set(key, text);
  return text;
}

/** Rows per statement on PostgreSQL, where the values travel as one array per column. */
export const PG_ROWS_PER_STATEMENT = 5_000;

/**
 * Inserts `rows` (each an array of values in `columns` order) into `table`. `tail` is appended
 * to each statement (an ON CONFLICT clause; our own constant text, never input). Runs on `db`,
 * so inside a unit of work it joins it. Returns the number of rows the database reports written.
 *
 * SQLite: multi-row VALUES, as many rows per statement as the bound-value limit allows.
 * PostgreSQL: `SELECT * FROM unnest($1::text[], …)` — one array parameter per column, so the
 * server parses and plans a short statement instead of a VALUES list of thousands of
 * parameters. `pgTypes` names the element type of the non-text columns.
 */
export async function insertRows(
  db: Kysely<DB>,
  engine: Engine,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { tail?: string; pgTypes?: Readonly<Record<string, string>> } = {},
): Promise<number> {
  const tail = options.tail ?? '';
  let written = 0;
  if (engine === 'postgres') {
    const text = unnestText(table, columns, options.pgTypes ?? {}, tail);
    for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
      const part = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
      const arrays = columns.map((_, c) => part.map((row) => row[c] ?? null));
      const result = await db.executeQuery(CompiledQuery.raw(text, arrays));
      written += Number(result.numAffectedRows ?? 0);
    }
    return written;
  }
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    for (const row of part) for (const v of row) values.push(v);
    const result = await db.executeQuery(CompiledQuery.raw(statementText(engine, table, columns, part.length, tail), values));
    written += Number(result.numAffectedRows ?? 0);
  }
  return written;
}

function unnestText(table: string, columns: readonly string[], types: Readonly<Record<string, string>>, tail: string): string {
  const key = `unnest\u0000${table}\u0000${columns.join(',')}\u0000${JSON.stringify(types)}\u0000${tail}`;
  let text = texts.get(key);
  if (text) return text;
  const arrays = columns.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(', ');
  text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${arrays})${tail ? ` ${tail}` : ''}`;
  if (texts.size >= SQL_CACHE_SIZE) texts.delete(texts.keys().next().value as string);
  texts.set(key, text);
  return text;
}
