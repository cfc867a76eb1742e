// The contacts page in a real browser: the search finds a contact by part of its address and by
// name; a list + status filter shows the right total and stays in the address (reload, links
// from the dashboard and a list's counts); the dashboard chart stays readable at 390 px; the
// contact page shows its consent timeline and its suppressions. SQLite only: both engines are covered by the listing tests in
// src/core/contacts/list.test.ts and src/server/routes/contacts/list-contacts.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };

describe('contacts page [sqlite]', () => {
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
    const { lists, contacts, consent, suppression } = t.platform.services;
    const list = await lists.create(owner.accountId, {
      name: 'News',
      purposeText: 'Monthly product news by email; unsubscribe any time.',
      channel: 'email',
      frequency: 'monthly',
      senderName: 'Shop',
    });
    // 12 contacts on News: 8 active, 2 withdrawn, 1 pending, 1 suppressed.
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const attributes = i === 3 ? { firstName: 'Ioana', lastName: 'Popescu' } : {};
      ids.push((await contacts.upsert(owner.accountId, { email: `buyer${i}@shop.example`, attributes })).contact.id);
    }
    const event = (contactId: string, kind: 'granted' | 'requested') => ({
      contactId,
      listId: list.id,
      channel: 'email' as const,
      kind,
      sourceType: 'form' as const,
      textShown: 'Yes, send me News.',
    });
    await consent.record(owner.accountId, [...ids.slice(0, 11).map((id) => event(id, 'granted')), event(ids[11]!, 'requested')]);
    for (const id of ids.slice(8, 10)) await consent.withdraw(owner.accountId, id, [list.id], { sourceType: 'unsubscribe' });
    await suppression.add(owner.accountId, 'buyer10@shop.example', 'complaint', 'complaint:r1');
    // buyer0 also gave consent through the API (still active: the counts above stay as they are).
    await consent.record(owner.accountId, [{ ...event(ids[0]!, 'granted'), sourceType: 'api' as const }]);
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

  const rows = () => page.getByTestId('contact-row').allTextContents();

  it('the search finds a contact by part of its address and by name', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), POLL).toBe('Contacts: 12');
    await page.getByTestId('contacts-search').fill('yer3@sh');
    await expect.poll(async () => (await rows()).length, POLL).toBe(1);
    expect((await rows())[0]).toContain('buyer3@shop.example');
    expect((await rows())[0]).toContain('Ioana Popescu');
    await page.getByTestId('contacts-search').fill('popescu');
    await expect.poll(async () => (await rows()).join('|'), POLL).toContain('buyer3@shop.example');
    expect(await rows()).toHaveLength(1);
    await page.getByTestId('contacts-search').fill('nobody-here');
    await expect.poll(() => page.getByTestId('contacts-no-match').isVisible(), POLL).toBe(true);
    await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
    await expect.poll(async () => (await rows()).length, POLL).toBe(12);
  });

  it('a list and status filter shows the right total', async () => {
    await page.getByTestId('contacts-list-filter').click();
    await page.getByRole('option', { name: 'News' }).click();
    await expect.poll(() => page.getByTestId('contacts-totals').textContent(), POLL).toContain('8 Active');
    const totals = await page.getByTestId('contacts-totals').textContent();
    expect(totals).toContain('2 Withdrawn');
    expect(totals).toContain('1 Pending');
    expect(totals).toContain('1 Suppressed');
    await page.getByTestId('contacts-status-filter').click();
    await page.getByRole('option', { name: 'Withdrawn' }).click();
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), POLL).toBe('Withdrawn: 2 of 12');
    await expect.poll(async () => (await rows()).length, POLL).toBe(2);
    await screenshot(page, 'contacts-filtered');
  });

  it('the filters live in the address: a reload keeps them, and the dashboard and list counts link to them', async () => {
    // Left filtered by the test before: News + Withdrawn.
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), POLL).toBe('withdrawn');
    expect(new URL(page.url()).searchParams.get('listId')).not.toBeNull();
    await page.reload();
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), POLL).toBe('Withdrawn: 2 of 12');
    expect(await rows()).toHaveLength(2);
    // The search is written to the address a moment after typing, and read back on reload.
    await page.getByTestId('contacts-search').fill('buyer8@');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBe('buyer8@');
    await page.reload();
    await expect.poll(() => page.getByTestId('contacts-search').inputValue(), POLL).toBe('buyer8@');
    await expect.poll(async () => (await rows()).length, POLL).toBe(1);

    // The dashboard's "contacts by status" rows open the contacts page filtered to that status.
    await page.goto(`${base}/app`);
    await page.getByTestId('dashboard-contacts').getByTestId('contacts-withdrawn').click();
    await page.waitForURL(/\/app\/contacts\?status=withdrawn$/);
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), POLL).toBe('Withdrawn: 2 of 12');
    expect(await page.getByTestId('contacts-search').inputValue()).toBe('');

    // A list's counts open the contacts of that list with that status.
    await page.getByRole('link', { name: 'Lists' }).click();
    await page.getByTestId('list-row-News').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('count-pending').textContent(), POLL).toBe('1');
    await page.getByTestId('count-link-pending').click();
    await page.waitForURL(/\/app\/contacts\?/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('pending');
    await expect.poll(async () => (await rows()).join('|'), POLL).toContain('buyer11@shop.example');
    expect(await rows()).toHaveLength(1);
  });

  it('at 390 px the charts keep their labels readable (at least 11 px)', async () => {
    const phone = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await logIn(p, base, owner.email, owner.password);
    await p.waitForURL(/\/app\/?$/);
    const chart = p.getByTestId('growth-chart');
    await expect.poll(() => chart.locator('svg text').count(), POLL).toBeGreaterThan(0);
    // The rendered size of each label: its font size times the drawing's scale on screen.
    const sizes = await chart.evaluate((el) =>
      [...el.querySelectorAll('svg text')].map((node) => {
        // (The test's tsconfig has no DOM types: the one SVG call is typed here.)
        const svg = node.closest('svg') as unknown as { getScreenCTM(): { a: number } | null } | null;
        return Number(node.getAttribute('font-size')) * (svg?.getScreenCTM()?.a ?? 1);
      }),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // And the drawing fits the phone: no wider than the viewport.
    expect((await chart.locator('svg[role="img"]').boundingBox())!.width).toBeLessThanOrEqual(390);
    await screenshot(p, 'dashboard-phone-chart');
    await phone.close();
  });

  it('the source filter keeps the contacts whose consent came that way', async () => {
    await page.goto(`${base}/app/contacts`);
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), POLL).toBe('Contacts: 12');
    await page.getByTestId('contacts-source-filter').click();
    await page.getByRole('option', { name: 'API' }).click();
    await expect.poll(async () => (await rows()).length, POLL).toBe(1);
    expect((await rows())[0]).toContain('buyer0@shop.example');
    expect(new URL(page.url()).searchParams.get('source')).toBe('api');
    await page.getByTestId('contacts-source-filter').click();
    await page.getByRole('option', { name: 'Import' }).click();
    await expect.poll(() => page.getByTestId('contacts-no-match').count(), POLL).toBe(1);
    await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), POLL).toBe('Contacts: 12');
  });

  it("the contact page shows the consent timeline and the address's suppression", async () => {
    await page.goto(`${base}/app/contacts`);
    await page.getByTestId('contacts-search').fill('buyer10@');
    await page.getByRole('link', { name: 'buyer10@shop.example' }).click();
    await expect.poll(() => page.getByTestId('contact-title').textContent(), POLL).toBe('buyer10@shop.example');
    await expect.poll(() => page.getByTestId('consent-event').count(), POLL).toBe(1);
    expect(await page.getByTestId('consent-event').textContent()).toContain('Yes, send me News.');
    const supp = await page.getByTestId('suppressions').textContent();
    expect(supp).toContain('Spam complaint');
    expect(supp).toContain('complaint:r1');
    expect(supp).toContain('This account');
    await screenshot(page, 'contact-timeline');
  });

  it('bulk: unsubscribing the selected contacts from the list updates the totals', async () => {
    await page.goto(`${base}/app/contacts`);
    await page.getByTestId('contacts-search').fill('buyer0@');
    await expect.poll(async () => (await rows()).length, POLL).toBe(1);
    await page.getByLabel('Select buyer0@shop.example').check();
    await page.getByTestId('contacts-bulk-list').click();
    await page.getByRole('option', { name: 'News' }).click();
    await page.getByRole('button', { name: 'Unsubscribe from the list' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unsubscribe from the list' }).click();
    await expect.poll(() => page.getByTestId('contacts-totals').textContent(), POLL).toContain('1 Withdrawn');
  });
});
