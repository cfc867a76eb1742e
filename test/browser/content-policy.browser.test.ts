// CNT-01 in a real browser: a platform admin opens the content policy page, adds an English term
// to a category with a note and saves; the page shows the new stored revision, and the next screen
// of a message with that term holds or rejects it. SQLite only: both engines are covered by
// src/server/routes/content-policy/content-policy.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenContent } from '../../src/core/content/screen.ts';
import { ensureWebAppBuilt, launchBrowser, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const ADMIN = { email: 'policy-admin-browser@assent.test', password: 'policy admin password 123' };

describe('an admin tunes the content policy in the web app [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    await t.platform.services.accounts.createOperator({ email: ADMIN.email, role: 'admin', password: ADMIN.password });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('[CNT-01] adding a term and saving shows the new revision, which the next screen uses', async () => {
    const baseRevision = (await t.platform.services.contentPolicy.current()).revision;
    await page.goto(`${base}/app/login`);
    await page.getByLabel(/^Email/).fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.getByRole('link', { name: 'Content policy', exact: true }).click();
    await expect.poll(() => page.getByTestId('content-policy-revision').textContent()).toBe(baseRevision);
    await page.getByRole('button', { name: /^Gambling/ }).click();
    await page
      .getByTestId('content-policy-category-gambling')
      .getByLabel('Extra terms in English')
      .fill('lucky spin club\nspin palace');
    await page.getByLabel(/^Why this change/).fill('Two gambling brands seen in held campaigns.');
    await page.getByRole('button', { name: 'Save as a new revision' }).click();
    await expect.poll(() => page.getByTestId('content-policy-revision').textContent()).toBe(`${baseRevision}+op1`);
    await screenshot(page, 'content-policy-saved');

    const current = await t.platform.services.contentPolicy.current();
    expect(current.revision).toBe(`${baseRevision}+op1`);
    expect(current.overrides.categories?.gambling?.en?.strong).toEqual(['lucky spin club', 'spin palace']);
    const screened = screenContent(
      { channel: 'sms', lang: 'en', text: 'Join the lucky spin club tonight, sign up now!' },
      current.policy,
    );
    expect(screened.policyRevision).toBe(`${baseRevision}+op1`);
    expect(screened.findings.map((f) => f.category)).toContain('gambling');
  }, 60_000);
});
