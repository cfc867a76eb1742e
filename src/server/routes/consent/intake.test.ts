// CON-13: API consent meets the one intake policy, through the HTTP API on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CONSENT_WRITES_PER_MINUTE, API_INTAKE_REVIEW_THRESHOLD } from '../../../core/consent/intake.ts';
import { createFormRow } from '../../../db/repositories/permission.testkit.ts';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

const DECLARED = { source: 'event', sourceDescription: 'Paper sign-up sheet at our Cluj store', attest: true };

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`API consent intake [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
    });
    afterAll(async () => {
      await t?.close();
    });
    const post = (url: string, payload: unknown, who: SignedIn = owner) =>
      t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
    const newList = async (doubleOptIn: boolean, who: SignedIn = owner) => {
      const res = await post(
        '/api/v1/lists',
        { name: 'News', purposeText: 'Monthly news.', channel: 'email', frequency: 'monthly', senderName: 'Shop', doubleOptIn },
        who,
      );
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const newContact = async (email: string, who: SignedIn = owner) =>
      (await post('/api/v1/contacts', { email }, who)).json().contact.id as string;
    const consent = (contactId: string, listId: string, extra: object = {}, who: SignedIn = owner) =>
      post(
        `/api/v1/contacts/${contactId}/consent`,
        { listId, textShown: 'Yes, send me the monthly news.', occurredAt: '2026-11-20T10:00:00Z', ...DECLARED, ...extra },
        who,
      );
    const gate = async (listId: string, ids: string[], accountId = owner.accountId) =>
      t.platform.services.gate.authorizeSend({ accountId, listId, channel: 'email', contactIds: ids });

    it('[CON-06] [CON-13] on a double opt-in list API consent starts a confirmation: pending, mail queued, sendable only once confirmed', async () => {
      const listId = await newList(true);
      const id = await newContact('doi-api@example.com');
      const res = await consent(id, listId);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', heldFor: null, events: [{ kind: 'requested', sourceType: 'api' }] });
      expect((await gate(listId, [id])).get(id)).toEqual({ allowed: false, reason: 'pending-confirmation' });
      const mail = await t.database.db
        .selectFrom('system_mail')
        .select(['text_body', 'template'])
        .where('to_address', '=', 'doi-api@example.com')
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]!.template).toBe('consent-confirm');
      const token = /\/confirm\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail[0]!.text_body)![1]!;
      expect((await t.app.inject({ method: 'POST', url: `/confirm/${token}` })).statusCode).toBe(200);
      expect((await gate(listId, [id])).get(id)).toEqual({ allowed: true });
      const events = await t.platform.services.consent.eventsFor(owner.accountId, id);
      expect(events.map((e) => [e.kind, e.sourceType])).toEqual([
        ['requested', 'api'],
        ['confirmed', 'api'],
      ]);
      expect(events[1]).toMatchObject({ textShown: 'Yes, send me the monthly news.', confirmIp: expect.any(String) });
    });

    it('[CON-06] [CON-13] confirmation evidence (time and IP) records requested + confirmed and sends no mail', async () => {
      const listId = await newList(true);
      const id = await newContact('doi-evidence@example.com');
      const half = await consent(id, listId, { confirmedAt: '2026-11-20T10:05:00Z' });
      expect(half.statusCode).toBe(400);
      expect(half.json().error.code).toBe('CONSENT_CONFIRMATION_INCOMPLETE');
      const res = await consent(id, listId, { confirmedAt: '2026-11-20T10:05:00Z', confirmIp: '192.0.2.9' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'active',
        confirmationId: null,
        events: [{ kind: 'requested' }, { kind: 'confirmed', confirmedAt: '2026-11-20T10:05:00.000Z', confirmIp: '192.0.2.9' }],
      });
      expect((await gate(listId, [id])).get(id)).toEqual({ allowed: true });
      const mail = await t.database.db
        .selectFrom('system_mail')
        .select('id')
        .where('to_address', '=', 'doi-evidence@example.com')
        .execute();
      expect(mail).toEqual([]);
    });

    it('[IMP-01] [CON-13] the API declares its source from the import catalogue and attests; refused sources are refused the same way', async () => {
      const listId = await newList(false);
      const id = await newContact('declared@example.com');
      const cases: [object, number, string][] = [
        [{ source: 'purchased' }, 422, 'IMPORT_SOURCE_REFUSED'],
        [{ source: 'other', sourceDescription: 'A list we bought from a broker last year' }, 422, 'IMPORT_SOURCE_REFUSED'],
        [{ source: 'other', sourceDescription: 'Listă cumpărată de la o agenție' }, 422, 'IMPORT_SOURCE_REFUSED'],
        [{ source: 'paper form' }, 400, 'IMPORT_SOURCE_INVALID'],
        [{ attest: false }, 400, 'IMPORT_ATTESTATION_REQUIRED'],
      ];
      for (const [extra, status, code] of cases) {
        const res = await consent(id, listId, extra);
        expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      }
      expect(await t.platform.services.consent.eventsFor(owner.accountId, id)).toEqual([]);
      const ok = await consent(id, listId);
      expect(ok.statusCode).toBe(201);
      expect(ok.json().events[0].evidence).toMatchObject({ source: 'event', attestation: { version: 1 } });
    });

    it('[CON-13] a consent dated 2099 is refused on the API and nothing is stored', async () => {
      const listId = await newList(false);
      const id = await newContact('future@example.com');
      for (const extra of [
        { occurredAt: '2099-01-01T00:00:00Z' },
        { confirmedAt: '2099-01-01T00:00:00Z', confirmIp: '192.0.2.1' },
      ]) {
        const res = await consent(id, listId, extra);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('CONSENT_TIME_IN_FUTURE');
      }
      expect(await t.platform.services.consent.eventsFor(owner.accountId, id)).toEqual([]);
      expect((await gate(listId, [id])).get(id)).toEqual({ allowed: false, reason: 'no-consent' });
    });

    it("[CON-07] a consent record naming another account's form, or a missing one, is refused", async () => {
      const other = await signUp(t.app);
      const foreignId = await createFormRow(t.database, other.accountId, `form-${other.accountId}`);
      const listId = await newList(false);
      const id = await newContact('form-ref@example.com');
      for (const formId of [foreignId, 'no-such-form']) {
        const res = await consent(id, listId, { formId, formVersion: 1 });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('FORM_NOT_FOUND');
      }
      const noForm = await consent(id, listId, { formVersion: 1 });
      expect([noForm.statusCode, noForm.json().error.code]).toEqual([400, 'CONSENT_FORM_REQUIRED']);
      expect(await t.platform.services.consent.eventsFor(owner.accountId, id)).toEqual([]);
    });

    it('[IMP-05] [CON-13] 1,200 contacts through the API: past the review threshold every one of them ends held, not sendable, until a reviewer approves; a per-account rate limit answers 429', async () => {
      const api = await signUp(t.app);
      const listId = await newList(false, api);
      const ids: string[] = [];
      const total = 1_200;
      const rows = Array.from({ length: total }, (_, i) => `bulk${i}@example.org`);
      for (const email of rows) ids.push((await t.platform.services.contacts.upsert(api.accountId, { email })).contact.id);
      let limited = 0;
      for (let i = 0; i < total; i++) {
        let res = await consent(ids[i]!, listId, {}, api);
        if (res.statusCode === 429) {
          limited++;
          expect(res.json().error.code).toBe('CONSENT_RATE_LIMITED');
          t.clock.advance(61_000);
          res = await consent(ids[i]!, listId, {}, api);
        }
        expect(res.statusCode).toBe(201);
        if (i < API_INTAKE_REVIEW_THRESHOLD) expect(res.json().heldFor).toBeNull();
        else expect(res.json().heldFor).toEqual(expect.any(String));
      }
      expect(limited).toBe(Math.floor((total - 1) / API_CONSENT_WRITES_PER_MINUTE));
      const decisions = await gate(listId, ids, api.accountId);
      expect([...decisions.values()].filter((d) => d.allowed)).toHaveLength(0);
      expect([...decisions.values()].every((d) => !d.allowed && d.reason === 'list-unapproved')).toBe(true);
      // The batch waits in the same review queue as imports, approved the same way.
      const queue = await t.platform.services.imports.queue('held');
      const batch = queue.find((r) => r.accountId === api.accountId);
      expect(batch).toMatchObject({ status: 'held', imported: total, source: 'event' });
      expect(batch!.holdReasons![0]).toMatch(/^api-volume/);
      await t.platform.services.imports.review(batch!.id, { userId: 'op-1' }, 'approve', 'Checked the sign-up sheets');
      const after = await gate(listId, ids, api.accountId);
      expect([...after.values()].every((d) => d.allowed)).toBe(true);
    }, 180_000);
  });
}
