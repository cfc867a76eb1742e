// API keys (SEC-01): shown once, stored as a SHA-256 digest, scoped, revocable. Authentication
// also asks the standing gate, so a blocked or API-restricted account gets a clear error (ACC-05).
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFound, unauthenticated } from '../errors.ts';
import type { AccountsDeps } from './deps.ts';
import {
  API_KEY_MAX_SCOPES,
  API_KEY_PREFIX,
  API_KEY_SCOPE_PATTERN,
  API_KEY_TOUCH_INTERVAL_MS,
  API_KEY_VISIBLE_CHARS,
  MAX_ACTIVE_API_KEYS_PER_ACCOUNT,
  TOKEN_BYTES,
} from './limits.ts';
import type { ApiKeyPrincipal } from './types.ts';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function createApiKeyOps(deps: AccountsDeps) {
  const { store, tokens, clock, standing } = deps;

  return {
    async listApiKeys(accountId: string): Promise<ApiKeyView[]> {
      const keys = await store.apiKeys.forAccount(accountId).list();
      return keys.map(({ id, name, prefix, scopes, createdAt, lastUsedAt, revokedAt }) => ({
        id,
        name,
        prefix,
        scopes,
        createdAt,
        lastUsedAt,
        revokedAt,
      }));
    },

    /** Returns the full key: the only time it is ever shown. */
    async createApiKey(accountId: string, createdBy: string, input: { name: string; scopes: string[] }) {
      const scopes = [...new Set(input.scopes)];
      if (scopes.length === 0 || scopes.length > API_KEY_MAX_SCOPES)
        throw invalid('API_KEY_SCOPES_INVALID', `Give between 1 and ${API_KEY_MAX_SCOPES} scopes.`);
      const bad = scopes.find((s) => !API_KEY_SCOPE_PATTERN.test(s));
      if (bad !== undefined)
        throw invalid('API_KEY_SCOPES_INVALID', `"${bad.slice(0, 60)}" is not a scope; scopes look like "contacts:write".`);
      const keys = store.apiKeys.forAccount(accountId);
      if ((await keys.countActive()) >= MAX_ACTIVE_API_KEYS_PER_ACCOUNT) {
        throw conflict(
          'API_KEY_LIMIT',
          `An account can have at most ${MAX_ACTIVE_API_KEYS_PER_ACCOUNT} active API keys; revoke one first.`,
        );
      }
      const key = API_KEY_PREFIX + tokens.randomToken(TOKEN_BYTES);
      const record = {
        id: randomUUID(),
        name: input.name.trim(),
        prefix: key.slice(0, API_KEY_VISIBLE_CHARS),
        keyHash: tokens.digest(key),
        scopes,
        createdBy,
        createdAt: clock.now().toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await keys.create(record);
      return { id: record.id, name: record.name, prefix: record.prefix, scopes, key };
    },

    async revokeApiKey(accountId: string, apiKeyId: string): Promise<void> {
      if (!(await store.apiKeys.forAccount(accountId).revoke(apiKeyId, clock.now().toISOString()))) {
        throw notFound('API_KEY_NOT_FOUND', 'No such API key.');
      }
    },

    async authenticateApiKey(key: string): Promise<ApiKeyPrincipal> {
      const record = key.startsWith(API_KEY_PREFIX) ? await store.apiKeys.byHash(tokens.digest(key)) : null;
      if (!record) throw unauthenticated('API_KEY_INVALID', 'This API key is not valid.');
      if (record.revokedAt !== null) throw unauthenticated('API_KEY_REVOKED', 'This API key was revoked; create a new one.');
      // ACC-04/05: a blocked, suspended or API-restricted account's API answers with the reason.
      await standing.assertServiceAllowed(record.accountId, 'api');
      await store.apiKeys.touch(record.id, clock.now(), API_KEY_TOUCH_INTERVAL_MS);
      return { apiKeyId: record.id, accountId: record.accountId, scopes: record.scopes };
    },
  };
}
