// IMP-05 in a real browser against a platform with its worker: a customer drops a Mailchimp-style
// CSV (consent columns included) larger than the review threshold, checks the proposed column
// mapping, declares the source and attests; the import is held for review and the send gate
// refuses its contacts with 'list-unapproved'. A compliance reviewer approves it in the operator
// console's queue; the same contacts then pass the gate (the list's dry run counts them allowed).
// SQLite only: both engines are covered by src/server/routes/imports/imports.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_REVIEW_ROW_THRESHOLD } from '../../policy/imports.ts';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp.ts';

/** Server work (an import's release, a page load under a busy test run) can take seconds. */
const POLL = { timeout: 15_000 };
const REVIEWER = { email: 'compliance@assent.test', password: 'reviewer password 123' };
const APPROVAL_REASON = 'Consent columns present for every row; own sign-up form confirmed with the customer.';

const FIRST = [
  'ana',
  'maria',
  'elena',
  'ioana',
  'andrei',
  'mihai',
  'radu',
  'cristina',
  'vlad',
  'sorina',
  'dan',
  'gabriela',
  'tudor',
  'irina',
  'paul',
  'oana',
  'stefan',
  'alina',
  'bogdan',
  'diana',
  'florin',
  'laura',
  'sergiu',
  'monica',
  'adrian',
  'carmen',
  'victor',
  'raluca',
  'cosmin',
  'simona',
  'marius',
  'roxana',
  'lucian',
  'bianca',
  'ovidiu',
  'denisa',
  'horia',
  'corina',
  'petru',
  'teodora',
];
const LAST = [
  'popescu',
  'ionescu',
  'dumitru',
  'stan',
  'stoica',
  'gheorghe',
  'rusu',
  'munteanu',
  'matei',
  'constantin',
  'serban',
  'lazar',
  'florea',
  'dinu',
  'barbu',
  'nistor',
  'ilie',
  'toma',
  'moldovan',
  'sandu',
  'voicu',
  'cristea',
  'marin',
  'tudose',
  'preda',
  'nedelcu',
  'enache',
  'oprea',
  'ene',
  'pavel',
];
const DOMAINS = ['posta.ro', 'exemplu.ro', 'gmail.com', 'yahoo.com'];

