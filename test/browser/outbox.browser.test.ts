// The system-mail outbox in a real browser (headless Chromium) on the embedded default without a
// relay (no SMTP_URL, ACC-07): a customer signs up and asks for the verification mail again from
// the dashboard; an operator opens the outbox, opens the verification mail, and sees its headers,
// its text part and its HTML part in a sandboxed iframe whose link opens in a new tab.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupPayload } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const OPERATOR = { email: 'ops-outbox@assent.test', password: 'operator password 123' };

describe('system-mail outbox in a browser (sqlite)', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  const customer = signupPayload({ email: 'unverified@acme-shop.test' });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  const verificationMails = async () =>
    (await t.platform.services.systemMail.listOutbox({})).filter((m) => m.to === customer.email && m.template === 'verify-email');

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    browser = await launchBrowser();
    await t.platform.services.accounts.createOperator({ ...OPERATOR, role: 'admin' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: customer });
    expect(res.statusCode).toBe(202);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('[ACC-07] an unverified customer resends the verification email from the dashboard', async () => {
    expect(await verificationMails()).toHaveLength(1);
    const page = await newPage();
    await logIn(page, base, String(customer.email), String(customer.password));
    const banner = page.getByTestId('email-unverified');
    await expect.poll(() => banner.textContent()).toContain('not verified yet');
    await page.getByRole('button', { name: 'Resend verification email' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('We sent a new verification email');
    expect(await verificationMails()).toHaveLength(2);
    await page.context().close();
  });

  it('[ACC-07] an operator opens the verification mail in the outbox; the HTML part shows the link, opening in a new tab', async () => {
    const [newest] = await verificationMails();
    const page = await newPage();
    await logIn(page, base, OPERATOR.email, OPERATOR.password);
    await page.goto(`${base}/app/operator/outbox`);
    const row = page.locator(`[data-testid="outbox-row"][data-mail-id="${newest!.id}"]`);
    await expect.poll(() => row.textContent()).toContain(customer.email);
    await row.click();

    const mail = page.getByTestId('outbox-mail');
    await expect.poll(() => mail.isVisible()).toBe(true);
    const headers = page.getByTestId('outbox-mail-headers');
    expect(await headers.textContent()).toContain(String(customer.email));
    expect(await headers.textContent()).toContain(t.platform.config.mailFrom);
    expect(await headers.textContent()).toContain('X-Assent-Mail');
    expect(await mail.textContent()).toContain('no SMTP relay is configured');

    const iframe = page.getByTestId('outbox-mail-html');
    expect(await iframe.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    const frame = page.frameLocator('[data-testid="outbox-mail-html"]');
    const link = frame.locator('a[href*="/app/verify-email?token="]').first();
    await expect.poll(() => link.isVisible()).toBe(true);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${t.platform.config.publicUrl}/app/verify-email?token=`)).toBe(true);
    expect(newest!.text).toContain(href);
    // <base target="_blank"> in the srcdoc: the link opens in a new tab, out of the sandbox.
    expect(await frame.locator('base').getAttribute('target')).toBe('_blank');
    await screenshot(page, 'outbox-verification-mail');

    await page.getByRole('tab', { name: 'Text part' }).click();
    await expect.poll(() => page.getByTestId('outbox-mail-text').textContent()).toContain(href);
    expect(await page.getByTestId('outbox-mail-text').evaluate((el) => el.tagName)).toBe('PRE');
    await page.context().close();
  });
});
