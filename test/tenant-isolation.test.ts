// Tenant isolation (ACC-03): every account-scoped endpoint, called by account B ("attacker") with
// the ids of account A's ("victim") resources, answers 404 and changes nothing of A's data.
//
// HOW TO ADD YOUR ENDPOINTS (other areas: append, do not rewrite):
//   1. If the endpoint needs a resource of the victim, add a seed to SEEDS: an async function that
//      creates it through the API (or a service) as the victim and returns its id(s) under a
//      unique name, e.g.  async ({ app, victim }) => ({ listId: (await app.inject({ … })).json().id })
//   2. Append one row per endpoint to CASES:
//        { method: 'DELETE', path: (ids) => `/api/v1/lists/${ids.listId}` },
//        { method: 'PATCH', path: (ids) => `/api/v1/lists/${ids.listId}`, body: () => ({ name: 'x' }) },
//        { method: 'GET', path: (ids) => `/api/v1/contacts/${ids.contactId}`, via: { apiKeyScopes: ['contacts:read'] } },
//      `via` defaults to the attacker owner's session (cookie + CSRF token); with apiKeyScopes the
//      attacker calls with an API key of its own account holding those scopes.
//      `expectStatus` defaults to 404 (never 403, never the data).
// "Changes nothing" is checked generically: every row of every table that has an `account_id`
// column, for the victim's account, is the same before and after the call (both engines).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signUp, type SignedIn } from './helpers/accounts.ts';
import { ENGINES, pgAvailable } from './helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';

type Ids = Record<string, string>;

interface SeedContext {
  app: FastifyInstance;
  t: TestPlatform;
  victim: SignedIn;
}

interface IsolationCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path with the victim's ids filled in. */
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  via?: 'session' | { apiKeyScopes: string[] };
  expectStatus?: number;
}

