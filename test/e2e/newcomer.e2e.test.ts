// Issue 13's "done when": a newcomer on the embedded default goes from sign-up to a verified
// account, a published form and a confirmed contact without reading the database or the code.
// The platform runs as the README's quick start runs it — `assent all` as a child process on a
// fresh SQLite file with no SMTP_URL — and everything after is done in Chromium: the first-start
// output gives the operator's login and says where system mail is read; the operator opens the
// verification mail and the confirmation mail in the outbox; the customer creates a list and a
// form, publishes it, and sees the confirmed contact on the contacts page.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_TIME_MS } from '../../src/core/forms/bot-defence.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';

const POLL = { timeout: 20_000 };
const CUSTOMER = {
  email: 'owner@newcomer-shop.test',
  password: 'a long newcomer password',
  company: 'Newcomer Shop',
};
const SUBSCRIBER = 'reader@newcomer-mail.test';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a newcomer on the embedded default, from sign-up to a confirmed contact', () => {
  let dir: string;
  let child: ChildProcess;
  let exited: Promise<void>;
  let base: string;
  let browser: Browser;
  let firstStart = '';
  const operator = { email: '', password: '' };

  beforeAll(async () => {
    ensureWebAppBuilt();
    dir = mkdtempSync(join(tmpdir(), 'assent-newcomer-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base };
    env.SQLITE_FILE = join(dir, 'assent.db');
    env.INBOUND_SMTP = 'false';
    env.LOG_LEVEL = 'warn';
    for (const k of ['DATABASE_URL', 'SMTP_URL', 'SMTP_RELAYS', 'ASSENT_SECRET', 'OPERATOR_EMAIL']) delete env[k];
    child = spawn(process.execPath, ['src/cli/main.ts', 'all'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.on('data', (b: Buffer) => process.stderr.write(`[assent all] ${b.toString()}`));
    // The first start prints the operator's login once, then the server answers.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no first-start output in 60 s:\n${firstStart}`)), 60_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        firstStart += `${line}\n`;
        const email = /^\s*Email:\s+(\S+)/.exec(line);
        const password = /^\s*Password:\s+(\S+)/.exec(line);
        if (email) operator.email = email[1]!;
        if (password) operator.password = password[1]!;
        if (operator.email && operator.password && /outbox/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`assent all exited with ${code}:\n${firstStart}`)));
    });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (child?.pid && child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  /** The operator opens the newest outbox mail to `to` and returns the first link of its HTML part that matches. */
  async function linkFromOutbox(ops: Page, to: string, href: RegExp): Promise<string> {
    await ops.goto(`${base}/app/operator/outbox`);
    const row = ops.locator('[data-testid="outbox-row"]', { hasText: to }).first();
    await expect.poll(() => row.count(), POLL).toBe(1);
    await row.click();
    const frame = ops.frameLocator('[data-testid="outbox-mail-html"]');
    const hrefs = () => frame.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    await expect.poll(async () => (await hrefs()).some((h) => href.test(h)), POLL).toBe(true);
    return (await hrefs()).find((h) => href.test(h))!;
  }

  it('the first start prints the operator login and where system mail is read', () => {
    expect(firstStart).toContain(`Sign in at: ${base}/app/login`);
    expect(operator.password.length).toBeGreaterThanOrEqual(12);
    expect(firstStart).toContain(`${base}/app/operator/outbox`);
  });

  it('signs up, is verified from the outbox, publishes a form and sees the confirmed contact', async () => {
    // 1. Sign-up, in the browser.
    const customer = await newPage();
    await customer.goto(`${base}/app/signup`);
    await customer.getByLabel(/^Email/).fill(CUSTOMER.email);
    await customer.getByLabel(/^Password/).fill(CUSTOMER.password);
    await customer.getByLabel('Your name').fill('Ana Nou');
    await customer.getByLabel('Company name').fill(CUSTOMER.company);
    await customer.getByLabel('Postal address').fill('Str. Exemplu 2, 010101 București, Romania');
    await customer.getByRole('combobox', { name: /^Industry/ }).click();
    await customer.getByRole('option', { name: 'Retail and e-commerce' }).click();
    await customer.getByLabel('What will you send?').fill('A monthly newsletter to customers who asked for it.');
    await customer.getByRole('checkbox', { name: 'I accept the Terms' }).check();
    await customer.getByRole('checkbox', { name: 'I accept the Anti-Spam Policy' }).check();
    await customer.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => customer.getByTestId('signup-check-mail').textContent(), POLL).toContain(CUSTOMER.email);

    // 2. The operator reads the verification mail in the outbox; the customer follows its link.
    const ops = await newPage();
    await logIn(ops, base, operator.email, operator.password);
    const verify = await linkFromOutbox(ops, CUSTOMER.email, /\/app\/verify-email\?token=/);
    expect(verify.startsWith(`${base}/app/verify-email?token=`)).toBe(true);
    await customer.goto(verify);
    await expect.poll(() => customer.getByText('Your email address is verified.').count(), POLL).toBe(1);
    await logIn(customer, base, CUSTOMER.email, CUSTOMER.password);
    await customer.goto(`${base}/app/`);
    await expect.poll(() => customer.getByTestId('account-name').textContent(), POLL).toBe(CUSTOMER.company);
    await expect.poll(() => customer.getByTestId('email-unverified').count(), POLL).toBe(0);

    // 3. A list, from the lists screen.
    await customer.getByRole('link', { name: 'Lists', exact: true }).click();
    await customer.getByRole('button', { name: 'Create list' }).first().click();
    const modal = customer.getByRole('dialog');
    await modal.getByLabel(/^Name/).fill('Newsletter');
    await modal.getByLabel(/^Purpose/).fill('our monthly newsletter with new products and offers');
    await modal.getByLabel(/^Frequency/).fill('once a month');
    await modal.getByLabel(/^Sender name/).fill(CUSTOMER.company);
    await modal.getByRole('button', { name: 'Create list' }).click();
    await expect.poll(() => customer.getByRole('row', { name: /Newsletter/ }).count(), POLL).toBe(1);

    // 4. A form with one consent box for the list, saved and published.
    await customer.getByRole('link', { name: 'Sign-up forms', exact: true }).click();
    await customer
      .getByRole('link', { name: 'New form' })
      .or(customer.getByRole('button', { name: 'New form' }))
      .first()
      .click();
    await customer.getByLabel(/^Name/).first().fill('Footer sign-up');
    await customer.getByRole('button', { name: 'Add consent box' }).click();
    const box = customer.getByTestId('consent-box-editor').first();
    await box.getByRole('combobox', { name: /^List/ }).click();
    await customer.getByRole('option', { name: /Newsletter/ }).click();
    const kind = box.getByLabel(/^Kind of messages/);
    if (!(await kind.inputValue())) await kind.fill('newsletters');
    await customer.getByRole('button', { name: 'Create form' }).click();
    const publish = customer.getByTestId('publish-latest');
    await expect.poll(() => publish.isEnabled(), POLL).toBe(true);
    await publish.click();
    const hosted = customer.getByTestId('hosted-link');
    await expect.poll(() => hosted.count(), POLL).toBe(1);
    const formUrl = (await hosted.getAttribute('href')) ?? (await hosted.textContent()) ?? '';
    expect(formUrl).toContain('/f/');
    await screenshot(customer, 'newcomer-form-published');

    // 5. A visitor subscribes on the hosted form (after a person's reading time, CON-11)…
    const visitor = await newPage();
    await visitor.goto(new URL(formUrl, base).toString());
    await visitor.fill('input[name="email"]', SUBSCRIBER);
    await visitor.locator('input[type="checkbox"]').first().check();
    await new Promise((r) => setTimeout(r, MIN_FILL_TIME_MS + 500));
    await Promise.all([visitor.waitForLoadState('load'), visitor.click('button[type="submit"]')]);
    await expect.poll(() => visitor.textContent('h1'), POLL).toBe('Check your inbox');

    // …and confirms from the mail the operator can read in the outbox.
    const confirm = await linkFromOutbox(ops, SUBSCRIBER, /\/confirm\//);
    await visitor.goto(confirm);
    await Promise.all([visitor.waitForLoadState('load'), visitor.click('button[type="submit"]')]);
    await expect.poll(() => visitor.textContent('h1'), POLL).toBe('Subscription confirmed');

    // 6. The customer sees the confirmed contact, active on the list.
    await customer.getByRole('link', { name: 'Contacts', exact: true }).click();
    const row = customer.getByRole('row', { name: new RegExp(SUBSCRIBER) });
    await expect.poll(() => row.textContent(), POLL).toContain('Active');
    await screenshot(customer, 'newcomer-contacts');
  }, 180_000);
});
