// Messages a person can act on, in a real browser (issue 13 §6): an API error shows as a sentence
// in the user's language with what to do — on the field it is about — and never as the bare code;
// a restricted account sees on the campaigns screens why sending is off, with the create, save and
// submit buttons disabled before any click; a blocked account sees its actions disabled with the
// operator's reason on contacts, team, API keys and settings, while withdrawing stays open.
// SQLite only: the standing guard itself is covered on both engines in src/server/standing-guard.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { campaignSender, type CampaignSender } from '../helpers/campaigns.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const DOMAIN = 'standing-shop.ro';
const RESTRICT_REASON = 'Complaint rate above 0.3% on the last campaign';
const BLOCK_REASON = 'Purchased list confirmed by the review';
const OPERATOR = { type: 'operator' as const, id: 'op-standing-test' };

type Catalogue = Record<string, Record<string, string>>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', lang, 'errors.json'), 'utf8')) as Catalogue;
const EN = catalogue('en');
const RO = catalogue('ro');

describe('messages a person can act on [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let sender: CampaignSender;
  let campaignId: string;
  let blocked: SignedIn;

  async function signedIn(who: SignedIn): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, base, who.email, who.password);
    await page.waitForURL(/\/app\/?$/);
    return page;
  }

  beforeAll(async () => {
    ensureWebAppBuilt();
    t = await createTestPlatform('sqlite');
    base = await t.listen();
    sender = await campaignSender(t, DOMAIN);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: sender.owner.headers,
      payload: {
        name: 'Autumn news',
        listId: sender.listId,
        subject: 'Autumn at the bakery',
        fromName: 'Bakery',
        fromEmail: `news@${DOMAIN}`,
        format: 'html',
        body: '<p>Fresh bread every morning.</p>',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = (created.json() as { id: string }).id;
    blocked = await signUp(t.app);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a refused form shows the sentence and what to do on its field, not the code (English)', async () => {
    const page = await signedIn(await signUp(t.app));
    await page.getByRole('link', { name: 'Sending domains' }).click();
    await page.getByLabel(/^Domain/).fill('not a domain');
    await page.getByRole('button', { name: 'Add domain' }).click();
    const field = page.locator('.mantine-TextInput-error').first();
    await expect.poll(() => field.textContent(), POLL).toContain(EN.errors!.DOMAIN_INVALID!);
    const text = (await field.textContent()) ?? '';
    expect(text).toContain(EN.errorActions!.DOMAIN_INVALID!);
    expect(text).not.toContain('DOMAIN_INVALID');
    await screenshot(page, 'errors-field-en');
    await page.context().close();
  });

  it('[I18N-01] the same kind of error reads in Romanian for a Romanian user, on the field it is about', async () => {
    const ro = await signUp(t.app);
    const saved = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: ro.headers, payload: { language: 'ro' } });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    const page = await signedIn(ro);
    await page.getByRole('link', { name: 'Domenii de trimitere' }).click();
    await page.getByPlaceholder('example.com').fill('not a domain');
    await page.locator('form button[type="submit"]').first().click();
    const field = page.locator('.mantine-TextInput-error').first();
    await expect.poll(() => field.textContent(), POLL).toContain(RO.errors!.DOMAIN_INVALID!);
    expect(await field.textContent()).not.toContain('DOMAIN_INVALID');

    // A validation answer naming a field (details.fields.phone) shows on that field, in Romanian.
    await page.getByRole('link', { name: 'Contacte' }).click();
    await page.getByRole('button', { name: 'Adaugă contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Telefon/).fill('12');
    await dialog.locator('button[type="submit"]').click();
    const phoneError = dialog.locator('.mantine-TextInput-error');
    await expect.poll(() => phoneError.textContent(), POLL).toContain('format internațional');
    expect(await dialog.textContent()).not.toContain('VALIDATION_FAILED');
    await screenshot(page, 'errors-field-ro');
    await page.context().close();
  });

  it('[ACC-04] a restricted account sees why on the campaigns screens, with create, save and submit disabled', async () => {
    await t.platform.services.standing.transition({
      accountId: sender.owner.accountId,
      action: 'restrict',
      services: ['email'],
      reason: RESTRICT_REASON,
      actor: OPERATOR,
    });
    const page = await signedIn(sender.owner);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    const notice = page.getByTestId('service-notice');
    await expect.poll(() => notice.isVisible(), POLL).toBe(true);
    expect(await notice.getAttribute('data-reason')).toBe('restricted');
    expect(await notice.getByTestId('service-notice-reason').textContent()).toBe(RESTRICT_REASON);
    expect(await notice.textContent()).toContain('Email sending');
    expect(await page.getByRole('button', { name: 'New campaign' }).isDisabled()).toBe(true);
    await screenshot(page, 'standing-campaigns-restricted');

    await page.goto(`${base}/app/campaigns/${encodeURIComponent(campaignId)}`);
    await expect.poll(() => page.getByTestId('service-notice').isVisible(), POLL).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Submit for review' }).isDisabled()).toBe(true);
    // Other screens keep working: contacts can still be added.
    await page.getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Add contact' }).isEnabled(), POLL).toBe(true);
    expect(await page.getByTestId('service-notice').count()).toBe(0);
    await page.context().close();
  });

  it('[ACC-05] a blocked account sees the reason and disabled actions on contacts, team, API keys and settings', async () => {
    await t.platform.services.standing.transition({
      accountId: blocked.accountId,
      action: 'block',
      reason: BLOCK_REASON,
      actor: OPERATOR,
    });
    const page = await signedIn(blocked);
    const noticeShows = async () => {
      const notice = page.getByTestId('service-notice');
      await expect.poll(() => notice.isVisible(), POLL).toBe(true);
      expect(await notice.getAttribute('data-reason')).toBe('blocked');
      expect(await notice.getByTestId('service-notice-reason').textContent()).toBe(BLOCK_REASON);
    };

    await page.getByRole('link', { name: 'Contacts' }).click();
    await noticeShows();
    expect(await page.getByRole('button', { name: 'Add contact' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import a CSV' }).isDisabled()).toBe(true);
    await screenshot(page, 'standing-contacts-blocked');

    await page.getByRole('link', { name: 'Team' }).click();
    await noticeShows();
    expect(await page.getByRole('button', { name: 'Invite' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'API keys' }).click();
    await noticeShows();
    expect(await page.getByRole('button', { name: 'Create key' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Account settings' }).click();
    await noticeShows();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Sending domains' }).click();
    await noticeShows();
    expect(await page.getByRole('button', { name: 'Add domain' }).isDisabled()).toBe(true);
    await screenshot(page, 'standing-sending-domains-blocked');
    await page.context().close();
  });
});
