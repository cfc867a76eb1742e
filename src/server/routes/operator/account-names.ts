// The account's name beside its id in every operator listing (issue 13 §4): one lookup for the
// whole page of rows (src/core/operator/console.ts accountNames), never a query per row.
import { z } from 'zod';
import { createOperatorConsoleStore } from '../../../db/repositories/operator-console.ts';
import type { AppDeps } from '../../deps.ts';

/** id → name of the accounts a page mentions. */
export type AccountNames = ReadonlyMap<string, string>;
/** The name of the row's account; null when the row has none or the account is gone. */
export const AccountNameField = z.string().nullable();

export const NO_NAMES: AccountNames = new Map();

export function nameOf(names: AccountNames, accountId: string | null): string | null {
  return accountId === null ? null : (names.get(accountId) ?? null);
}

/** A lookup bound to the app's database: `await names(rows.map((r) => r.accountId))`. */
export function accountNameLookup(deps: AppDeps): (ids: ReadonlyArray<string | null>) => Promise<AccountNames> {
  const store = createOperatorConsoleStore(deps.database);
  return (ids) => store.accountNames(ids.filter((id): id is string => id !== null));
}
