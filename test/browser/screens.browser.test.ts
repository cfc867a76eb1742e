// Every main screen at a phone's width (issue 13 §10): a customer with a little data and an
// operator visit each screen at 390 px; the page never scrolls sideways (a table scrolls inside
// its own box instead), its main heading is in view, and a picture of it at 1280 and 390 px is
// left in reports/screens/ for a reviewer. The dashboard's empty states and figures are checked
// on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, screenshot, SCREEN_WIDTHS } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const OPERATOR = { email: 'ops-screens@assent.test', password: 'operator password 123' };
const DOMAIN = 'screens-assent-test.ro';
const WAIT = { timeout: 15_000 };

describe('every main screen at 390 px (sqlite)', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let owner: SignedIn;
  let listId: string;
  let contactId: string;
  let campaignId: string;

  async function contextFor(who: SignedIn): Promise<BrowserContext> {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: SCREEN_WIDTHS.mobile, height: 844 },
    });
    await context.addCookies([{ name: 'assent_session', value: who.sessionCookie, url: base }]);
    return context;
  }

  /** Horizontal overflow of the document: how many pixels wider than the viewport it is. */
  const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;

  /**
   * Elements cut off at the right edge without the page scrolling (a box that clips them hides the
   * overflow from scrollWidth): those reaching past the viewport with no scrolling or clipping box
   * of their own between them and the page. A table scrolling in its box is not one. (A string:
   * the test's TypeScript has no DOM types; this runs in the page.)
   */
  const cutOff = (page: Page) =>
    page.evaluate(`(() => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.right <= window.innerWidth + 1) continue;
        let inBox = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= window.innerWidth + 1) {
            inBox = true;
            break;
          }
        }
        const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
        if (!inBox) out.push(el.tagName.toLowerCase() + '.' + cls + ' ' + (el.textContent || '').trim().slice(0, 30));
      }
      return out.slice(0, 5);
    })()`) as Promise<string[]>;

  /** Opens `path`, waits for its main heading and the data, checks the width, takes the pictures. */
  async function visit(page: Page, path: string, name: string, heading = 'main h2'): Promise<void> {
    await page.goto(`${base}${path}`);
    const title = page.locator(heading).first();
    await expect.poll(() => title.isVisible(), WAIT).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(await overflow(page), `${path} scrolls sideways at ${SCREEN_WIDTHS.mobile} px`).toBeLessThanOrEqual(1);
    expect(await cutOff(page), `${path}: cut off at the right edge`).toEqual([]);
    // In view: inside the viewport's width, not pushed off to the side.
    const box = await title.boundingBox();
    expect(box, path).not.toBeNull();
    expect(box!.x, path).toBeGreaterThanOrEqual(0);
    expect(box!.x + Math.min(box!.width, 50), path).toBeLessThanOrEqual(SCREEN_WIDTHS.mobile);
    await screenshot(page, name);
  }

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    browser = await launchBrowser();
    await t.platform.services.accounts.createOperator({ ...OPERATOR, role: 'admin' });
    owner = await signUp(t.app, { companyName: 'Brutăria Screens Cu Un Nume Foarte Lung SRL' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a new customer: the dashboard says to create a list first, and fits the phone', async () => {
    const context = await contextFor(owner);
    const page = await context.newPage();
    await visit(page, '/app/', 'dashboard-new-account');
    await expect.poll(() => page.getByTestId('next-step-list').isVisible(), WAIT).toBe(true);
    await page.getByTestId('next-step-list').getByRole('link', { name: 'Create a list' }).click();
    await page.waitForURL(/\/app\/lists$/, WAIT);
    await context.close();
  });

  it('with data, the dashboard counts contacts by status, draws growth, and every customer screen fits', async () => {
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: owner.headers, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
      return res.json() as { id: string };
    };
    listId = (
      await post('/api/v1/lists', {
        name: 'Noutăți lunare de la brutărie',
        purposeText: 'Monthly bakery news by email.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Bakery',
      })
    ).id;
    const { contacts, consent } = t.platform.services;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        (
          await contacts.upsert(owner.accountId, {
            email: `a-rather-long-address-number-${i}@some-very-long-domain-name.example.com`,
          })
        ).contact.id,
      );
    }
    contactId = ids[0]!;
    await consent.record(
      owner.accountId,
      ids.map((id) => ({
        contactId: id,
        listId,
        channel: 'email' as const,
        kind: 'granted' as const,
        sourceType: 'form' as const,
        textShown: 'Yes, send me the monthly bakery news.',
      })),
    );
    await consent.withdraw(owner.accountId, ids[3]!, [listId], { sourceType: 'unsubscribe' });
    const domain = await post('/api/v1/sending-domains', { domain: DOMAIN });
    await t.platform.database.db
      .updateTable('sending_domains')
      .set({ status: 'verified', verified_at: t.clock.now().toISOString() })
      .where('id', '=', domain.id)
      .execute();
    campaignId = (
      await post('/api/v1/campaigns', {
        name: 'Spring news',
        listId,
        subject: 'Fresh bread this spring',
        fromName: 'Bakery',
        fromEmail: `news@${DOMAIN}`,
        format: 'html',
        body: '<p>Hello! Fresh bread every morning.</p>',
      })
    ).id;

    const context = await contextFor(owner);
    const page = await context.newPage();
    await visit(page, '/app/', 'dashboard');
    await expect.poll(() => page.getByTestId('contacts-total').textContent(), WAIT).toBe('4');
    expect(await page.getByTestId('contacts-active').textContent()).toContain('3');
    expect(await page.getByTestId('contacts-withdrawn').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('growth-summary').textContent(), WAIT).toBe('4 subscriptions gained, 1 lost.');
    expect(await page.getByTestId('growth-chart').locator('polyline').count()).toBe(2);
    expect(await page.getByTestId('imports-none-held').isVisible()).toBe(true);
    expect(await page.getByTestId('next-step-list').count()).toBe(0);
    expect(await page.getByTestId('dashboard-quota').isVisible()).toBe(true);

    // The navigation is behind the burger on a phone (slid off to the left), opens, and closes
    // again once a screen is chosen.
    const nav = page.getByRole('navigation', { name: 'main' });
    const navRight = async () => {
      const box = await nav.boundingBox();
      return box ? box.x + box.width : 0;
    };
    expect(await navRight()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect.poll(navRight, WAIT).toBeGreaterThan(200);
    expect(await nav.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL(/\/app\/contacts$/, WAIT);
    await expect.poll(navRight, WAIT).toBeLessThanOrEqual(0);

    const screens: Array<[string, string]> = [
      ['/app/lists', 'lists'],
      ['/app/contacts', 'contacts'],
      [`/app/contacts/${contactId}`, 'contact-detail'],
      ['/app/forms', 'forms'],
      ['/app/forms/new', 'form-builder'],
      ['/app/imports', 'imports'],
      ['/app/imports/new', 'import-new'],
      ['/app/campaigns', 'campaigns'],
      [`/app/campaigns/${campaignId}`, 'campaign-editor'],
      ['/app/sending-domains', 'sending-domains'],
      ['/app/reputation', 'reputation'],
      ['/app/settings', 'settings'],
      ['/app/team', 'team'],
      ['/app/api-keys', 'api-keys'],
    ];
    for (const [path, name] of screens) await visit(page, path, name);
    await context.close();
  });

  it('every operator screen fits the phone', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: OPERATOR });
    const session = login.cookies.find((c) => c.name === 'assent_session')?.value ?? '';
    const context = await contextFor({ ...owner, sessionCookie: session });
    const page = await context.newPage();
    const screens: Array<[string, string]> = [
      ['/app/operator/accounts', 'operator-accounts'],
      [`/app/operator/accounts/${owner.accountId}`, 'operator-account-detail'],
      ['/app/operator/audit', 'operator-audit'],
      ['/app/operator/outbox', 'operator-outbox'],
      ['/app/operator/cookie-consents', 'operator-cookie-consents'],
      ['/app/operator/imports', 'operator-import-review'],
      ['/app/operator/campaign-reviews', 'operator-campaign-reviews'],
      ['/app/operator/content-policy', 'operator-content-policy'],
      ['/app/operator/complaints', 'operator-complaints'],
      ['/app/operator/incidents', 'operator-incidents'],
      ['/app/operator/blocklists', 'operator-blocklists'],
    ];
    for (const [path, name] of screens) await visit(page, path, name);
    await context.close();
  });

  it('the signed-out pages and the public site fit the phone and show the logo', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: SCREEN_WIDTHS.mobile, height: 844 } });
    const page = await context.newPage();
    await visit(page, '/app/login', 'login', 'h2');
    await visit(page, '/app/signup', 'signup-form', 'h2');
    expect(await page.getByRole('img', { name: 'Assent' }).first().isVisible()).toBe(true);
    for (const [path, name] of [
      ['/', 'site-home'],
      ['/legal/anti-spam', 'site-anti-spam'],
      ['/legal/cookies', 'site-cookies'],
      ['/report-spam', 'site-report-spam'],
    ] as const) {
      await visit(page, path, name, 'main h1');
    }
    expect(await page.getByRole('link', { name: 'Assent' }).first().isVisible()).toBe(true);
    await context.close();
  });
});
