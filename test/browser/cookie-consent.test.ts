// The cookie banner in a real headless Chromium against a platform listening on 127.0.0.1
// (CK-01…CK-07, I18N-01). SQLite only: storage of the log on both engines is covered by
// src/server/routes/cookie-consent/cookie-consent.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CONSENT_MAX_AGE_DAYS,
  COOKIE_CATEGORY_INFO,
  COOKIE_POLICY_UPDATED,
  COOKIE_SERVICES,
  COOKIES,
} from '../../policy/cookies.ts';
import { launchBrowser, screenshot, withPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const BANNER = '#cc-main .cm';
const PREFS = '#cc-main .pm';
const ACCEPT_ALL = `${BANNER} button[data-role="all"]`;
const REJECT_ALL = `${BANNER} button[data-role="necessary"]`;
const CLOSE = `${BANNER} button.cm__btn--close`;
const MANAGE = `${BANNER} button[data-role="show"]`;

let platform: TestPlatform;
let baseUrl: string;
/** A second platform whose cookie policy revision was bumped (CK-06). */
let bumped: TestPlatform;
let bumpedUrl: string;
let browser: Browser;

interface ConsentRow {
  consent_id: string;
  action: string;
  categories: string;
  revision: number;
  language: string;
  source: string;
  ip: string;
}

async function rows(t: TestPlatform = platform): Promise<ConsentRow[]> {
  return t.platform.database.db.selectFrom('cookie_consents').selectAll().orderBy('seq', 'asc').execute();
}

/** Waits until the log has one more row than `before`, and returns the newest. */
async function nextRow(before: number, t: TestPlatform = platform): Promise<ConsentRow> {
  await expect.poll(async () => (await rows(t)).length, { timeout: 5_000 }).toBe(before + 1);
  const all = await rows(t);
  return all[all.length - 1] as ConsentRow;
}

async function consentCookie(
  context: BrowserContext,
): Promise<{ categories: string[]; revision: number; consentId: string } | null> {
  const c = (await context.cookies()).find((k) => k.name === 'cc_cookie');
  return c ? JSON.parse(decodeURIComponent(c.value)) : null;
}

function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

async function openWithBanner(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator(BANNER).waitFor({ state: 'visible' });
}

beforeAll(async () => {
  platform = await createTestPlatform('sqlite');
  baseUrl = await platform.listen();
  bumped = await createTestPlatform('sqlite', { config: { cookiePolicyRevision: 2 } });
  bumpedUrl = await bumped.listen();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await bumped?.close();
});

describe('cookie banner in a browser', () => {
  it('[CK-01] sets no cookie or storage and loads no optional or third-party script before a choice', async () => {
    await withPage(
      baseUrl,
      async ({ page, context }) => {
        const requests = watchRequests(page);
        await openWithBanner(page);
        expect(await context.cookies()).toEqual([]);
        expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
        expect(requests.some((u) => u.includes('/assets/analytics.js'))).toBe(false);
        expect(requests.every((u) => u.startsWith(baseUrl))).toBe(true);
        expect(requests.some((u) => u.endsWith('/assets/cookieconsent/cookieconsent.umd.js'))).toBe(true);
        // Let the banner's fade-in finish before the picture.
        await expect.poll(() => page.evaluate(`getComputedStyle(document.querySelector('#cc-main .cm')).opacity`)).toBe('1');
        await screenshot(page, 'home', { fullPage: false });
      },
      { browser },
    );
  });

  it('[CK-03] shows "Accept all" and "Reject all" in the first layer with equal weight', async () => {
    await withPage(
      baseUrl,
      async ({ page }) => {
        await openWithBanner(page);
        await expect.poll(() => page.locator(ACCEPT_ALL).isVisible()).toBe(true);
        expect(await page.locator(REJECT_ALL).isVisible()).toBe(true);
        expect((await page.locator(ACCEPT_ALL).innerText()).trim()).toBe('Accept all');
        expect((await page.locator(REJECT_ALL).innerText()).trim()).toBe('Reject all');
        const style = (selector: string) =>
          page.evaluate(`(() => {
          const el = document.querySelector(${JSON.stringify(selector)});
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return { fontSize: s.fontSize, fontWeight: s.fontWeight, padding: s.padding, background: s.backgroundColor, color: s.color, border: s.border, height: Math.round(r.height) };
        })()`);
        expect(await style(ACCEPT_ALL)).toEqual(await style(REJECT_ALL));
      },
      { browser },
    );
  });

  it('[CK-03] closing the banner with X refuses: logged as a dismissal, no optional cookie', async () => {
    await withPage(
      baseUrl,
      async ({ page, context }) => {
        const requests = watchRequests(page);
        await openWithBanner(page);
        const before = (await rows()).length;
        await page.locator(CLOSE).click();
        await page.locator(BANNER).waitFor({ state: 'hidden' });
        const row = await nextRow(before);
        expect(row.action).toBe('dismiss');
        expect(JSON.parse(row.categories)).toEqual(['necessary']);
        expect((await context.cookies()).map((c) => c.name)).toEqual(['cc_cookie']);
        expect((await consentCookie(context))?.categories).toEqual(['necessary']);
        await page.reload();
        await page.waitForLoadState('networkidle');
        expect(await page.locator(BANNER).isVisible()).toBe(false);
        expect(requests.some((u) => u.includes('/assets/analytics.js'))).toBe(false);
      },
      { browser },
    );
  });

  it('[CK-03] pressing Escape on the banner refuses too', async () => {
    await withPage(
      baseUrl,
      async ({ page, context }) => {
        await openWithBanner(page);
        const before = (await rows()).length;
        await page.keyboard.press('Escape');
        await page.locator(BANNER).waitFor({ state: 'hidden' });
        const row = await nextRow(before);
        expect(row.action).toBe('dismiss');
        expect((await consentCookie(context))?.categories).toEqual(['necessary']);
      },
      { browser },
    );
  });

  it('[CK-04] accepting performance loads analytics and sets assent_perf; withdrawing it deletes the cookie', async () => {
    await withPage(
      baseUrl,
      async ({ page, context }) => {
        const requests = watchRequests(page);
        await openWithBanner(page);
        expect(requests.some((u) => u.includes('/assets/analytics.js'))).toBe(false);
        const before = (await rows()).length;
        await page.locator(MANAGE).click();
        await page.locator(PREFS).waitFor({ state: 'visible' });
        const pageView = page.waitForResponse((r) => r.url().endsWith('/api/v1/analytics/pageview'));
        await page.locator(`${PREFS} input.section__toggle[value="performance"]`).check({ force: true });
        await page.locator(`${PREFS} button[data-role="save"]`).click();
        expect((await pageView).status()).toBe(202);
        expect(requests.some((u) => u.endsWith('/assets/analytics.js'))).toBe(true);
        await expect.poll(async () => (await context.cookies()).map((c) => c.name).sort()).toEqual(['assent_perf', 'cc_cookie']);
        const accepted = await nextRow(before);
        expect(accepted.action).toBe('custom');
        expect(JSON.parse(accepted.categories)).toEqual(['necessary', 'performance']);

        // Withdraw through the footer link, which reopens the preferences.
        await page.locator('#cookie-settings-link').click();
        await page.locator(PREFS).waitFor({ state: 'visible' });
        await page.locator(`${PREFS} input.section__toggle[value="performance"]`).uncheck({ force: true });
        await page.locator(`${PREFS} button[data-role="save"]`).click();
        await expect.poll(async () => (await context.cookies()).map((c) => c.name)).toEqual(['cc_cookie']);
        const withdrawn = await nextRow(before + 1);
        expect(JSON.parse(withdrawn.categories)).toEqual(['necessary']);
      },
      { browser },
    );
  });

  it('[CK-05] logs every choice on the server, acceptance and rejection alike, with the consent id', async () => {
    for (const [button, action, categories] of [
      [ACCEPT_ALL, 'accept-all', COOKIE_CATEGORY_INFO.map((c) => c.id)],
      [REJECT_ALL, 'reject-all', ['necessary']],
    ] as const) {
      await withPage(
        baseUrl,
        async ({ page, context }) => {
          await openWithBanner(page);
          const before = (await rows()).length;
          await page.locator(button).click();
          const row = await nextRow(before);
          expect(row).toMatchObject({ action, revision: 1, language: 'en', source: 'banner', ip: '127.0.0.0' });
          expect(JSON.parse(row.categories)).toEqual(categories);
          expect(row.consent_id).toBe((await consentCookie(context))?.consentId);
        },
        { browser },
      );
    }
  });

  it('[CK-06] a new policy revision asks again', async () => {
    await withPage(
      baseUrl,
      async ({ page, context }) => {
        await openWithBanner(page);
        await page.locator(ACCEPT_ALL).click();
        await page.locator(BANNER).waitFor({ state: 'hidden' });
        await page.reload();
        await page.waitForLoadState('networkidle');
        expect(await page.locator(BANNER).isVisible()).toBe(false);
        // A choice is asked again after 6 months at the latest: the consent cookie expires by then.
        const stored = (await context.cookies()).find((c) => c.name === 'cc_cookie');
        const lifetimeDays = ((stored?.expires ?? 0) - Date.now() / 1000) / 86_400;
        expect(lifetimeDays).toBeGreaterThan(181);
        expect(lifetimeDays).toBeLessThanOrEqual(CONSENT_MAX_AGE_DAYS);
        // The same host on another port shares cookies: the bumped server sees the old choice.
        expect((await consentCookie(context))?.revision).toBe(1);
        const before = (await rows(bumped)).length;
        await openWithBanner(page, `${bumpedUrl}/`);
        expect(await page.locator(BANNER).innerText()).toContain('Our cookie policy changed since your last choice');
        await page.locator(REJECT_ALL).click();
        const row = await nextRow(before, bumped);
        expect(row).toMatchObject({ action: 'reject-all', revision: 2 });
        expect((await consentCookie(context))?.revision).toBe(2);
      },
      { browser },
    );
  });

  it('[CK-06] the footer "Cookie settings" link on every public page reopens the choice', async () => {
    await withPage(
      baseUrl,
      async ({ page }) => {
        await openWithBanner(page);
        await page.locator(REJECT_ALL).click();
        for (const path of ['/', '/legal/terms', '/legal/anti-spam', '/legal/cookies']) {
          await page.goto(path);
          await page.waitForLoadState('networkidle');
          expect(await page.locator(BANNER).isVisible(), path).toBe(false);
          await page.locator('footer #cookie-settings-link').click();
          await page.locator(PREFS).waitFor({ state: 'visible' });
          expect(page.url(), path).not.toContain('#settings'); // opened the modal, did not navigate
        }
      },
      { browser },
    );
  });

  it('[CK-07] the cookie policy page lists every cookie with name, party, category, duration and the update date', async () => {
    await withPage(
      baseUrl,
      async ({ page }) => {
        await page.goto('/legal/cookies');
        expect(await page.locator('#cookie-policy-updated').getAttribute('datetime')).toBe(COOKIE_POLICY_UPDATED);
        expect(await page.locator('#cookie-policy-updated').innerText()).toBe('22 November 2026');
        const tableRows = page.locator('#cookie-table tbody tr');
        expect(await tableRows.count()).toBe(COOKIES.length);
        for (const c of COOKIES) {
          const text = await page.locator(`#cookie-table tr[data-cookie="${c.name}"]`).innerText();
          const category = COOKIE_CATEGORY_INFO.find((i) => i.id === c.category)?.title.en ?? '';
          expect(text).toContain(c.name);
          expect(text).toContain(c.party === 'first' ? 'First party' : 'Third party');
          expect(text).toContain(category);
          expect(text).toContain(c.duration.en);
        }
      },
      { browser },
    );
  });

  it('[CK-02] the preferences list the four categories, necessary locked on, and third-party services by vendor', async () => {
    await withPage(
      baseUrl,
      async ({ page }) => {
        await openWithBanner(page);
        await page.locator(MANAGE).click();
        await page.locator(PREFS).waitFor({ state: 'visible' });
        // Open every category's details (services and cookie table) so the text is visible.
        for (const title of await page.locator(`${PREFS} button.pm__section-title`).all()) await title.click();
        const text = await page.locator(PREFS).innerText();
        for (const c of COOKIE_CATEGORY_INFO) expect(text).toContain(c.title.en);
        for (const s of COOKIE_SERVICES.filter((x) => x.party === 'third')) expect(text).toContain(s.vendor);
        const necessary = page.locator(`${PREFS} input.section__toggle[value="necessary"]`);
        expect(await necessary.isChecked()).toBe(true);
        expect(await necessary.isDisabled()).toBe(true);
        for (const id of ['performance', 'functional', 'targeting']) {
          const toggle = page.locator(`${PREFS} input.section__toggle[value="${id}"]`);
          expect(await toggle.isChecked(), id).toBe(false);
          expect(await toggle.isDisabled(), id).toBe(false);
        }
      },
      { browser },
    );
  });

  it('[I18N-01] the Romanian pages and banner are in Romanian, and the log stores the language shown', async () => {
    await withPage(
      baseUrl,
      async ({ page }) => {
        await openWithBanner(page, '/?lang=ro');
        expect(await page.locator('h1').innerText()).toContain('Marketing prin email și SMS');
        expect(await page.locator('#cookie-settings-link').innerText()).toBe('Setări cookie-uri');
        expect((await page.locator(ACCEPT_ALL).innerText()).trim()).toBe('Acceptă toate');
        expect((await page.locator(REJECT_ALL).innerText()).trim()).toBe('Respinge toate');
        expect(await page.locator(BANNER).innerText()).toContain('Cookie-uri doar cu permisiunea dumneavoastră');
        const before = (await rows()).length;
        await page.locator(REJECT_ALL).click();
        expect((await nextRow(before)).language).toBe('ro');
        await page.goto('/legal/anti-spam?lang=ro');
        expect(await page.locator('h1').innerText()).toBe('Politica anti-spam');
      },
      { browser },
    );
  });

  it('[CK-05] [CK-06] without JavaScript the settings form records a choice that is logged', async () => {
    await withPage(
      baseUrl,
      async ({ page, context }) => {
        await page.goto('/');
        // Without JS the footer link navigates to the form.
        await page.locator('#cookie-settings-link').click();
        await page.waitForURL(/\/legal\/cookies#settings$/);
        const before = (await rows()).length;
        await page.locator('#cookie-settings-form input[value="functional"]').check();
        await page.locator('#cookie-settings-form button[value="custom"]').click();
        await page.locator('#settings-saved').waitFor({ state: 'visible' });
        const row = await nextRow(before);
        expect(row).toMatchObject({ source: 'form', action: 'custom', ip: '127.0.0.0' });
        expect(JSON.parse(row.categories)).toEqual(['necessary', 'functional']);
        expect((await consentCookie(context))?.categories).toEqual(['necessary', 'functional']);
        expect(await page.locator('#cookie-settings-form input[value="functional"]').isChecked()).toBe(true);
      },
      { browser, context: { javaScriptEnabled: false } },
    );
  });
});
