// The form builder API on both engines: versions, publish refusals by rule code, tenancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signUp } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { accountWithLists, definition, type FormFixture } from './testing.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`form builder API [${engine}]`, () => {
    let t: TestPlatform;
    let fx: FormFixture;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      fx = await accountWithLists(t.app);
    });
    afterAll(async () => {
      await t?.close();
    });

    async function create(def: unknown) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/forms',
        headers: fx.owner.headers,
        payload: def as Record<string, unknown>,
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { form: { id: string }; problems: { code: string }[] };
    }
    async function publishCode(def: unknown) {
      const { form } = await create(def);
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/publish`, headers: fx.owner.headers });
      return [res.statusCode, res.json().error?.code];
    }

    it('[CON-02][CON-03][CON-04][CON-05][SMS-01] refuses to publish a form breaking a rule, naming the rule', async () => {
      const d = () => definition(fx.lists);
      const prechecked = d();
      prechecked.consentBoxes![0]!.checkedByDefault = true;
      expect(await publishCode(prechecked)).toEqual([422, 'FORM_CONSENT_PRECHECKED']);
      const shared = d();
      shared.consentBoxes![0]!.listIds = [fx.lists.news, fx.lists.sms];
      shared.consentBoxes!.splice(2, 1);
      expect(await publishCode(shared)).toEqual([422, 'FORM_ONE_BOX_PER_LIST']);
      const withTerms = d();
      withTerms.consentBoxes![1]!.alsoAcceptsTerms = true;
      expect(await publishCode(withTerms)).toEqual([422, 'FORM_BOX_SHARED_WITH_TERMS']);
      const noPurpose = d();
      delete noPurpose.consentBoxes![0]!.purpose;
      expect(await publishCode(noPurpose)).toEqual([422, 'FORM_PURPOSE_MISSING']);
      const partial = d();
      partial.consentBoxes![0]!.purpose = { sender: 'Acme', kind: 'news' };
      expect(await publishCode(partial)).toEqual([422, 'FORM_PURPOSE_INCOMPLETE']);
      const partners = d();
      partners.partners = Array.from({ length: 11 }, (_, i) => ({
        name: `Partner ${i}`,
        purposeText: 'offers by email, monthly',
      }));
      expect(await publishCode(partners)).toEqual([422, 'FORM_TOO_MANY_PARTNERS']);
      const sms = d();
      sms.consentBoxes![2]!.sms = { programName: 'Acme Alerts' };
      expect(await publishCode(sms)).toEqual([422, 'FORM_SMS_TEXT_INCOMPLETE']);
      expect(await publishCode(d())).toEqual([200, undefined]);
    });

    it('[CON-07] every edit makes a new immutable version; the published version stays until republished', async () => {
      const { form } = await create(definition(fx.lists));
      await t.app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/publish`, headers: fx.owner.headers });
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/forms/${form.id}`,
        headers: fx.owner.headers,
        payload: definition(fx.lists, { name: 'Renamed' }),
      });
      expect(put.statusCode).toBe(200);
      expect([put.json().latest.version, put.json().published.version, put.json().published.definition.name]).toEqual([
        2,
        1,
        'Join Acme Books',
      ]);
      const v1 = await t.platform.database.db
        .selectFrom('form_versions')
        .selectAll()
        .where('form_id', '=', form.id)
        .where('version', '=', 1)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(v1.definition).name).toBe('Join Acme Books');
      await expect(
        t.platform.database.db.updateTable('form_versions').set({ definition: '{}' }).where('form_id', '=', form.id).execute(),
      ).rejects.toThrow(/immutable/);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/forms', headers: fx.owner.headers });
      expect(list.json().items.find((f: { id: string }) => f.id === form.id)).toMatchObject({
        name: 'Renamed',
        latestVersion: 2,
        publishedVersion: 1,
      });
    });

    it("answers 404 for another account's form and accepts an API key with forms scopes", async () => {
      const { form } = await create(definition(fx.lists));
      const stranger = await signUp(t.app);
      for (const [method, url] of [
        ['GET', `/api/v1/forms/${form.id}`],
        ['PUT', `/api/v1/forms/${form.id}`],
        ['POST', `/api/v1/forms/${form.id}/publish`],
        ['GET', `/api/v1/forms/${form.id}/embed`],
      ] as const) {
        const res = await t.app.inject({
          method,
          url,
          headers: stranger.headers,
          payload: method === 'PUT' ? definition(fx.lists) : undefined,
        });
        expect([url, res.statusCode, res.json().error.code]).toEqual([url, 404, 'FORM_NOT_FOUND']);
      }
      const key = await createApiKey(t.app, fx.owner, ['forms:read']);
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/v1/forms/${form.id}`,
        headers: { authorization: `Bearer ${key.key}` },
      });
      expect(read.statusCode).toBe(200);
    });

    it('[CON-02] the embed snippet posts to the hosted form and carries no consent box', async () => {
      const { form } = await create(definition(fx.lists));
      await t.app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/publish`, headers: fx.owner.headers });
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/forms/${form.id}/embed`, headers: fx.owner.headers });
      const { html } = res.json();
      expect(html).toContain(`action="http://assent.test/f/${form.id}"`);
      expect(html).not.toContain('type="checkbox"');
      // Its "continue" step shows the hosted page with the typed values and unchecked boxes.
      const step = await t.app.inject({
        method: 'POST',
        url: `/f/${form.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '_step=continue&email=dan%40example.com&website=',
      });
      expect(step.statusCode).toBe(200);
      expect(step.body).toContain('value="dan@example.com"');
      expect(step.body).not.toMatch(/type="checkbox"[^>]*checked/);
    });
  });
}
