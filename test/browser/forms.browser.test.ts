// The form builder and the hosted form in a real browser (issue 13 §7): Publish is disabled while
// problems are listed and the list clears as soon as the draft is fixed; the sender settings set
// the default phone country and the privacy link; the hosted form names the sender, links its
// privacy policy, keeps the typed values and ticked boxes after an error, and stores a local
// number in E.164. SQLite only: both engines are covered by the route tests in
// src/server/routes/forms-public/sender-and-values.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLists, definition, type FormFixture } from '../../src/server/routes/forms/testing.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const EN = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', 'en', 'errors.json'), 'utf8')) as {
  errors: Record<string, string>;
  errorActions: Record<string, string>;
};

describe('forms in a browser [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let page: Page;
  let fx: FormFixture;
  let formId: string;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    fx = await accountWithLists(t.app);
    // A saved form whose first box does not say how to withdraw (CON-04): not publishable yet.
    const def = definition(fx.lists, { partners: [] });
    const { withdraw: _w, ...purpose } = def.consentBoxes![0]!.purpose!;
    def.consentBoxes![0] = { ...def.consentBoxes![0]!, purpose };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/forms', headers: fx.owner.headers, payload: def });
    formId = (created.json() as { form: { id: string } }).form.id;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, base, fx.owner.email, fx.owner.password);
    await page.waitForURL(/\/app\/?$/);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('Publish is disabled while problems are listed, and enabled with the list gone once fixed', async () => {
    await page.goto(`${base}/app/forms/${formId}`);
    const problems = page.getByTestId('form-problems');
    // In words: the box, what is wrong and what to do; the rule's code only small, for support.
    await expect.poll(() => problems.textContent(), POLL).toContain(EN.errors.FORM_PURPOSE_INCOMPLETE);
    const problem = problems.locator('[data-code="FORM_PURPOSE_INCOMPLETE"]');
    expect(await problem.textContent()).toContain('Consent box 1 › purpose text');
    expect(await problem.textContent()).toContain(EN.errorActions.FORM_PURPOSE_INCOMPLETE);
    expect(await problems.textContent()).not.toContain('CON-04');
    const publish = page.getByTestId('publish-latest');
    expect(await publish.isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-blocked').isVisible()).toBe(true);
    await screenshot(page, 'forms-builder');

    // The fix: the problem leaves the list as soon as the draft is checked (no save needed).
    const withdraw = page
      .getByTestId('consent-box-editor')
      .first()
      .getByLabel(/^How to withdraw/);
    await withdraw.fill('use the unsubscribe link in every message');
    await expect.poll(() => problems.count(), POLL).toBe(0);
    // What the visitor will read follows the draft before it is saved.
    await expect
      .poll(() => page.getByTestId('draft-texts').textContent(), POLL)
      .toContain('I can withdraw my consent at any time: use the unsubscribe link in every message.');

    await page.getByRole('button', { name: 'Save as new version' }).click();
    await expect.poll(() => publish.isEnabled(), POLL).toBe(true);
    expect(await page.getByTestId('publish-blocked').count()).toBe(0);
    await publish.click();
    await expect.poll(() => page.getByTestId('hosted-link').count(), POLL).toBe(1);
    const form = await t.platform.services.forms.get(fx.owner.accountId, formId);
    expect(form.form.publishedVersion).toBe(2);
  });

  it('the sender settings set the default phone country and the privacy link', async () => {
    await page.goto(`${base}/app/settings`);
    const card = page.getByTestId('sender-settings');
    await card.getByLabel(/^Default country for phone numbers/).fill('RO');
    await card.getByLabel(/^Privacy policy link/).fill('https://acme.example/privacy');
    await screenshot(page, 'forms-sender-settings');
    await card.getByRole('button', { name: 'Save sender details' }).click();
    await expect
      .poll(async () => {
        const a = await t.platform.services.accounts.getAccount(fx.owner.accountId);
        return [a.defaultCountry, a.privacyPolicyUrl];
      }, POLL)
      .toEqual(['RO', 'https://acme.example/privacy']);
  });

  it('the hosted form names the sender, links the privacy policy, keeps values after an error and takes a local number', async () => {
    const account = await t.platform.services.accounts.getAccount(fx.owner.accountId);
    await page.goto(`${base}/f/${formId}`);
    expect(await page.getByTestId('sender').textContent()).toContain(`Sender: ${account.name}`);
    expect(await page.getByTestId('privacy-link').getAttribute('href')).toBe('https://acme.example/privacy');
    await screenshot(page, 'forms-hosted');

    // A number too short to be one: the server's error (the browser checks nothing on a tel field).
    await page.fill('input[name="email"]', 'ana@example.org');
    await page.fill('input[name="first_name"]', 'Ana');
    await page.fill('input[name="phone"]', '0721');
    await page.check('input[name="box_news"]');
    await page.check('input[name="box_sms"]');
    t.clock.advance(5_000);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    await expect.poll(() => page.locator('#f-phone-err').count(), POLL).toBe(1);
    expect(await page.inputValue('input[name="email"]')).toBe('ana@example.org');
    expect(await page.inputValue('input[name="first_name"]')).toBe('Ana');
    expect(await page.inputValue('input[name="phone"]')).toBe('0721');
    expect(await page.isChecked('input[name="box_news"]')).toBe(true);
    expect(await page.isChecked('input[name="box_sms"]')).toBe(true);
    expect(await page.isChecked('input[name="box_deals"]')).toBe(false);
    await screenshot(page, 'forms-hosted-error');

    // A local number, read in the account's default country (RO).
    await page.fill('input[name="phone"]', '0721 234 567');
    t.clock.advance(5_000);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    await expect.poll(() => page.textContent('h1'), POLL).toBe('Check your inbox');
    const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email: 'ana@example.org' });
    expect(contact?.phone).toBe('+40721234567');
  });
});
