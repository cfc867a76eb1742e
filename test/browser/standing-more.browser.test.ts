// A restricted or blocked account on the lists, imports and forms screens, in a real browser
// (issue 13 §6): the notice says why (with the operator's reason) and what to do, the actions the
// API's standing guard would refuse are disabled before any click, and the read-only views stay.
// SQLite only: the standing guard itself is covered on both engines in src/server/standing-guard.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLists, definition, type FormFixture } from '../../src/server/routes/forms/testing.ts';
import type { SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const RESTRICT_REASON = 'Imported addresses bounced at 12% last week';
const BLOCK_REASON = 'Purchased list confirmed by the review';
const OPERATOR = { type: 'operator' as const, id: 'op-standing-more' };

describe('standing on lists, imports and forms [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let restricted: FormFixture;
  let blocked: FormFixture;
  let formId: string;

  async function signedIn(who: SignedIn): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, base, who.email, who.password);
    await page.waitForURL(/\/app\/?$/);
    return page;
  }

  async function noticeShows(page: Page, reason: 'blocked' | 'restricted', text: string): Promise<void> {
    const notice = page.getByTestId('service-notice');
    await expect.poll(() => notice.isVisible(), POLL).toBe(true);
    expect(await notice.getAttribute('data-reason')).toBe(reason);
    expect(await notice.getByTestId('service-notice-reason').textContent()).toBe(text);
  }

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    restricted = await accountWithLists(t.app);
    blocked = await accountWithLists(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms',
      headers: blocked.owner.headers,
      payload: definition(blocked.lists, { partners: [] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    formId = (created.json() as { form: { id: string } }).form.id;
    await t.platform.services.standing.transition({
      accountId: restricted.owner.accountId,
      action: 'restrict',
      services: ['import'],
      reason: RESTRICT_REASON,
      actor: OPERATOR,
    });
    await t.platform.services.standing.transition({
      accountId: blocked.owner.accountId,
      action: 'block',
      reason: BLOCK_REASON,
      actor: OPERATOR,
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('[ACC-04] imports switched off: the imports screens say why and cannot start one; lists and forms still work', async () => {
    const page = await signedIn(restricted.owner);
    await page.getByRole('link', { name: 'Imports' }).click();
    await noticeShows(page, 'restricted', RESTRICT_REASON);
    expect(await page.getByTestId('service-notice').textContent()).toContain('Contact imports');
    expect(await page.getByTestId('import-new').isDisabled()).toBe(true);
    await screenshot(page, 'standing-imports-restricted');

    // Reached by its address: the notice again, and no file can be chosen.
    await page.goto(`${base}/app/imports/new`);
    await noticeShows(page, 'restricted', RESTRICT_REASON);
    expect(await page.locator('button', { hasText: 'Choose a file' }).isDisabled()).toBe(true);
    expect(await page.locator('input[type="file"]').isDisabled()).toBe(true);
    expect(await page.getByTestId('drop-area').getAttribute('data-disabled')).toBe('true');

    // Lists and forms need no restrictable service: no notice, their actions on.
    await page.getByRole('link', { name: 'Lists' }).click();
    await expect.poll(() => page.getByTestId('list-create').isEnabled(), POLL).toBe(true);
    expect(await page.getByTestId('service-notice').count()).toBe(0);
    await page.getByRole('link', { name: 'Sign-up forms' }).click();
    await expect.poll(() => page.getByTestId('form-new').isEnabled(), POLL).toBe(true);
    expect(await page.getByTestId('service-notice').count()).toBe(0);
    await page.context().close();
  });

  it('[ACC-05] a blocked account: lists, imports and forms show the reason with their writes disabled, their data still readable', async () => {
    const page = await signedIn(blocked.owner);
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/v1/') && !r.url().includes('/auth/')) writes.push(r.url());
    });

    await page.getByRole('link', { name: 'Lists' }).click();
    await noticeShows(page, 'blocked', BLOCK_REASON);
    expect(await page.getByTestId('list-create').isDisabled()).toBe(true);
    await screenshot(page, 'standing-lists-blocked');
    // The list still opens with its counts; edit and archive are off.
    await page.getByTestId('list-row-Newsletter').getByRole('button', { name: 'Open' }).click();
    const detail = page.getByTestId('list-detail');
    await expect.poll(() => detail.getByTestId('count-active').textContent(), POLL).toBe('0');
    expect(await detail.getByTestId('list-edit').isDisabled()).toBe(true);
    expect(await detail.getByTestId('list-archive').isDisabled()).toBe(true);
    expect(await detail.getByTestId('service-notice').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Imports' }).click();
    await noticeShows(page, 'blocked', BLOCK_REASON);
    expect(await page.getByTestId('import-new').isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Sign-up forms' }).click();
    await noticeShows(page, 'blocked', BLOCK_REASON);
    expect(await page.getByTestId('form-new').isDisabled()).toBe(true);
    // The saved form opens read-only: its versions and texts show, save and publish are off.
    await page.getByRole('link', { name: 'Join Acme Books' }).click();
    await noticeShows(page, 'blocked', BLOCK_REASON);
    await expect.poll(() => page.getByTestId('form-versions').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('publish-latest').isDisabled()).toBe(true);
    expect(await page.getByTestId('form-save').isDisabled()).toBe(true);
    // Editing the draft asks nothing of the server (its dry run is a write the guard refuses).
    await page.getByLabel(/^Name/).first().fill('Join Acme Books again');
    expect(await page.getByTestId('form-save').isDisabled()).toBe(true);
    await screenshot(page, 'standing-forms-blocked');
    expect(await page.getByTestId('error-notification').count()).toBe(0);
    expect(writes).toEqual([]);
    const form = await t.platform.services.forms.get(blocked.owner.accountId, formId);
    expect(form.form.publishedVersion).toBeNull();
    await page.context().close();
  });
});