/** A Mailchimp audience export of `rows` people, each with its own opt-in and confirmation time and IP. */
function mailchimpCsv(rows: number): string {
  const lines = ['Email Address,First Name,Last Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,MEMBER_RATING'];
  const start = Date.parse('2026-02-01T08:00:00Z');
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    // Sign-ups spread over months at irregular times (plausible, not one batch in one second).
    const optin = new Date(start + i * 5_431_000 + (i % 7) * 61_000);
    const confirm = new Date(optin.getTime() + 90_000 + (i % 11) * 13_000);
    const fmt = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);
    const ip = `86.${(i * 7) % 250}.${(i * 13) % 250}.${(i % 250) + 1}`;
    lines.push(
      `${first}.${last}@${DOMAINS[i % DOMAINS.length]},${first[0]!.toUpperCase()}${first.slice(1)},${last},${fmt(optin)},${ip},${fmt(confirm)},${ip},${(i % 5) + 1}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('import held for review, approved by a reviewer, then sendable [sqlite]', () => {
  const ROWS = IMPORT_REVIEW_ROW_THRESHOLD + 200;
  let t: TestPlatform;
  let smtp: SmtpCapture;
  let base: string;
  let browser: Browser;
  let customer: Page;
  let owner: SignedIn;
  let listId: string;
  let importId: string;

  beforeAll(async () => {
    ensureWebAppBuilt();
    smtp = await startSmtpCapture();
    t = await createTestPlatform('sqlite', { worker: true, config: { smtpUrl: smtp.url } });
    base = await t.listen();
    owner = await signUp(t.app, { companyName: 'Acme Shop SRL' });
    const list = await t.app.inject({
      method: 'POST',
      url: '/api/v1/lists',
      headers: owner.headers,
      payload: {
        name: 'Shop news',
        purposeText: 'New products and offers of our shop.',
        channel: 'email',
        frequency: 'twice a month',
        senderName: 'Acme Shop',
      },
    });
    listId = (list.json() as { id: string }).id;
    await t.platform.services.accounts.createOperator({ email: REVIEWER.email, role: 'reviewer', password: REVIEWER.password });
    browser = await launchBrowser();
    customer = await newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  /** Polls `read` while moving the platform clock on, so queued jobs fall due. */
  async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      t.clock.advance(1_000);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('[IMP-05][IMP-01][IMP-02] the customer drops the CSV, keeps the Mailchimp mapping, attests, and the import is held for review', async () => {
    const page = customer;
    await logIn(page, base, owner.email, owner.password);
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('link', { name: 'New import' }).click();

    // Drag and drop: a real drop event carrying the file in its DataTransfer.
    const csv = mailchimpCsv(ROWS);
    // (An expression string: the test's own type check has no DOM types.)
    const transfer = await page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(csv)}], 'mailchimp-audience.csv', { type: 'text/csv' })); return dt; })()`,
    );
    await page.getByTestId('drop-area').dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => page.getByTestId('chosen-file').textContent(), POLL).toContain('mailchimp-audience.csv');

    // The preview proposes the Mailchimp mapping, consent columns included; unknown columns are ignored.
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('tbody tr').count(), POLL).toBeGreaterThan(0);
    const mapped = async (label: string) =>
      page.getByTestId('mapping').getByRole('combobox', { name: label, exact: true }).inputValue();
    expect(await mapped('Email')).toBe('Email Address');
    expect(await mapped('First name')).toBe('First Name');
    expect(await mapped('Consent time')).toBe('OPTIN_TIME');
    expect(await mapped('Consent IP')).toBe('OPTIN_IP');
    expect(await mapped('Confirmation time')).toBe('CONFIRM_TIME');
    expect(await mapped('Confirmation IP')).toBe('CONFIRM_IP');
    expect(await preview.locator('th', { hasText: 'MEMBER_RATING' }).textContent()).toContain('ignored');
    expect(await preview.textContent()).toContain('ana.popescu@posta.ro');

    // IMP-01: refused sources are listed as refused with the clause; the attestation starts unticked.
    const refused = page.getByTestId('refused-sources');
    expect(await refused.textContent()).toContain('Bought');
    expect(await refused.textContent()).toContain('no rented or purchased lists');
    expect(await refused.textContent()).toContain('LinkedIn');
    const attest = page.getByRole('checkbox', { name: /every address in this file gave us its permission directly/ });
    expect(await attest.isChecked()).toBe(false);
    await page.getByRole('radio', { name: 'Our own sign-up form' }).check();
    await page.getByRole('combobox', { name: /^Target lists/ }).click({ force: true });
    await page.getByRole('option', { name: 'Shop news' }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'import-mapping');

    // Without the attestation nothing is uploaded.
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await expect.poll(() => page.getByText('You must confirm this to import.').isVisible(), POLL).toBe(true);
    expect((await t.platform.database.db.selectFrom('imports').select('id').execute()).length).toBe(0);

    await attest.check();
    await page.getByRole('button', { name: 'Upload and import' }).click();
    // The page moves from /imports/new to /imports/<id> once the upload is accepted.
    await page.waitForURL((url) => /\/app\/imports\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    importId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    await until(
      () => page.getByTestId('import-status').textContent(),
      (s) => s === 'Held for review',
      'the import to be held',
    );
    expect(await page.getByTestId('held-notice').textContent()).toContain(
      `more than ${IMPORT_REVIEW_ROW_THRESHOLD.toLocaleString('en-GB')} rows`,
    );
    expect(await page.getByTestId('count-read').textContent()).toBe(String(ROWS));
    expect(await page.getByTestId('count-imported').textContent()).toBe(String(ROWS));
    expect(await page.getByTestId('count-quarantined').textContent()).toBe('0');
    expect(await page.getByTestId('count-rejected').textContent()).toBe('0');
    expect(await page.getByTestId('count-without-evidence').textContent()).toBe('0');
    expect(await page.getByTestId('risk-score').textContent()).toMatch(/^\d+$/);

    // The contacts exist, but the gate refuses every one of them while the import is held.
    const held = await t.platform.services.gate.dryRun(owner.accountId, listId);
    expect(held.total).toBe(ROWS);
    expect(held.allowed).toBe(0);
    expect(held.refused['list-unapproved']).toBe(ROWS);
  });

  it('[IMP-05] a reviewer sees the held import with its forensics in the queue and approves it with a reason', async () => {
    const ops = await newPage();
    await logIn(ops, base, REVIEWER.email, REVIEWER.password);
    await ops.getByRole('link', { name: 'Import review' }).click();
    // One compact row per import: the account's name, rows and score; a click expands it.
    const row = ops.locator(`[data-testid="review-item"][data-import-id="${importId}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByTestId('review-account').textContent()).toBe('Acme Shop SRL');
    expect(await row.getByTestId('review-rows').textContent()).toBe(String(ROWS));
    await row.click();
    const item = ops.locator(`[data-testid="review-detail"][data-import-id="${importId}"]`);
    await expect.poll(() => item.count(), POLL).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('mailchimp-audience.csv');
    expect(text).toContain('Our own sign-up form');
    expect(text).toContain(`more than ${IMPORT_REVIEW_ROW_THRESHOLD.toLocaleString('en-GB')} rows`);
    expect(text).toContain('Forensics report');
    expect(text).toContain("This is the account's first import.");
    await screenshot(ops, 'import-review');

    await item.getByRole('button', { name: 'Approve' }).click();
    const dialog = ops.getByRole('dialog');
    await dialog.getByLabel(/^Reason/).fill(APPROVAL_REASON);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => ops.getByTestId('queue-empty').isVisible(), POLL).toBe(true);

    const rec = await t.platform.database.db
      .selectFrom('imports')
      .select(['status', 'review_reason'])
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    expect(rec).toEqual({ status: 'approved', review_reason: APPROVAL_REASON });
    await ops.context().close();
  });

  it("[IMP-05] after approval the customer sees the outcome and the list's dry run counts the contacts as sendable", async () => {
    const page = customer;
    await page.reload();
    await expect.poll(() => page.getByTestId('import-status').textContent(), POLL).toBe('Approved');
    expect(await page.getByTestId('review-outcome').textContent()).toContain(APPROVAL_REASON);

    await page.getByRole('link', { name: 'Lists' }).click();
    await page
      .getByRole('row', { name: /Shop news/ })
      .getByRole('button', { name: 'Dry run' })
      .click();
    await expect.poll(() => page.getByTestId('dry-run-allowed').textContent(), POLL).toBe(String(ROWS));
    expect(await page.getByTestId('dry-run-list-unapproved').textContent()).toBe('0');
    expect(await page.getByTestId('dry-run-total').textContent()).toBe(String(ROWS));

    const after = await t.platform.services.gate.dryRun(owner.accountId, listId);
    expect(after.allowed).toBe(ROWS);
    expect(after.refused['list-unapproved']).toBe(0);
  });
});
