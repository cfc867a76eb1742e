// One language choice in a real browser (issue 13 §8, I18N-01): a visitor picks Română on the
// public site and the app opens in Romanian; signed in, the app's switch to English is saved to
// the user's profile and the public site follows it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

describe('one language choice in a browser (sqlite)', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let owner: SignedIn;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    browser = await launchBrowser();
    owner = await signUp(t.app);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('[I18N-01] Română picked on the public site opens the app in Romanian; the in-app switch is saved and carries back', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/`);
    await page.locator('a.lang-switch').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/lang'));
    await page.goto(`${base}/app/login`);
    await expect.poll(() => page.getByRole('button', { name: 'Intră în cont' }).count()).toBe(1);

    await page.getByLabel(/^Email/).fill(owner.email);
    await page.getByLabel(/^Parolă/).fill(owner.password);
    await page.getByRole('button', { name: 'Intră în cont' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    // The public-site choice is saved to the profile once signed in.
    const language = async () =>
      (await t.database.db.selectFrom('users').select('language').where('id', '=', owner.userId).executeTakeFirstOrThrow())
        .language;
    await expect.poll(language).toBe('ro');

    // The app is in Romanian, then switched to English (the radio sits under its label).
    expect(await page.getByRole('radio', { name: 'Română' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'English' }).dispatchEvent('click');
    await expect.poll(language).toBe('en');
    await expect.poll(() => page.getByRole('link', { name: 'Dashboard' }).count()).toBeGreaterThan(0);
    // Back on the public site: English, the same choice.
    await page.goto(`${base}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