/** Resources of the victim account that the cases point at. */
const SEEDS: Array<(ctx: SeedContext) => Promise<Ids>> = [
  // accounts area: an API key, a pending invitation, a member
  async ({ app, victim }) => {
    const key = await createApiKey(app, victim, ['account:read']);
    const inv = await app.inject({
      method: 'POST',
      url: '/api/v1/team/invitations',
      headers: victim.headers,
      payload: { email: `pending-${victim.accountId}@example.com`, role: 'member' },
    });
    return { accountId: victim.accountId, ownerUserId: victim.userId, apiKeyId: key.id, invitationId: inv.json().id };
  },
  async ({ app, t, victim }) => {
    const email = `member-${victim.accountId}@example.com`;
    await app.inject({
      method: 'POST',
      url: '/api/v1/team/invitations',
      headers: victim.headers,
      payload: { email, role: 'member' },
    });
    const mail = await t.platform.database.db
      .selectFrom('system_mail')
      .select('text_body')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1] ?? '';
    const accept = await app.inject({
      method: 'POST',
      url: '/api/v1/team/invitations/accept',
      payload: { token, password: 'member-password-1' },
    });
    return { memberUserId: accept.json().user.id };
  },
  // permission core: a list, a contact with consent, a segment
  async ({ app, victim }) => {
    const list = await app.inject({
      method: 'POST',
      url: '/api/v1/lists',
      headers: victim.headers,
      payload: { name: 'Victim news', purposeText: 'News.', channel: 'email', frequency: 'monthly', senderName: 'V' },
    });
    const contact = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: victim.headers,
      payload: { email: `victim-contact-${victim.accountId}@example.com` },
    });
    const contactId = contact.json().contact.id;
    await app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${contactId}/consent`,
      headers: victim.headers,
      payload: { listId: list.json().id, textShown: 'yes', source: 'event', attest: true, occurredAt: '2026-11-01T00:00:00Z' },
    });
    const segment = await app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: victim.headers,
      payload: { name: 'All', filter: { all: [{ type: 'created', op: 'after', at: '2000-01-01T00:00:00.000Z' }] } },
    });
    return { victimListId: list.json().id, victimContactId: contactId, victimSegmentId: segment.json().id };
  },
  // imports: one stored import of the victim (started through the service; not processed)
  async ({ app, t, victim }) => {
    const list = await app.inject({
      method: 'POST',
      url: '/api/v1/lists',
      headers: victim.headers,
      payload: { name: 'Victim import list', purposeText: 'News.', channel: 'email', frequency: 'monthly', senderName: 'V' },
    });
    const rec = await t.platform.services.imports.start({
      accountId: victim.accountId,
      declaration: { source: 'signup-form', attest: true },
      listIds: [list.json().id],
      who: { at: new Date().toISOString(), userId: victim.userId, ip: null, userAgent: null },
      enqueue: false,
      file: (async function* () {
        yield Buffer.from(`email\nvictim-import-${victim.accountId}@example.com\n`);
      })(),
    });
    return { victimImportId: rec.id };
  },
];

const CASES: IsolationCase[] = [
  // accounts area (ACC-03, SEC-01)
  { method: 'DELETE', path: (ids) => `/api/v1/api-keys/${ids.apiKeyId}` },
  { method: 'DELETE', path: (ids) => `/api/v1/team/members/${ids.memberUserId}` },
  { method: 'DELETE', path: (ids) => `/api/v1/team/members/${ids.ownerUserId}` },
  { method: 'DELETE', path: (ids) => `/api/v1/team/invitations/${ids.invitationId}` },
  { method: 'POST', path: () => '/api/v1/me/account', body: (ids) => ({ accountId: ids.accountId }) },
  // permission core (lists, contacts, consent, segments)
  { method: 'GET', path: (ids) => `/api/v1/lists/${ids.victimListId}` },
  { method: 'PATCH', path: (ids) => `/api/v1/lists/${ids.victimListId}`, body: () => ({ name: 'taken' }) },
  { method: 'POST', path: (ids) => `/api/v1/lists/${ids.victimListId}/archive` },
  { method: 'GET', path: (ids) => `/api/v1/lists/${ids.victimListId}/dry-run` },
  { method: 'GET', path: (ids) => `/api/v1/contacts/${ids.victimContactId}` },
  { method: 'GET', path: (ids) => `/api/v1/contacts/${ids.victimContactId}`, via: { apiKeyScopes: ['contacts:read'] } },
  { method: 'PATCH', path: (ids) => `/api/v1/contacts/${ids.victimContactId}`, body: () => ({ attributes: { x: 1 } }) },
  { method: 'DELETE', path: (ids) => `/api/v1/contacts/${ids.victimContactId}` },
  { method: 'GET', path: (ids) => `/api/v1/contacts/${ids.victimContactId}/export` },
  { method: 'GET', path: (ids) => `/api/v1/contacts/${ids.victimContactId}/proof` },
  { method: 'GET', path: (ids) => `/api/v1/contacts/${ids.victimContactId}/proof.html` },
  {
    method: 'POST',
    path: (ids) => `/api/v1/contacts/${ids.victimContactId}/consent`,
    body: (ids) => ({
      listId: ids.victimListId,
      textShown: 'x',
      source: 'event',
      attest: true,
      occurredAt: '2026-11-01T00:00:00Z',
    }),
  },
  { method: 'POST', path: (ids) => `/api/v1/contacts/${ids.victimContactId}/consent/withdraw`, body: () => ({ lists: 'all' }) },
  { method: 'GET', path: (ids) => `/api/v1/segments/${ids.victimSegmentId}` },
  { method: 'GET', path: (ids) => `/api/v1/segments/${ids.victimSegmentId}/contacts` },
  // imports
  { method: 'GET', path: (ids) => `/api/v1/imports/${ids.victimImportId}` },
  { method: 'GET', path: (ids) => `/api/v1/imports/${ids.victimImportId}`, via: { apiKeyScopes: ['imports:read'] } },
  { method: 'GET', path: (ids) => `/api/v1/imports/${ids.victimImportId}/report.csv` },
];

/** Every row of every account-owned table for one account, to prove a call changed nothing. */
async function snapshot(t: TestPlatform, accountId: string): Promise<Record<string, unknown[]>> {
  const db = t.platform.database.db;
  const tables = (await db.introspection.getTables()).filter((tb) => tb.columns.some((c) => c.name === 'account_id'));
  const out: Record<string, unknown[]> = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = await (db as any).selectFrom(table.name).selectAll().where('account_id', '=', accountId).execute();
    out[table.name] = rows.map((r: Record<string, unknown>) => JSON.stringify(r)).sort();
  }
  return out;
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`tenant isolation [${engine}]`, () => {
    let t: TestPlatform;
    let victim: SignedIn;
    let attacker: SignedIn;
    const ids: Ids = {};
    const keys = new Map<string, string>();

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      victim = await signUp(t.app);
      attacker = await signUp(t.app);
      for (const seed of SEEDS) Object.assign(ids, await seed({ app: t.app, t, victim }));
    });
    afterAll(async () => {
      await t?.close();
    });

    async function headersFor(c: IsolationCase): Promise<Record<string, string>> {
      if (!c.via || c.via === 'session') return attacker.headers;
      const scopes = c.via.apiKeyScopes;
      const id = scopes.join(',');
      if (!keys.has(id)) keys.set(id, (await createApiKey(t.app, attacker, scopes)).key);
      return { authorization: `Bearer ${keys.get(id)}` };
    }

    for (const c of CASES) {
      const label = `${c.method} ${c.path(new Proxy({}, { get: (_t, k) => `:${String(k)}` }))}`;
      it(`[ACC-03] ${label} with another account's id answers ${c.expectStatus ?? 404} and changes nothing`, async () => {
        const before = await snapshot(t, victim.accountId);
        const res = await t.app.inject({
          method: c.method,
          url: c.path(ids),
          headers: await headersFor(c),
          ...(c.body ? { payload: c.body(ids) as object } : {}),
        });
        expect(res.statusCode, res.body).toBe(c.expectStatus ?? 404);
        // A 404 for a route that does not exist proves nothing: the row's path must be a real route.
        expect(res.json().error?.code, 'no such route: fix the row').not.toBe('NOT_FOUND');
        for (const value of Object.values(ids).filter((v) => v !== victim.accountId)) expect(res.body).not.toContain(value);
        expect(await snapshot(t, victim.accountId)).toEqual(before);
      });
    }

    it('[ACC-03] the victim still sees all its resources afterwards', async () => {
      const team = (await t.app.inject({ method: 'GET', url: '/api/v1/team', headers: victim.headers })).json();
      expect(team.members.map((m: { userId: string }) => m.userId).sort()).toEqual([ids.ownerUserId, ids.memberUserId].sort());
      expect(team.invitations.map((i: { id: string }) => i.id)).toContain(ids.invitationId);
      const keysList = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: victim.headers })).json();
      expect(keysList.find((k: { id: string }) => k.id === ids.apiKeyId)?.revokedAt).toBeNull();
    });
  });
}
