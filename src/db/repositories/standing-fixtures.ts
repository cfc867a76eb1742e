// Test fixtures for the standing, audit and system-mail tests: accounts with owners written
// straight to the database, so these tests do not depend on the signup flow.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountReview } from '../schema/accounts.ts';
import type { DB } from '../schema/index.ts';

export interface SeededAccount {
  accountId: string;
  ownerIds: string[];
  ownerEmails: string[];
}

export async function seedAccount(
  db: Kysely<DB>,
  options: {
    name?: string;
    owners?: string[];
    members?: string[];
    review?: AccountReview;
    featureNewsOptOut?: boolean;
    language?: string;
    at?: string;
  } = {},
): Promise<SeededAccount> {
  const at = options.at ?? '2026-11-01T09:00:00.000Z';
  const accountId = randomUUID();
  await db
    .insertInto('accounts')
    .values({
      id: accountId,
      name: options.name ?? `Account ${accountId.slice(0, 6)}`,
      postal_address: 'Str. Exemplu 1, Cluj-Napoca',
      industry: 'retail',
      declared_sending: 'monthly newsletter to customers',
      review: options.review ?? 'none',
      feature_news_opt_out: options.featureNewsOptOut ? 1 : 0,
      language: options.language ?? 'en',
      created_at: at,
      updated_at: at,
    })
    .execute();
  const ownerEmails = options.owners ?? [`owner-${accountId.slice(0, 8)}@example.test`];
  const ownerIds: string[] = [];
  const people = [
    ...ownerEmails.map((e) => [e, 'owner'] as const),
    ...(options.members ?? []).map((e) => [e, 'member'] as const),
  ];
  for (const [email, role] of people) {
    const userId = randomUUID();
    await db
      .insertInto('users')
      .values({
        id: userId,
        email,
        password_hash: 'x',
        name: '',
        email_verified_at: at,
        platform_role: null,
        language: options.language ?? 'en',
        created_at: at,
      })
      .execute();
    await db.insertInto('memberships').values({ account_id: accountId, user_id: userId, role, created_at: at }).execute();
    if (role === 'owner') ownerIds.push(userId);
  }
  return { accountId, ownerIds, ownerEmails };
}
