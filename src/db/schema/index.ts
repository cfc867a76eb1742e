// The typed shape of every table, one file per domain, merged here for Kysely.
import type { AccountTables } from './accounts.ts';
import type { StandingTables } from './standing.ts';
import type { SystemMailTables } from './system-mail.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DB extends AccountTables, StandingTables, SystemMailTables {}
