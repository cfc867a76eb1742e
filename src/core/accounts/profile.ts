// The account's own settings: GET/PATCH /account.
import { isSupportedCountry } from 'libphonenumber-js';
import { invalid, notFound } from '../errors.ts';
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
  /** ISO 3166 alpha-2 (e.g. 'RO'); null clears it. Phone numbers without +country code use it. */
  defaultCountry?: string | null;
  /** http(s) link of the sender's privacy policy; null clears it. */
  privacyPolicyUrl?: string | null;
}

/** What a sender's public pages (hosted form, preference page) say of it. */
export interface SenderFacts {
  name: string;
  privacyPolicyUrl: string | null;
  defaultCountry: string | null;
}

function checkedCountry(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code))
    throw invalid('ACCOUNT_COUNTRY_INVALID', 'The default country must be a two-letter country code, e.g. RO or DE.', {
      field: 'defaultCountry',
    });
  return code;
}

function checkedPrivacyUrl(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const url = value.trim();
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  // Shown as a link on public pages: javascript: or data: would run in our page when clicked.
  if (!ok)
    throw invalid('ACCOUNT_PRIVACY_URL_INVALID', 'The privacy policy link must be an http:// or https:// address.', {
      field: 'privacyPolicyUrl',
    });
  return url;
}

export function createProfileOps(deps: AccountsDeps & { industries: Industry[] }) {
  const { store, clock, industries } = deps;
  return {
    async getAccount(accountId: string): Promise<AccountView> {
      const account = await store.accounts.get(accountId);
      if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
      return accountView(account, industries);
    },

    /** The sender as its public pages name it; null for an unknown account. */
    async senderFacts(accountId: string): Promise<SenderFacts | null> {
      const account = await store.accounts.get(accountId);
      if (!account) return null;
      const url = account.privacyPolicyUrl;
      return {
        name: account.name,
        // Re-checked on read: only an http(s) link is ever rendered.
        privacyPolicyUrl: url && /^https?:\/\//i.test(url) ? url : null,
        defaultCountry: account.defaultCountry,
      };
    },

    async updateAccount(accountId: string, update: AccountProfileUpdate): Promise<AccountView> {
      const defaultCountry = checkedCountry(update.defaultCountry);
      const privacyPolicyUrl = checkedPrivacyUrl(update.privacyPolicyUrl);
      const account = await store.accounts.update(
        accountId,
        {
          name: update.name?.trim(),
          postalAddress: update.postalAddress?.trim(),
          language: update.language,
          featureNewsOptOut: update.featureNews === undefined ? undefined : !update.featureNews,
          defaultCountry,
          privacyPolicyUrl,
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
