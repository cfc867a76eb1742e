// The operator console's everyday screens in a real browser (issue 13 §4, §9): the compact import
// review queue (one row per import with the account's name; a row expands to its forensics; the
// filters narrow the rows) and the operator dashboard, whose counts match what was seeded.
// SQLite only: the queries are covered on both engines by src/server/routes/operator/dashboard.test.ts.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const REVIEWER = { email: 'queue@assent.test', password: 'reviewer password 123' };

describe('operator console: review queue and dashboard [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let page: Page;
  let bakery: SignedIn;
  let books: SignedIn;
  const ids: Record<string, string> = {};

  /** A held import written to the database with a forensics report of the given reasons. */
  async function heldImport(owner: SignedIn, fileName: string, score: number, reasons: [string, number][]) {
    const id = randomUUID();
    const at = t.clock.now().toISOString();
    await t.database.db
      .insertInto('imports')
      .values({
        id,
        account_id: owner.accountId,
        status: 'held',
        file_name: fileName,
        file_sha256: randomUUID().replace(/-/g, ''),
        file_bytes: 2_000,
        source: 'own-form',
        source_description: null,
        attestation: JSON.stringify({
          attested: true,
          at,
          userId: null,
          ip: null,
          userAgent: null,
          text: 'I attest.',
          version: 1,
        }),
        list_ids: '[]',
        mapping: null,
        encoding: 'utf-8',
        delimiter: ',',
        consent_date: null,
        total_rows: 40,
        risk_score: score,
        forensics: JSON.stringify({
          score,
          reasons: reasons.map(([reason, points]) => ({
            reason,
            weight: points,
            measure: 0.5,
            points,
            detail: `${reason} seen`,
          })),
          stats: {},
          samples: Object.fromEntries(reasons.map(([reason]) => [reason, [{ rowNumber: 7, email: `${reason}@example.test` }]])),
        }),
        hold_reasons: JSON.stringify([`risk score ${score}`]),
        error: null,
        review_reason: null,
        reviewed_by: null,
        reviewed_at: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    ids[fileName] = id;
  }

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    bakery = await signUp(t.app, { companyName: 'Brutăria Dulce SRL' });
    books = await signUp(t.app, { companyName: 'Cluj Books' });
    await heldImport(bakery, 'bakery-spring.csv', 62, [
      ['role-addresses', 25],
      ['disposable-addresses', 20],
      ['old-consent', 10],
      ['missing-consent-dates', 7],
    ]);
    await heldImport(bakery, 'bakery-old.csv', 30, [['old-consent', 15]]);
    await heldImport(books, 'books.csv', 45, [['scraping-artefacts', 35]]);
    await t.platform.services.standing.transition({
      accountId: books.accountId,
      action: 'warn',
      reason: 'Complaint rate above the threshold',
      actor: { type: 'system', id: 'test' },
    });
    await t.platform.services.accounts.createOperator({ email: REVIEWER.email, role: 'reviewer', password: REVIEWER.password });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, base, REVIEWER.email, REVIEWER.password);
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows one row per held import with the account name; a row expands to its forensics; filters narrow the rows', async () => {
    await page.goto(`${base}/app/operator/imports`);
    const rows = page.getByTestId('review-item');
    await expect.poll(() => rows.count(), POLL).toBe(3);
    const spring = page.locator(`[data-testid="review-item"][data-import-id="${ids['bakery-spring.csv']}"]`);
    expect(await spring.getByTestId('review-account').textContent()).toBe('Brutăria Dulce SRL');
    expect(await spring.getByTestId('review-score').textContent()).toBe('62');
    // The top three reasons by points, in words; the fourth is left to the expanded report.
    const reasons = (await spring.getByTestId('review-reasons').textContent()) ?? '';
    expect(reasons).toContain('Role addresses');
    expect(reasons).toContain('Disposable addresses');
    expect(reasons).toContain('Old consent');
    expect(reasons).not.toContain('Missing consent times');
    expect(reasons).toContain('+1');
    // Collapsed: no forensics on the page yet.
    expect(await page.getByTestId('forensics').count()).toBe(0);
    await screenshot(page, 'operator-import-review');

    await spring.click();
    const detail = page.locator(`[data-testid="review-detail"][data-import-id="${ids['bakery-spring.csv']}"]`);
    await expect.poll(() => detail.getByTestId('forensics').count(), POLL).toBe(1);
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('Missing consent times');
    expect(text).toContain('role-addresses@example.test');
    expect(text).toContain('risk score 62');
    await screenshot(page, 'operator-import-review-expanded');

    // The account filter keeps the bakery's two imports.
    await page.getByRole('combobox', { name: 'Account', exact: true }).click();
    await page.getByRole('option', { name: 'Brutăria Dulce SRL' }).click();
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await page.getByTestId('queue-count').textContent()).toBe('2 of 3 imports');
    // The lowest score narrows them to the one at 62.
    await page.getByRole('textbox', { name: 'Lowest score' }).fill('50');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().getAttribute('data-import-id')).toBe(ids['bakery-spring.csv']);
  });

  it('the operator dashboard counts what waits, with links into the screens', async () => {
    await page.goto(`${base}/app/operator`);
    await expect.poll(() => page.getByTestId('dash-imports-held-count').textContent(), POLL).toBe('3');
    expect(await page.getByTestId('dash-campaigns-held-count').textContent()).toBe('0');
    expect(await page.getByTestId('dash-open-incidents-count').textContent()).toBe('0');
    expect(await page.getByTestId('dash-standing-active-count').textContent()).toBe('1');
    expect(await page.getByTestId('dash-standing-warned-count').textContent()).toBe('1');
    expect(await page.getByTestId('dash-standing-blocked-count').textContent()).toBe('0');
    // No relay in tests: the two verification mails and the warning notice wait in the outbox.
    const unsent = await t.database.db
      .selectFrom('system_mail')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'held'])
      .executeTakeFirstOrThrow();
    expect(Number(unsent.n)).toBeGreaterThan(0);
    expect(await page.getByTestId('dash-outbox-backlog-count').textContent()).toBe(String(unsent.n));
    await screenshot(page, 'operator-dashboard');

    // The warned tile links to the account list filtered by that standing.
    await page.getByTestId('dash-standing-warned').click();
    await page.waitForURL((url) => url.pathname.endsWith('/operator/accounts') && url.search.includes('standing=warned'));
    await expect.poll(() => page.locator('tbody tr').count(), POLL).toBe(1);
    expect(await page.locator('tbody tr').first().textContent()).toContain('Cluj Books');
  });
});
