// The account's own settings: GET/PATCH /account.
import { notFound } from '../errors.ts';
import type { AccountsDeps } from './deps.ts';
import type { Industry } from './industries.ts';
import type { AccountLanguage } from './types.ts';
import { accountView, type AccountView } from './views.ts';

export interface AccountProfileUpdate {
  name?: string;
  postalAddress?: string;
  language?: AccountLanguage;
  /** false = the owner turned feature news off (ACC-07); critical notices still arrive. */
  featureNews?: boolean;
}

export function createProfileOps(deps: AccountsDeps & { industries: Industry[] }) {
  const { store, clock, industries } = deps;
  return {
    async getAccount(accountId: string): Promise<AccountView> {
      const account = await store.accounts.get(accountId);
      if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
      return accountView(account, industries);
    },

    async updateAccount(accountId: string, update: AccountProfileUpdate): Promise<AccountView> {
      const account = await store.accounts.update(
        accountId,
        {
          name: update.name?.trim(),
          postalAddress: update.postalAddress?.trim(),
          language: update.language,
          featureNewsOptOut: update.featureNews === undefined ? undefined : !update.featureNews,
        },
        clock.now().toISOString(),
      );
      if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
      return accountView(account, industries);
    },

    /** The signed-in user's own language (the app's switch saves it; their own mail follows it). */
    async setUserLanguage(userId: string, language: AccountLanguage): Promise<void> {
      await store.users.setLanguage(userId, language);
    },

    /** The stored ACC-01 acceptances of an account (for operators and tests). */
    async acceptances(accountId: string) {
      return store.accounts.acceptances(accountId);
    },
  };
}
