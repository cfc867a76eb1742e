// API keys: stored as SHA-256 digests with their scopes (SEC-01). Account-scoped queries go
// through forAccount(accountId) (ACC-03); byHash is the one deliberate unscoped lookup.
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { ApiKeysStore } from '../../core/accounts/ports.ts';
import type { ApiKeyRecord } from '../../core/accounts/types.ts';
import type { ApiKeysTable } from '../schema/accounts.ts';
import type { DB } from '../schema/index.ts';

const Scopes = z.array(z.string());

function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    prefix: row.prefix,
    keyHash: row.key_hash,
    scopes: Scopes.parse(JSON.parse(row.scopes)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function createApiKeysStore(db: Kysely<DB>): ApiKeysStore {
  return {
    forAccount(accountId) {
      return {
        async list() {
          const rows = await db
            .selectFrom('api_keys')
            .selectAll()
            .where('account_id', '=', accountId)
            .orderBy('created_at', 'desc')
            .orderBy('id')
            .execute();
          return rows.map(toApiKeyRecord);
        },
        async countActive() {
          const row = await db
            .selectFrom('api_keys')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('account_id', '=', accountId)
            .where('revoked_at', 'is', null)
            .executeTakeFirstOrThrow();
          return Number(row.n);
        },
        async create(k) {
          await db
            .insertInto('api_keys')
            .values({
              id: k.id,
              account_id: accountId,
              name: k.name,
              prefix: k.prefix,
              key_hash: k.keyHash,
              scopes: JSON.stringify(k.scopes),
              created_by: k.createdBy,
              created_at: k.createdAt,
              last_used_at: null,
              revoked_at: null,
            })
            .execute();
        },
        async revoke(apiKeyId, at) {
          const found = await db
            .selectFrom('api_keys')
            .select(['id', 'revoked_at'])
            .where('id', '=', apiKeyId)
            .where('account_id', '=', accountId)
            .executeTakeFirst();
          if (!found) return false;
          if (found.revoked_at === null) {
            await db
              .updateTable('api_keys')
              .set({ revoked_at: at })
              .where('id', '=', apiKeyId)
              .where('account_id', '=', accountId)
              .where('revoked_at', 'is', null)
              .execute();
          }
          return true;
        },
      };
    },
    async byHash(keyHash) {
      const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
      return row ? toApiKeyRecord(row) : null;
    },
    async touch(apiKeyId, now, minIntervalMs) {
      const threshold = new Date(now.getTime() - minIntervalMs).toISOString();
      await db
        .updateTable('api_keys')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', apiKeyId)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', threshold)]))
        .execute();
    },
  };
}
