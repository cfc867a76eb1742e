// An SMS campaign in a real browser (issue 11 §5–6): the customer picks an SMS list, the editor
// becomes the sender ID and the text box; a Romanian text with diacritics shows UCS-2 and its
// parts as it is typed; the transliterate button brings it to GSM-7 in fewer parts; saved and
// submitted, the content review's verdict shows, and the page says SMS sending is not there yet.
// SQLite only: both engines are covered by src/core/campaigns/campaigns.test.ts and the routes' test.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
// 85 characters with ă â î ș ț: UCS-2 (70 a part alone, 67 in a concatenated one) needs 2 parts;
// without diacritics it is GSM-7 and fits 1 part of 160.
const TEXT = 'Pâine proaspătă și cozonac în fiecare sâmbătă la brutăria din centru. Răspunde STOP.';

describe('an SMS campaign: parts and encoding as you type, transliteration, the verdict [sqlite]', () => {
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
    const list = await t.app.inject({
      method: 'POST',
      url: '/api/v1/lists',
      headers: owner.headers,
      payload: {
        name: 'SMS deals',
        purposeText: 'Weekly bakery deals by SMS; reply STOP to end, HELP for help. Message and data rates may apply.',
        channel: 'sms',
        frequency: 'weekly',
        senderName: 'Bakery',
      },
    });
    expect(list.statusCode, list.body).toBe(201);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a Romanian text is UCS-2 in 2 parts; transliterated it is GSM-7 in 1; submitted, the verdict shows', async () => {
    await logIn(page, base, owner.email, owner.password);
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByLabel(/^Name/).fill('Weekend bread');
    await page.getByRole('combobox', { name: /^List/ }).click();
    await page.getByRole('option', { name: /SMS deals/ }).click();
    // The SMS form: no subject, no From; the sender ID and the text with its meter.
    await expect.poll(() => page.getByTestId('sms-text').count(), POLL).toBe(1);
    expect(await page.getByLabel(/^Subject/).count()).toBe(0);
    await page.getByLabel(/^Sender ID/).fill('Brutaria');
    await page.getByRole('textbox', { name: 'Text message' }).fill(TEXT);
    const encoding = page.getByTestId('sms-encoding');
    await expect.poll(() => encoding.getAttribute('data-encoding'), POLL).toBe('UCS-2');
    expect(await page.getByTestId('sms-parts').getAttribute('data-parts')).toBe('2');
    expect(await page.getByTestId('sms-cost').textContent()).toContain('€');
    expect(await page.getByTestId('sms-ucs2').textContent()).toContain('ș');
    const offer = page.getByTestId('sms-transliterate');
    expect(await offer.textContent()).toContain('saved: 1');
    await screenshot(page, 'campaigns-sms-editor');

    await offer.click();
    await expect.poll(() => encoding.getAttribute('data-encoding'), POLL).toBe('GSM-7');
    expect(await page.getByTestId('sms-parts').getAttribute('data-parts')).toBe('1');
    expect(await page.getByRole('textbox', { name: 'Text message' }).inputValue()).toBe(
      'Paine proaspata si cozonac in fiecare sambata la brutaria din centru. Raspunde STOP.',
    );
    expect(await offer.count()).toBe(0);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => /\/app\/campaigns\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const saved = await t.platform.services.campaigns.get(owner.accountId!, id);
    expect(saved).toMatchObject({ channel: 'sms', senderId: 'Brutaria', format: 'text' });
    expect(saved.body).toContain('Paine proaspata');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('campaign-status').textContent(), POLL).toBe('Approved');
    expect(await page.getByTestId('verdict').getAttribute('data-decision')).toBe('allow');
    // Approved, but not sendable yet: no Send button, a notice instead.
    await expect.poll(() => page.getByTestId('sms-not-sendable').isVisible(), POLL).toBe(true);
    expect(await page.getByRole('link', { name: 'Send', exact: true }).count()).toBe(0);
    await screenshot(page, 'campaigns-sms-approved');
    // The send page, reached by its address, says the same and offers no send.
    await page.goto(`${base}/app/campaigns/${encodeURIComponent(id)}/send`);
    await expect.poll(() => page.getByTestId('sms-not-sendable').isVisible(), POLL).toBe(true);
    expect(await page.getByRole('button', { name: /^Send/ }).count()).toBe(0);
    // The list marks it SMS and shows its text instead of a subject.
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await expect.poll(() => page.getByTestId('campaigns').textContent(), POLL).toContain('Paine proaspata');
    await screenshot(page, 'campaigns-list-sms');
  });
});
