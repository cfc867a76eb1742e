// The import screens in a real browser (issue 13 §3): a 3,000-row file's preview appears; a
// preview that fails says why in a sentence (not a CSV, the connection broke); while the job runs
// the progress bar shows rows processed of the total and the rate; the risk score's reasons are
// written in plain words with their points. The job is the real one (imports.process, the code
// the worker runs), called by the test so that it can look at the page after each committed batch.
// SQLite only: the API these screens read is covered on both engines in
// src/server/routes/imports/imports.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BATCH_ROWS, PREVIEW_ROWS } from '../../src/core/imports/limits.ts';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const FIRST = ['ana', 'ion', 'maria', 'vlad', 'elena', 'mihai', 'ioana', 'radu', 'irina', 'dan', 'oana', 'andrei'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'posta.ro', 'firma.ro', 'outlook.com'];

/** A Mailchimp-style export: every 10th address at a disposable-mail domain, consent times a minute apart. */
function csv(rows: number): Buffer {
  const lines = ['Email Address,First Name,OPTIN_TIME'];
  const start = Date.parse('2025-06-01T08:00:00Z');
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const domain = i % 10 === 0 ? 'mailinator.com' : DOMAINS[i % DOMAINS.length]!;
    const optin = new Date(start + i * 61_000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${first}.${(i * 2_654_435_761) % 4_294_967_296}@${domain},${first},${optin}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('import screens [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let page: Page;
  let owner: SignedIn;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    owner = await signUp(t.app);
    await t.platform.services.lists.create(owner.accountId, {
      name: 'Shop news',
      purposeText: 'New products and offers of our shop.',
      channel: 'email',
      frequency: 'twice a month',
      senderName: 'Acme Shop',
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await logIn(page, base, owner.email, owner.password);
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const choose = (name: string, buffer: Buffer) =>
    page.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'text/csv', buffer });

  it('the preview of a 3,000-row file appears with its first rows and the proposed mapping', async () => {
    await page.goto(`${base}/app/imports/new`);
    await choose('audience-3000.csv', csv(3_000));
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('tbody tr').count(), POLL).toBe(PREVIEW_ROWS);
    expect(await preview.textContent()).toContain(`ana.0@mailinator.com`);
    expect(await page.getByTestId('mapping').getByRole('combobox', { name: 'Email', exact: true }).inputValue()).toBe(
      'Email Address',
    );
    expect(await page.getByTestId('preview-error').count()).toBe(0);
    await screenshot(page, 'imports-preview');
  });

  it('a preview that fails says why and what to do: not a CSV file, then a broken connection', async () => {
    await page.goto(`${base}/app/imports/new`);
    await choose('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const error = page.getByTestId('preview-error');
    await expect.poll(() => error.textContent(), POLL).toContain('This is not a CSV text file');
    expect(await error.textContent()).toContain('CSV (UTF-8)');
    expect(await error.getAttribute('data-code')).toBe('IMPORT_NOT_CSV');
    expect(await page.getByTestId('preview').count()).toBe(0);
    await screenshot(page, 'imports-preview-error');

    await page.route('**/api/v1/imports/preview', (route) => route.abort('connectionreset'));
    try {
      await choose('audience.csv', csv(50));
      await expect.poll(() => error.textContent(), POLL).toContain('The connection to the server broke off');
      expect(await error.getAttribute('data-code')).toBe('NETWORK');
    } finally {
      await page.unroute('**/api/v1/imports/preview');
    }
    // The same file again, connection back: the error gives way to the preview.
    await choose('audience.csv', csv(50));
    await expect.poll(() => page.getByTestId('preview').locator('tbody tr').count(), POLL).toBe(PREVIEW_ROWS);
    expect(await error.count()).toBe(0);
  });

  it('while the job runs the bar shows rows processed of the total and the rate; then the risk reasons in plain words', async () => {
    const ROWS = 3 * IMPORT_BATCH_ROWS;
    await page.goto(`${base}/app/imports/new`);
    await choose('audience-big.csv', csv(ROWS));
    await expect.poll(() => page.getByTestId('preview').locator('tbody tr').count(), POLL).toBe(PREVIEW_ROWS);
    await page.getByRole('radio', { name: 'Our own sign-up form' }).check();
    await page.getByRole('combobox', { name: /^Target lists/ }).click({ force: true });
    await page.getByRole('option', { name: 'Shop news' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: /every address in this file gave us its permission directly/ }).check();
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.waitForURL((url) => /\/app\/imports\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const rows = page.getByTestId('progress-rows');
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-stage'), POLL).toBe('waiting');

    // The real job; after each committed batch the page must show that batch before the next one.
    // The platform clock moves one second per batch, so the rate between two batches is known.
    const seen: string[] = [];
    const done = await t.platform.services.imports.process(id, async ({ lastRow }) => {
      const shown = `${lastRow.toLocaleString('en-GB')} of ${ROWS.toLocaleString('en-GB')} rows imported`;
      await expect.poll(() => rows.textContent(), POLL).toContain(shown);
      if (lastRow === 2 * IMPORT_BATCH_ROWS) {
        const rate = `${IMPORT_BATCH_ROWS.toLocaleString('en-GB')} rows/s`;
        await expect.poll(() => page.getByTestId('progress-rate').textContent(), POLL).toBe(rate);
        await screenshot(page, 'imports-progress');
      }
      seen.push((await rows.textContent()) ?? '');
      t.clock.advance(1_000);
    });
    expect(seen).toEqual([
      '5,000 of 15,000 rows imported (33%)',
      '10,000 of 15,000 rows imported (66%)',
      '15,000 of 15,000 rows imported (100%)',
    ]);
    expect(done?.status).toBe('held');

    await expect.poll(() => page.getByTestId('import-status').textContent(), POLL).toBe('Held for review');
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await page.getByTestId('count-read').textContent()).toBe(String(ROWS));
    // IMP-04: the reason the reviewer sees, in words, with its points out of the score.
    const score = (await page.getByTestId('risk-score').textContent()) ?? '';
    const disposable = page.locator('[data-testid="risk-reason"][data-reason="disposable-addresses"]');
    expect(await disposable.textContent()).toBe(
      `10% of the addresses (1,500) are at disposable-mail domains, which stop working after a few days — 25 of the score ${score} (this reason adds at most 25).`,
    );
    await screenshot(page, 'imports-status');
  });
});
