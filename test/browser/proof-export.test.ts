// CON-09 in a real browser: a visitor signs up on a hosted form (single opt-in list, so the
// consent is active at once); the customer opens the contact in the web app, sees its consent and
// events, and presses "Export proof of opt-in (JSON)". The downloaded file is what
// `assent proof verify FILE` accepts — and refuses once one byte of the text shown is altered.
// SQLite only: both engines are covered by the consent route and ledger tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountWithLists,
  createPublishedForm,
  definition,
  openForm,
  postForm,
  type FormFixture,
} from '../../src/server/routes/forms/testing.ts';
import { ensureWebAppBuilt, launchBrowser } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

/** Server work (an import's release, a page load under a busy test run) can take seconds. */
const POLL = { timeout: 15_000 };
const VISITOR = 'ioana@example.com';

const proofVerify = (file: string) => runCli(['proof', 'verify', file]);

describe('proof of opt-in export from the web app [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let page: Page;
  let fx: FormFixture;
  let dir: string;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    fx = await accountWithLists(t.app);
    const formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
    // The visitor ticks the "deals" box (a single opt-in list): one 'granted' event.
    const opened = await openForm(t.app, formId);
    t.clock.advance(5_000);
    const res = await postForm(t.app, formId, {
      _version: opened.version,
      _started: opened.started,
      website: '',
      email: VISITOR,
      box_deals: 'yes',
    });
    if (res.statusCode !== 200) throw new Error(`form post: ${res.statusCode} ${res.body}`);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    dir = mkdtempSync(join(tmpdir(), 'assent-proof-ui-'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('[CON-09] the contact page shows the consent and its proof button downloads a bundle that `assent proof verify` accepts', async () => {
    await page.goto(`${base}/app/login`);
    await page.getByLabel(/^Email/).fill(fx.owner.email);
    await page.getByLabel(/^Password/).fill(fx.owner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/app\/?$/);

    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: VISITOR }).click();
    await expect.poll(() => page.getByTestId('contact-title').textContent(), POLL).toBe(VISITOR);
    // The consent state per list and the event with the exact text the visitor saw.
    const states = page.getByTestId('consent-states');
    await expect.poll(() => states.textContent(), POLL).toContain('Deals');
    expect(await states.textContent()).toContain('Active');
    await expect.poll(() => page.getByTestId('consent-event').count(), POLL).toBe(1);
    expect(await page.getByTestId('consent-event').textContent()).toContain('Consent given');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export proof of opt-in (JSON)' }).click(),
    ]);
    const file = join(dir, 'proof.json');
    await download.saveAs(file);
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
      contactId: string;
      events: Array<{ kind: string; textShown: string; listId: string }>;
    };
    const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email: VISITOR });
    expect(bundle.contactId).toBe(contact!.id);
    expect(bundle.events.map((e) => [e.kind, e.listId])).toEqual([['granted', fx.lists.deals]]);
    expect(bundle.events[0]!.textShown).toContain('Acme Books');

    const ok = await proofVerify(file);
    expect(ok.code, ok.out).toBe(0);

    // The verifier really checks the bytes: one changed word in the text shown fails it.
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace('Acme Books', 'Acme Boots'));
    const bad = await proofVerify(tampered);
    expect(bad.code).toBe(1);
  });

  it('[CON-09] the readable proof page opens from the same screen with the exact text shown', async () => {
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'Open readable proof' }).click(),
    ]);
    await popup.waitForLoadState('load');
    expect(await popup.textContent('h1')).toBe('Proof of opt-in');
    expect(await popup.textContent('body')).toContain('Acme Books');
    await popup.close();
  });
});
