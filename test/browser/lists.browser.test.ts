// The lists screen in a real browser (issue 13 §2): open a list, see its counts per status and
// the gained/lost chart, edit its purpose and see version 2 beside version 1, archive it and find
// it apart, read-only, then unarchive it. SQLite only: both engines are covered by
// src/core/lists/lists.test.ts and src/server/routes/lists/lists.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };

describe('lists page [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let page: Page;
  let owner: SignedIn;
  let listId: string;

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    owner = await signUp(t.app);
    const { lists, contacts, consent } = t.platform.services;
    const list = await lists.create(owner.accountId, {
      name: 'News',
      purposeText: 'Monthly product news by email.',
      channel: 'email',
      frequency: 'monthly',
      senderName: 'Shop',
    });
    listId = list.id;
    // 5 contacts: 3 active, 1 pending, 1 withdrawn.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await contacts.upsert(owner.accountId, { email: `p${i}@shop.example` })).contact.id);
    const event = (contactId: string, kind: 'granted' | 'requested') => ({
      contactId,
      listId: list.id,
      channel: 'email' as const,
      kind,
      sourceType: 'form' as const,
      textShown: 'Yes, send me News.',
    });
    await consent.record(owner.accountId, [...ids.slice(0, 4).map((id) => event(id, 'granted')), event(ids[4]!, 'requested')]);
    await consent.withdraw(owner.accountId, ids[3]!, [list.id], { sourceType: 'unsubscribe' });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, base, owner.email, owner.password);
    await page.waitForURL(/\/app\/?$/);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a list shows its counts per status and the gained/lost chart', async () => {
    await page.getByRole('link', { name: 'Lists' }).click();
    await expect.poll(() => page.getByTestId('active-count').first().textContent(), POLL).toBe('3 active · 1 pending');
    await screenshot(page, 'lists-index');
    await page.getByTestId('list-row-News').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('count-active').textContent(), POLL).toBe('3');
    expect(await page.getByTestId('count-pending').textContent()).toBe('1');
    expect(await page.getByTestId('count-withdrawn').textContent()).toBe('1');
    expect(await page.getByTestId('count-suppressed').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('list-growth').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('growth-totals').textContent()).toContain('4 gained, 1 lost');
    await page.getByText('90 days', { exact: true }).click();
    await expect.poll(() => page.getByTestId('growth-totals').textContent(), POLL).toContain('Last 90 days');
    await screenshot(page, 'lists-detail');
  });

  it('editing the purpose makes version 2; version 1 stays listed and the old consent keeps its text', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByTestId('version-note').textContent()).toContain('version 1');
    await page.getByLabel(/^Purpose/).fill('Weekly product news and offers by email.');
    await expect.poll(() => page.getByTestId('version-note').textContent(), POLL).toContain('version 2');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('list-version').textContent(), POLL).toBe('Version 2');
    await expect
      .poll(() => page.getByTestId('list-purpose').textContent(), POLL)
      .toBe('Weekly product news and offers by email.');
    const versions = page.getByTestId('list-versions').locator('tbody tr');
    await expect.poll(() => versions.count(), POLL).toBe(2);
    expect(await versions.nth(0).textContent()).toContain('Weekly product news and offers by email.');
    expect(await versions.nth(1).textContent()).toContain('Monthly product news by email.');
    const [stored] = await t.platform.services.consent.eventsFor(
      owner.accountId,
      (await t.platform.services.contacts.findByAddress(owner.accountId, { email: 'p0@shop.example' }))!.id,
    );
    expect(stored).toMatchObject({ listId, textShown: 'Yes, send me News.', evidence: { listVersion: 1 } });
  });

  it('archiving moves the list apart, read-only; unarchiving brings it back', async () => {
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => page.getByTestId('lists-archived').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('lists-active').count()).toBe(0);
    await page.getByTestId('lists-archived').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('list-archived').isVisible(), POLL).toBe(true);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await screenshot(page, 'lists-archived');
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await expect.poll(() => page.getByTestId('lists-active').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('lists-archived').count()).toBe(0);
  });
});
