// Issue 13 §7 on both engines: the hosted form keeps what the person typed and ticked after a
// validation error; a local phone number is read in the account's default country; the hosted
// form, its JSON and the preference page name the sender and link its privacy policy; a stored
// version's consent text is served as stored; the builder's dry run answers the publish rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { FormDefinitionSchema } from '../../../core/forms/definition.ts';
import { renderForm } from '../../../core/forms/render-text.ts';
import { createFormStore } from '../../../db/repositories/forms.ts';
import { accountWithLists, createPublishedForm, definition, openForm, postForm, type FormFixture } from '../forms/testing.ts';

const checkbox = (html: string, key: string) =>
  new RegExp(`<input type="checkbox" name="box_${key}"[^>]*>`).exec(html)?.[0] ?? '';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`hosted form: values, country, sender [${engine}]`, () => {
    let t: TestPlatform;
    let fx: FormFixture;
    let formId: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      fx = await accountWithLists(t.app);
      formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
    });
    afterAll(async () => {
      await t?.close();
    });

    async function filled(extra: Record<string, string>) {
      const page = await openForm(t.app, formId);
      t.clock.advance(5_000);
      return { _version: page.version, _started: page.started, website: '', ...extra };
    }
    const patchAccount = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/account', headers: fx.owner.headers, payload });

    it('after a validation error the page comes back with the typed values and the ticked boxes ticked', async () => {
      const res = await postForm(
        t.app,
        formId,
        await filled({ email: 'not-an-email', first_name: 'Ana', box_news: 'yes', 'box_partner-1': 'yes' }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('value="not-an-email"');
      expect(res.body).toContain('value="Ana"');
      expect(checkbox(res.body, 'news')).toMatch(/\bchecked\b/);
      expect(checkbox(res.body, 'partner-1')).toMatch(/\bchecked\b/);
      expect(checkbox(res.body, 'deals')).not.toMatch(/\bchecked\b/);
      expect(checkbox(res.body, 'sms')).not.toMatch(/\bchecked\b/);
    });

    it('[CON-02] after a stale version no box comes back ticked: its text must be read again', async () => {
      const res = await postForm(t.app, formId, {
        ...(await filled({ email: 'ana@example.org', box_news: 'yes' })),
        _version: '0',
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('value="ana@example.org"');
      expect(checkbox(res.body, 'news')).toBeTruthy();
      expect(checkbox(res.body, 'news')).not.toMatch(/\bchecked\b/);
    });

    it("[SMS-04] a local phone number is stored in E.164 with the account's default country", async () => {
      const local = { email: 'ion@example.org', phone: '0721 234 567', box_sms: 'yes' };
      const before = await postForm(t.app, formId, await filled(local));
      expect(before.statusCode).toBe(400);
      expect(before.body).toContain('id="f-phone-err"');

      expect((await patchAccount({ defaultCountry: 'XX' })).json()).toMatchObject({ error: { code: 'ACCOUNT_COUNTRY_INVALID' } });
      const set = await patchAccount({ defaultCountry: 'ro' });
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ defaultCountry: 'RO' });

      const after = await postForm(t.app, formId, await filled(local));
      expect(after.statusCode).toBe(200);
      const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { phone: '+40721234567' });
      expect(contact?.phone).toBe('+40721234567');
      expect(contact?.email).toBe('ion@example.org');
    });

    it('the hosted form, its JSON and the preference page name the sender and link its privacy policy', async () => {
      const bad = await patchAccount({ privacyPolicyUrl: 'javascript:alert(1)' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'ACCOUNT_PRIVACY_URL_INVALID' } });
      const noLink = await openForm(t.app, formId);
      expect(noLink.html).not.toContain('data-testid="privacy-link"');

      expect((await patchAccount({ privacyPolicyUrl: 'https://acme.example/privacy' })).statusCode).toBe(200);
      const account = (await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: fx.owner.headers })).json() as {
        name: string;
      };
      const { html } = await openForm(t.app, formId);
      expect(html).toContain(`Sender: ${account.name}`);
      expect(html).toContain(
        '<a href="https://acme.example/privacy" rel="noopener" data-testid="privacy-link">Privacy policy</a>',
      );

      const json = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${formId}` });
      expect(json.json()).toMatchObject({ sender: { name: account.name, privacyPolicyUrl: 'https://acme.example/privacy' } });

      const { contact } = await t.platform.services.contacts.upsert(fx.owner.accountId, { email: 'pref@example.org' });
      const url = t.platform.services.unsubscribe.preferencesUrl({
        accountId: fx.owner.accountId,
        contactId: contact.id,
        listId: null,
        campaignId: null,
      });
      const prefs = await t.app.inject({ method: 'GET', url: `/p/${url.slice(url.lastIndexOf('/') + 1)}` });
      expect(prefs.statusCode).toBe(200);
      expect(prefs.body).toContain(`Sender: ${account.name}`);
      expect(prefs.body).toContain('href="https://acme.example/privacy"');
    });

    it('[CON-07] a stored version is served and recorded with its stored text, whatever the wording of today', async () => {
      const store = createFormStore(t.database);
      const form = await store.getForm(fx.owner.accountId, formId);
      const def = FormDefinitionSchema.parse(definition(fx.lists));
      const rendered = renderForm(def);
      const oldText = 'I agree to receive a newsletter (wording of an earlier release).';
      rendered.boxes[0] = { ...rendered.boxes[0]!, text: oldText, textHash: 'x'.repeat(64) };
      const version = form!.latestVersion + 1;
      const at = t.clock.now().toISOString();
      const appended = await store.appendVersion(
        { formId, version, accountId: fx.owner.accountId, definition: def, rendered, createdAt: at, createdBy: null },
        at,
      );
      expect(appended).toBe(true);
      const pub = await t.app.inject({
        method: 'POST',
        url: `/api/v1/forms/${formId}/publish`,
        headers: fx.owner.headers,
        payload: { version },
      });
      expect(pub.statusCode).toBe(200);
      const page = await openForm(t.app, formId);
      expect(page.html).toContain(oldText);
      t.clock.advance(5_000);
      const res = await postForm(t.app, formId, {
        _version: page.version,
        _started: page.started,
        website: '',
        email: 'old@example.org',
        box_news: 'yes',
      });
      expect(res.statusCode).toBe(200);
      const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email: 'old@example.org' });
      const events = await t.platform.services.consent.eventsFor(fx.owner.accountId, contact!.id);
      expect(events.map((e) => e.textShown)).toEqual([oldText]);
    });

    it('the dry run answers the publish rules and the texts of an unsaved draft, storing nothing', async () => {
      const validate = (payload: object) =>
        t.app.inject({ method: 'POST', url: '/api/v1/forms/validate', headers: fx.owner.headers, payload });
      const formsBefore = (await t.app.inject({ method: 'GET', url: '/api/v1/forms', headers: fx.owner.headers })).body;

      const broken = definition(fx.lists);
      broken.consentBoxes![0] = { ...broken.consentBoxes![0]!, checkedByDefault: true, purpose: { sender: 'Acme Books' } };
      const bad = await validate(broken);
      expect(bad.statusCode).toBe(200);
      expect((bad.json() as { problems: Array<{ code: string }> }).problems.map((p) => p.code)).toEqual([
        'FORM_CONSENT_PRECHECKED',
        'FORM_PURPOSE_INCOMPLETE',
      ]);

      const good = await validate(definition(fx.lists));
      expect(good.json()).toMatchObject({ issues: [], problems: [] });
      expect((good.json() as { rendered: { boxes: Array<{ text: string }> } }).rendered.boxes[0]!.text).toMatch(
        /^I agree to receive a newsletter with new titles from Acme Books by email, once a week\./,
      );

      const shapeless = await validate({ ...definition(fx.lists), name: '' });
      expect(shapeless.json()).toMatchObject({ problems: [], rendered: null, issues: [{ path: 'name' }] });

      const formsAfter = (await t.app.inject({ method: 'GET', url: '/api/v1/forms', headers: fx.owner.headers })).body;
      expect(formsAfter).toBe(formsBefore);
    });
  });
}
