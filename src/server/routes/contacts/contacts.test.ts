// Route tests of the permission core (lists, contacts, consent, segments) on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProofBundle } from '../../../core/consent/proof.ts';
import { createApiKey, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`permission core routes [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    let listId: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/lists',
        headers: owner.headers,
        payload: {
          name: 'News',
          purposeText: 'Monthly product news by email.',
          channel: 'email',
          frequency: 'monthly',
          senderName: 'Shop',
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ doubleOptIn: true, channel: 'email' });
      listId = res.json().id;
    });
    afterAll(async () => {
      await t?.close();
    });
    const post = (url: string, payload: unknown, who: SignedIn = owner) =>
      t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
    const get = (url: string, who: SignedIn = owner) => t.app.inject({ method: 'GET', url, headers: who.headers });

    it('[CON-10] a contact created by API is stored without consent and is not sendable; there is no force-subscribe field', async () => {
      const res = await post('/api/v1/contacts', { email: 'api@example.com', attributes: { plan: 'pro' } });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ created: true, sendable: false, contact: { email: 'api@example.com' } });
      const id = res.json().contact.id;
      expect((await get(`/api/v1/contacts/${id}`)).json().consent).toEqual([]);
      const forced = await post('/api/v1/contacts', { email: 'forced@example.com', subscribe: true, lists: [listId] });
      expect(forced.statusCode).toBe(400);
      const noEvidence = await post(`/api/v1/contacts/${id}/consent`, { listId });
      expect(noEvidence.statusCode).toBe(400);
      expect(noEvidence.json().error.code).toBe('VALIDATION_FAILED');
      const dry = await get(`/api/v1/lists/${listId}/dry-run`);
      expect(dry.json().allowed).toBe(0);
      const decision = await t.platform.services.gate.authorizeSend({
        accountId: owner.accountId,
        listId,
        channel: 'email',
        contactIds: [id],
      });
      expect(decision.get(id)).toEqual({ allowed: false, reason: 'no-consent' });
    });

    it('[SMS-04] invalid email or phone → 400 with field-level errors; phones are stored in E.164', async () => {
      const bad = await post('/api/v1/contacts', { email: 'nope@', phone: '+1 555' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { email: expect.any(String), phone: expect.any(String) } },
      });
      const ok = await post('/api/v1/contacts', { phone: '0151 12345678', defaultRegion: 'DE' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().contact.phone).toBe('+4915112345678');
    });

    it('[CON-07] [CON-09] API consent with evidence is recorded and exported as a verifiable proof (JSON and escaped page)', async () => {
      const key = await createApiKey(t.app, owner, ['contacts:write', 'contacts:read', 'consent:write']);
      const auth = { authorization: `Bearer ${key.key}` };
      const c = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: auth,
        payload: { email: 'proof-route@example.com' },
      });
      const id = c.json().contact.id;
      const rec = await t.app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${id}/consent`,
        headers: auth,
        payload: {
          listId,
          textShown: 'Yes <b>please</b> send News <script>alert(1)</script>',
          source: 'event',
          sourceDescription: 'paper form, Berlin store',
          attest: true,
          occurredAt: '2026-11-20T10:00:00Z',
          ip: '192.0.2.44',
          // The list asks for double opt-in: the confirmation evidence makes the contact sendable.
          confirmedAt: '2026-11-20T10:30:00Z',
          confirmIp: '192.0.2.45',
        },
      });
      expect(rec.statusCode).toBe(201);
      expect(rec.json().events[0]).toMatchObject({
        kind: 'requested',
        sourceType: 'api',
        sourceId: `api-key:${key.id}`,
        occurredAt: '2026-11-20T10:00:00.000Z',
        ip: '192.0.2.44',
        evidence: { source: 'event', sourceDescription: 'paper form, Berlin store' },
      });
      expect(rec.json().events[1]).toMatchObject({ kind: 'confirmed', confirmIp: '192.0.2.45' });
      const proof = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${id}/proof`, headers: auth });
      expect(proof.statusCode).toBe(200);
      expect(verifyProofBundle(JSON.parse(proof.body))).toEqual({ ok: true, events: 2 });
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${id}/proof.html`, headers: auth });
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toContain('<script>alert(1)');
      const decision = await t.platform.services.gate.authorizeSend({
        accountId: owner.accountId,
        listId,
        channel: 'email',
        contactIds: [id],
      });
      expect(decision.get(id)).toEqual({ allowed: true });
    });

    it('[DEL-01] the dry run counts refusals by reason and reports account-restricted once the account is blocked', async () => {
      const other = await signUp(t.app);
      const list = (
        await post(
          '/api/v1/lists',
          { name: 'L', purposeText: 'News.', channel: 'email', frequency: 'weekly', senderName: 'S' },
          other,
        )
      ).json();
      const ids: string[] = [];
      for (const email of ['d1@example.com', 'd2@example.com', 'd3@example.com'])
        ids.push((await post('/api/v1/contacts', { email }, other)).json().contact.id);
      const { consent, suppression, standing } = t.platform.services;
      await consent.record(
        other.accountId,
        ids.map((contactId) => ({
          contactId,
          listId: list.id,
          channel: 'email' as const,
          kind: 'granted' as const,
          sourceType: 'form' as const,
          textShown: 'yes',
        })),
      );
      await consent.withdraw(other.accountId, ids[1]!, 'all', { sourceType: 'unsubscribe' });
      await suppression.add(other.accountId, 'd3@example.com', 'complaint');
      const dry = await get(`/api/v1/lists/${list.id}/dry-run`, other);
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ total: 3, allowed: 1, refused: { withdrawn: 1, suppressed: 1 } });
      await standing.transition({
        accountId: other.accountId,
        action: 'block',
        reason: 'Purchased list confirmed',
        actor: { type: 'operator', id: 'op-1' },
      } as Parameters<typeof standing.transition>[0]);
      const blocked = await get(`/api/v1/lists/${list.id}/dry-run`, other);
      expect(blocked.json()).toMatchObject({ total: 3, allowed: 0, refused: { 'account-restricted': 3 } });
      const d = await t.platform.services.gate.authorizeSend({
        accountId: other.accountId,
        listId: list.id,
        channel: 'email',
        contactIds: ids,
      });
      expect([...d.values()].every((x) => !x.allowed && x.reason === 'account-restricted')).toBe(true);
    });

    it('[CON-08] DELETE erases the contact, keeps the chain valid and blocks re-adding the address', async () => {
      const id = (await post('/api/v1/contacts', { email: 'gone@example.com' })).json().contact.id;
      await post(`/api/v1/contacts/${id}/consent`, {
        listId,
        textShown: 'yes',
        source: 'event',
        attest: true,
        occurredAt: '2026-11-01T00:00:00Z',
      });
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${id}`, headers: owner.headers });
      expect(del.statusCode).toBe(204);
      const x = (await get(`/api/v1/contacts/${id}/export`)).json();
      expect(x.contact).toMatchObject({ email: null, phone: null, attributes: {} });
      expect(x.consentEvents.map((e: { kind: string }) => e.kind)).toEqual(['requested', 'withdrawn']);
      expect((await t.platform.services.consent.verifyChain(owner.accountId)).ok).toBe(true);
      const again = await post('/api/v1/contacts', { email: 'GONE@example.com' });
      expect(again.statusCode).toBe(422);
      expect(again.json().error.code).toBe('ADDRESS_ERASED');
    });

    it('segments: a zod-validated filter evaluated in SQL', async () => {
      const id = (await post('/api/v1/contacts', { email: 'seg@example.com', attributes: { city: 'Cluj' } })).json().contact.id;
      const bad = await post('/api/v1/segments', {
        name: 'x',
        filter: { all: [{ type: 'attribute', key: 'a b', op: 'eq', value: 1 }] },
      });
      expect(bad.statusCode).toBe(400);
      const seg = await post('/api/v1/segments', {
        name: 'Cluj',
        filter: { all: [{ type: 'attribute', key: 'city', op: 'eq', value: 'Cluj' }] },
      });
      expect(seg.statusCode).toBe(201);
      const members = await get(`/api/v1/segments/${seg.json().id}/contacts`);
      expect(members.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    });

    it('another account gets 404 for these ids, never the data', async () => {
      const intruder = await signUp(t.app);
      const id = (await post('/api/v1/contacts', { email: 'private@example.com' })).json().contact.id;
      for (const url of [
        `/api/v1/contacts/${id}`,
        `/api/v1/contacts/${id}/export`,
        `/api/v1/contacts/${id}/proof`,
        `/api/v1/contacts/${id}/proof.html`,
        `/api/v1/lists/${listId}`,
        `/api/v1/lists/${listId}/dry-run`,
      ]) {
        const res = await get(url, intruder);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('private@example.com');
      }
    });
  });
}
