// The web app in a real browser (headless Chromium) against a real server on 127.0.0.1:
// signup with the two policy boxes ("check your mailbox", then login), the Romanian interface,
// and an operator blocking an account, which the customer then sees with the reason.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebAppBuilt, launchBrowser, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const CUSTOMER = { email: 'owner@acme-shop.test', password: 'correct horse battery', company: 'Acme Shop SRL' };
const OPERATOR = { email: 'ops@assent.test', password: 'operator password 123' };
const BLOCK_REASON = 'Bought list of 40,000 addresses mailed without consent (complaint rate 4%).';

describe('web app in a browser (sqlite)', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let customer: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    customer = await context.newPage();
    customer.setDefaultTimeout(10_000);
    customer.on('pageerror', (err) => console.error('page error:', err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const usersWithEmail = async (email: string) =>
    (await t.database.db.selectFrom('users').select('id').where('email', '=', email).execute()).length;

  it('[ACC-01][ACC-02] signs up through the UI only when both policy boxes are ticked by the person', async () => {
    const page = customer;
    await page.goto(`${base}/app/signup`);
    await page.getByLabel(/^Email/).fill(CUSTOMER.email);
    await page.getByLabel(/^Password/).fill(CUSTOMER.password);
    await page.getByLabel('Your name').fill('Ana Popescu');
    await page.getByLabel('Company name').fill(CUSTOMER.company);
    await page.getByLabel('Postal address').fill('Str. Exemplu 1, 010101 București, Romania');
    // ACC-02: an industry held for review says so, with the policy clause, before submitting.
    const industry = page.getByRole('combobox', { name: /^Industry/ });
    await industry.click();
    await page.getByRole('option', { name: 'Gambling and casino — held for review' }).click();
    await expect
      .poll(() => page.getByTestId('industry-policy').textContent())
      .toContain('held for review by our compliance team');
    await industry.click();
    await page.getByRole('option', { name: 'Retail and e-commerce' }).click();
    expect(await page.getByTestId('industry-policy').count()).toBe(0);
    await page.getByLabel('What will you send?').fill('A monthly newsletter to customers who opted in at checkout.');

    const terms = page.getByRole('checkbox', { name: 'I accept the Terms' });
    const antiSpam = page.getByRole('checkbox', { name: 'I accept the Anti-Spam Policy' });
    // Both start unchecked and each links to its document.
    expect(await terms.isChecked()).toBe(false);
    expect(await antiSpam.isChecked()).toBe(false);
    expect(await page.getByRole('link', { name: 'Terms' }).getAttribute('href')).toBe('/legal/terms');
    expect(await page.getByRole('link', { name: 'Anti-Spam Policy' }).getAttribute('href')).toBe('/legal/anti-spam');
    await screenshot(page, 'signup');

    await terms.check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText('You must accept the Anti-Spam Policy to create an account.').isVisible()).toBe(true);
    expect(await usersWithEmail(CUSTOMER.email)).toBe(0);

    await antiSpam.check();
    await page.getByRole('button', { name: 'Create account' }).click();
    // Signup signs nobody in (the answer is the same for a taken address): check the mailbox, then log in.
    await expect.poll(() => page.getByTestId('signup-check-mail').textContent()).toContain(`We sent a mail to ${CUSTOMER.email}`);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('assent_session');
    expect(await usersWithEmail(CUSTOMER.email)).toBe(1);
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/app/login`);
    await page.getByLabel(/^Email/).fill(CUSTOMER.email);
    await page.getByLabel(/^Password/).fill(CUSTOMER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/app\/?$/);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe(CUSTOMER.company);
    const acceptances = await t.database.db.selectFrom('policy_acceptances').select('document').execute();
    expect(acceptances.map((a) => a.document).sort()).toEqual(['anti-spam', 'terms']);
  });

  it('[ACC-01] logs out and logs back in to the dashboard with the account name', async () => {
    const page = customer;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${base}/app/login`);
    await page.getByLabel(/^Email/).fill(CUSTOMER.email);
    await page.getByLabel(/^Password/).fill(CUSTOMER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/app\/?$/);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe(CUSTOMER.company);
  });

  it('[I18N-01] switching to Română shows the interface in Romanian', async () => {
    const page = customer;
    await page.getByText('Română', { exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Ieșire' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Setările contului' }).isVisible()).toBe(true);
    expect(await page.getByText('Contul tău este în regulă.').isVisible()).toBe(true);
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
  });

  it('[ACC-07] settings let the owner turn off feature news and explain that critical notices stay on', async () => {
    const page = customer;
    await page.getByRole('link', { name: 'Account settings' }).click();
    await expect.poll(() => page.getByText('Account-critical notices').isVisible()).toBe(true);
    const news = page.getByRole('switch', { name: 'Send me feature news' });
    await expect.poll(() => news.isChecked()).toBe(true);
    await news.uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(
        async () =>
          (
            await t.database.db
              .selectFrom('accounts')
              .select('feature_news_opt_out')
              .where('name', '=', CUSTOMER.company)
              .executeTakeFirstOrThrow()
          ).feature_news_opt_out,
      )
      .toBe(1);
  });

  it('[SEC-01] creates an API key that is shown once, then lists it by its prefix only', async () => {
    const page = customer;
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel(/^Name/).fill('Shop sync');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent()) ?? '';
    expect(key).toMatch(/^ak_/);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    const row = page.getByRole('row', { name: /Shop sync/ });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(key.slice(0, 11));
    expect(rowText).not.toContain(key);
  });

  it('[ACC-05] an operator blocks the account with a reason; the customer sees why and which services are off', async () => {
    await t.platform.services.accounts.createOperator({ email: OPERATOR.email, role: 'admin', password: OPERATOR.password });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const ops = await context.newPage();
    ops.setDefaultTimeout(10_000);
    await ops.goto(`${base}/app/login`);
    await ops.getByLabel(/^Email/).fill(OPERATOR.email);
    await ops.getByLabel(/^Password/).fill(OPERATOR.password);
    await ops.getByRole('button', { name: 'Log in' }).click();
    // Operators land on their dashboard; the accounts are one click away.
    await ops.waitForURL(`${base}/app/operator`);
    await ops.getByRole('link', { name: 'Accounts', exact: true }).click();
    await ops.waitForURL(`${base}/app/operator/accounts`);
    const row = ops.getByRole('row', { name: new RegExp(CUSTOMER.company) });
    await expect.poll(() => row.textContent()).toContain('Active');
    await screenshot(ops, 'operator-accounts');

    await row.getByRole('link', { name: CUSTOMER.company }).click();
    await ops.getByRole('button', { name: 'Block', exact: true }).click();
    const dialog = ops.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(BLOCK_REASON);
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await expect.poll(() => ops.getByTestId('operator-standing').textContent()).toBe('Blocked');
    await expect.poll(() => ops.getByRole('cell', { name: BLOCK_REASON }).count()).toBeGreaterThan(0);
    await screenshot(ops, 'operator-console');
    // ACC-07: the verification mail and the block notice went through the system-mail outbox.
    await ops.getByRole('link', { name: 'System-mail outbox' }).click();
    await expect.poll(() => ops.getByRole('row', { name: new RegExp(CUSTOMER.email) }).count()).toBeGreaterThan(0);
    await context.close();

    const account = await t.database.db
      .selectFrom('accounts')
      .select(['standing', 'refund_eligible'])
      .where('name', '=', CUSTOMER.company)
      .executeTakeFirstOrThrow();
    expect(account.standing).toBe('blocked');
    expect(Number(account.refund_eligible)).toBe(0);

    // Shown on every page of the app, with the reason, and on the dashboard.
    await customer.reload();
    await expect.poll(() => customer.getByTestId('standing-banner').getAttribute('data-standing')).toBe('blocked');
    await customer.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => customer.getByTestId('account-name').textContent()).toBe(CUSTOMER.company);
    const banner = customer.getByTestId('standing-banner');
    await expect.poll(() => banner.getAttribute('data-standing')).toBe('blocked');
    expect(await customer.getByTestId('standing-reason').textContent()).toBe(BLOCK_REASON);
    const text = (await banner.textContent()) ?? '';
    for (const service of ['Contact imports', 'Email sending', 'SMS sending', 'API access']) expect(text).toContain(service);
    await screenshot(customer, 'customer-blocked');
  }, 60_000);
});
