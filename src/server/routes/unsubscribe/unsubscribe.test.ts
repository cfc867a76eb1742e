// Unsubscribe links and the preference centre on both engines (MSG-02, MSG-04, MSG-06, SEC-02).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { UNSUBSCRIBE_TOKEN_TTL_DAYS } from '../../../core/unsubscribe/links.ts';
import { accountWithLists, type FormFixture } from '../forms/testing.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A plain HTTP POST over a real socket, exactly as a mailbox provider sends RFC 8058 one-click. */
function oneClickPost(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const body = 'List-Unsubscribe=One-Click';
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Mailbox-Provider-Unsubscriber/1.0',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`unsubscribe and preferences [${engine}]`, () => {
    let t: TestPlatform;
    let fx: FormFixture;
    let base: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      base = await t.listen();
      fx = await accountWithLists(t.app);
    });
    afterAll(async () => {
      await t?.close();
    });

    /** A contact with granted consent on the newsletter and the deals list. */
    async function subscribed(email: string): Promise<string> {
      const { contact } = await t.platform.services.contacts.upsert(fx.owner.accountId, { email });
      await t.platform.services.consent.record(
        fx.owner.accountId,
        [fx.lists.news, fx.lists.deals].map((listId) => ({
          contactId: contact.id,
          listId,
          channel: 'email' as const,
          kind: 'granted' as const,
          sourceType: 'form' as const,
          textShown: 'I agree to receive news.',
        })),
      );
      return contact.id;
    }
    const status = async (contactId: string) =>
      Object.fromEntries(
        (await t.platform.services.consent.stateFor(fx.owner.accountId, contactId)).map((s) => [
          s.listId === fx.lists.news ? 'news' : 'deals',
          s.status,
        ]),
      );
    const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
    const claims = (contactId: string, listId: string | null) => ({
      accountId: fx.owner.accountId,
      contactId,
      listId,
      campaignId: null,
    });

    it('[MSG-02] the one-click POST, as a mailbox provider sends it, unsubscribes with 200, no redirect, no cookie', async () => {
      const contactId = await subscribed('gus@example.com');
      const url = t.platform.services.unsubscribe.unsubscribeUrl(claims(contactId, fx.lists.news));
      expect(url.startsWith('http://assent.test/u/')).toBe(true);
      const res = await oneClickPost(`${base}/u/${tokenOf(url)}`);
      expect(res.status).toBe(200);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await status(contactId)).toEqual({ news: 'withdrawn', deals: 'active' });
      const events = await t.platform.services.consent.eventsFor(fx.owner.accountId, contactId);
      expect(events.at(-1)).toMatchObject({
        kind: 'withdrawn',
        sourceType: 'unsubscribe',
        listId: fx.lists.news,
        userAgent: 'Mailbox-Provider-Unsubscriber/1.0',
      });
      // Takes effect before the next send: the gate refuses at once.
      const d = await t.platform.services.gate.authorizeSend({
        accountId: fx.owner.accountId,
        listId: fx.lists.news,
        channel: 'email',
        contactIds: [contactId],
      });
      expect(d.get(contactId)).toEqual({ allowed: false, reason: 'withdrawn' });
      // A second one-click is harmless and records nothing new.
      expect((await oneClickPost(`${base}/u/${tokenOf(url)}`)).status).toBe(200);
      expect(await t.platform.services.consent.eventsFor(fx.owner.accountId, contactId)).toHaveLength(events.length);
    });

    it('[MSG-02] works with a session cookie and no CSRF token present (RFC 8058: the token is the credential)', async () => {
      const contactId = await subscribed('hana@example.com');
      const token = tokenOf(t.platform.services.unsubscribe.unsubscribeUrl(claims(contactId, fx.lists.deals)));
      const res = await t.app.inject({
        method: 'POST',
        url: `/u/${token}`,
        headers: { cookie: fx.owner.headers.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode).toBe(200);
      expect(await status(contactId)).toEqual({ news: 'active', deals: 'withdrawn' });
    });

    it('[MSG-02] GET never unsubscribes; it shows a button that POSTs', async () => {
      const contactId = await subscribed('ivo@example.com');
      const token = tokenOf(t.platform.services.unsubscribe.unsubscribeUrl(claims(contactId, fx.lists.news)));
      for (let i = 0; i < 3; i++) {
        const res = await t.app.inject({ method: 'GET', url: `/u/${token}` });
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain(`<form method="post" action="/u/${token}">`);
        expect(res.body).toContain('i••@example.com');
      }
      expect(await status(contactId)).toEqual({ news: 'active', deals: 'active' });
      const press = await t.app.inject({
        method: 'POST',
        url: `/u/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click&via=page',
      });
      expect(press.body).toContain('You are unsubscribed');
      expect(await status(contactId)).toEqual({ news: 'withdrawn', deals: 'active' });
    });

    it('[MSG-06] a link still works 60 days after it was sent, and is refused after its lifetime', async () => {
      const contactId = await subscribed('jan@example.com');
      const token = tokenOf(t.platform.services.unsubscribe.unsubscribeUrl(claims(contactId, fx.lists.news)));
      const old = tokenOf(t.platform.services.unsubscribe.unsubscribeUrl(claims(contactId, fx.lists.deals)));
      t.clock.advance(60 * DAY);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/u/${token}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: 'List-Unsubscribe=One-Click',
          })
        ).statusCode,
      ).toBe(200);
      expect((await status(contactId)).news).toBe('withdrawn');
      t.clock.advance((UNSUBSCRIBE_TOKEN_TTL_DAYS - 60) * DAY + 1_000);
      const expired = await t.app.inject({
        method: 'POST',
        url: `/u/${old}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(expired.statusCode).toBe(400);
      expect(expired.body).toContain(`older than ${UNSUBSCRIBE_TOKEN_TTL_DAYS} days`);
      expect((await status(contactId)).deals).toBe('active');
    });

    it('[SEC-02] a forged or altered unsubscribe token shows a clear page and changes nothing', async () => {
      const contactId = await subscribed('kai@example.com');
      const token = tokenOf(t.platform.services.unsubscribe.unsubscribeUrl(claims(contactId, null)));
      const [p, s] = token.split('.') as [string, string];
      const altered = `${p.slice(0, -2)}${p.at(-2) === 'A' ? 'B' : 'A'}${p.at(-1)}.${s}`;
      const prefsToken = tokenOf(t.platform.services.unsubscribe.preferencesUrl(claims(contactId, null)));
      for (const bad of [altered, `${p}.${s.slice(0, -1)}${s.at(-1) === 'A' ? 'B' : 'A'}`, prefsToken]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/u/${bad}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('This link is not valid');
      }
      const pref = await t.app.inject({ method: 'POST', url: `/p/${token}`, payload: { action: 'leave-all' } });
      expect(pref.statusCode).toBe(400);
      expect(await status(contactId)).toEqual({ news: 'active', deals: 'active' });
    });

    it('[MSG-04] the preference centre leaves one list, then all (with an account suppression), without login', async () => {
      const contactId = await subscribed('lea@example.com');
      const token = tokenOf(t.platform.services.unsubscribe.preferencesUrl(claims(contactId, null)));
      const page = await t.app.inject({ method: 'GET', url: `/p/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Newsletter');
      expect(page.body).toContain('Deals');
      const form = (body: string) => ({
        method: 'POST' as const,
        url: `/p/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
      const one = await t.app.inject(form(`action=leave&listId=${fx.lists.news}`));
      expect(one.statusCode).toBe(200);
      expect(await status(contactId)).toEqual({ news: 'withdrawn', deals: 'active' });
      const events = await t.platform.services.consent.eventsFor(fx.owner.accountId, contactId);
      expect(events.at(-1)).toMatchObject({ kind: 'withdrawn', sourceType: 'preference-center', listId: fx.lists.news });
      expect(await t.platform.services.suppression.isSuppressed(fx.owner.accountId, ['lea@example.com'])).toEqual(new Set());
      const all = await t.app.inject(form('action=leave-all'));
      expect(all.statusCode).toBe(200);
      expect(all.body).toContain('data-status="withdrawn"');
      expect(await status(contactId)).toEqual({ news: 'withdrawn', deals: 'withdrawn' });
      const entries = await t.platform.services.suppression.list(fx.owner.accountId);
      expect(entries.map((e) => e.reason)).toContain('unsubscribe-all');
      expect(await t.platform.services.suppression.isSuppressed(fx.owner.accountId, ['lea@example.com'])).toEqual(
        new Set(['lea@example.com']),
      );
      const unknown = await t.app.inject(form('action=leave&listId=not-mine'));
      expect(unknown.statusCode).toBe(400);
    });
  });
}
