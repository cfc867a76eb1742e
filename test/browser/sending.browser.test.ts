// A newcomer's first campaign in a real headless Chromium, from the web app alone, against a
// platform with its worker on the embedded SQLite database: add a sending domain and see the DNS
// records to publish (each with a copy button), verify it against a real DNS server on loopback
// ("Check now"), write a campaign and see its preview in a sandboxed iframe, submit it for review,
// read the dry run before the Send button, send, watch the progress bar reach the end and read
// the report. The relay is a scripted SMTP sink on 127.0.0.1 that counts what it accepts.
// SQLite only: both engines are covered by the route and delivery tests.
import { WARMUP } from '../../policy/sending.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, screenshot } from '../helpers/browser.ts';
import { startDnsServer, type DnsRecordSpec, type DnsServer } from '../helpers/dns.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { startScriptedSink, type ScriptedSink } from '../helpers/smtp-sink.ts';

const POLL = { timeout: 30_000 };
const DOMAIN = 'acme-shop.ro';
const CONTACTS = 25;

describe('a first campaign from the web app [sqlite]', () => {
  let t: TestPlatform;
  let sink: ScriptedSink;
  let dns: DnsServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  let owner: SignedIn;
  let campaignId: string;

  beforeAll(async () => {
    ensureWebAppBuilt();
    dns = await startDnsServer([]);
    sink = await startScriptedSink();
    t = await createTestPlatform('sqlite', {
      worker: true,
      config: {
        smtpUrl: sink.url,
        delivery: {
          relays: [sink.url],
          maxAttempts: 3,
          relayConnections: 2,
          relayRatePerSecond: 1000,
          accountRatePerSecond: 1000,
        },
        dnsServers: [dns.server],
      },
    });
    base = await t.listen();
    owner = await signUp(t.app);
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
        doubleOptIn: false,
      },
    });
    const listId = (list.json() as { id: string }).id;
    const s = t.platform.services;
    const ids: string[] = [];
    for (let i = 1; i <= CONTACTS; i++) {
      ids.push(
        (await s.contacts.upsert(owner.accountId, { email: `reader${i}@example.com`, attributes: { first_name: `Reader${i}` } }))
          .contact.id,
      );
    }
    await s.consent.record(
      owner.accountId,
      ids.map((contactId) => ({
        contactId,
        listId,
        channel: 'email' as const,
        kind: 'granted' as const,
        sourceType: 'form' as const,
        textShown: 'Yes, email me the shop news.',
      })),
    );
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
    await dns?.close();
  });

  async function logIn() {
    await page.goto(`${base}/app/login`);
    await page.getByLabel(/^Email/).fill(owner.email);
    await page.getByLabel(/^Password/).fill(owner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  }

  /** Moves the platform clock on while waiting, so queued jobs fall due. */
  async function until(done: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 60_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      t.clock.advance(1_000);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it(`[DEL-05] adds a sending domain, sees its DNS records with copy buttons, publishes them and "Check now" verifies it`, async () => {
    await logIn();
    await page.getByRole('link', { name: 'Sending domains' }).click();
    await page.getByLabel(/^Domain/).fill(DOMAIN);
    await page.getByRole('button', { name: 'Add domain' }).click();
    const card = page.locator(`[data-testid="sending-domain"][data-domain="${DOMAIN}"]`);
    await expect.poll(() => card.count(), POLL).toBe(1);
    expect(await card.getByTestId('domain-status').textContent()).toBe('Pending');
    const rows = card.getByTestId('dns-record');
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(4); // DKIM, SPF, DMARC, Return-Path
    expect(await card.getByRole('button', { name: 'Copy value' }).count()).toBe(n);
    expect(await card.getByRole('button', { name: 'Copy name' }).count()).toBe(n);
    const purposes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-purpose')));
    expect(purposes).toEqual(expect.arrayContaining(['dkim-rsa', 'spf', 'dmarc', 'return-path']));
    const dkim = (await card.locator('[data-purpose="dkim-rsa"] code').allTextContents()).join(' ');
    expect(dkim).toContain('_domainkey');
    expect(dkim).toContain('p=');
    await screenshot(page, 'sending-domain-records');

    // Before the records are published, a check does not verify the domain.
    await card.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => card.getByText('Not found').count(), POLL).toBeGreaterThan(0);
    expect(await card.getByTestId('domain-status').textContent()).not.toBe('Verified');

    // The customer publishes what the page shows (here: served by the DNS server on loopback).
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/sending-domains', headers: owner.headers });
    const records = (listed.json() as { items: { domain: string; records: DnsRecordSpec[] }[] }).items.find(
      (d) => d.domain === DOMAIN,
    )!.records;
    const port = dns.port;
    await dns.close();
    dns = await startDnsServer(records, { port });
    await card.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => card.getByTestId('domain-status').textContent(), POLL).toBe('Verified');
    expect(await card.getByText('Not found').count()).toBe(0);
  }, 120_000);

  it(`writes a campaign with a Liquid field and sees the preview in a sandboxed iframe and the text part`, async () => {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByLabel(/^Name/).fill('December news');
    await page.getByRole('combobox', { name: /^List/ }).click();
    await page.getByRole('option', { name: 'Shop news' }).click();
    await page.getByLabel(/^Subject/).fill('Our winter collection');
    await page.getByLabel(/^From name/).fill('Acme Shop');
    await page.getByLabel(/^From address/).fill('news');
    expect(await page.getByRole('combobox', { name: 'Verified domain' }).inputValue()).toBe(DOMAIN);
    await page.getByText('HTML', { exact: true }).click();
    const body = page.getByRole('textbox', { name: 'Message' });
    await body.fill('<html><body><p>Hello </p><p>New coats are in.</p></body></html>');
    // The fields picker inserts at the cursor: after "Hello ".
    const at = '<html><body><p>Hello '.length;
    await body.evaluate((el: { setSelectionRange(a: number, b: number): void; focus(): void }, i: number) => {
      el.focus();
      el.setSelectionRange(i, i);
    }, at);
    await page.getByRole('button', { name: 'Insert field' }).click();
    await page.getByRole('menuitem', { name: 'contact.first_name' }).click();
    expect(await body.inputValue()).toContain('<p>Hello {{ contact.first_name | default: "" }}</p>');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => /\/app\/campaigns\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    campaignId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    const frame = page.getByTestId('preview-frame');
    await expect.poll(() => frame.count(), POLL).toBe(1);
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect.poll(async () => (await frame.getAttribute('srcdoc')) ?? '', POLL).toContain('New coats are in.');
    await page.getByRole('tab', { name: 'Text part' }).click();
    await expect.poll(() => page.getByTestId('preview-text').textContent(), POLL).toContain('New coats are in.');
    await screenshot(page, 'campaign-editor');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('campaign-status').textContent(), POLL).toBe('Approved');
    expect(await page.getByTestId('verdict').getAttribute('data-decision')).toBe('allow');
  }, 120_000);

  it(`[DEL-01, ACC-08] shows the dry run and today's quota before the Send button, sends, and the progress bar reaches the end`, async () => {
    await page.getByRole('link', { name: 'Send', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/campaigns/${encodeURIComponent(campaignId)}/send`));
    const dry = page.getByTestId('dry-run');
    await expect.poll(() => page.getByTestId('dry-run-allowed').textContent(), POLL).toBe(String(CONTACTS));
    expect(await page.getByTestId('dry-run-total').textContent()).toBe(String(CONTACTS));
    // ACC-08: a new account's warm-up quota is shown beside the dry run.
    expect(await page.getByTestId('send-quota-text').textContent()).toContain(`0 of ${WARMUP.startPerDay} used`);
    // The summary sits above the button that sends.
    const send = page.getByRole('button', { name: `Send to ${CONTACTS} contacts now` });
    const [dryBox, sendBox] = [await dry.boundingBox(), await send.boundingBox()];
    expect(dryBox!.y).toBeLessThan(sendBox!.y);
    await screenshot(page, 'campaign-send');
    await send.click();

    await until(async () => (await page.getByTestId('campaign-status').textContent()) === 'Sent', 'the campaign to be sent');
    const bar = page.getByTestId('progress');
    await expect.poll(() => bar.getAttribute('data-done'), POLL).toBe(String(CONTACTS));
    expect(await bar.getAttribute('data-total')).toBe(String(CONTACTS));
    // The sink is the system mail's relay too (the owner's verification and campaign-result mail).
    const toReaders = [...sink.counts].filter(([to]) => /^reader\d+@example\.com$/.test(to));
    expect(toReaders.reduce((n, [, k]) => n + k, 0)).toBe(CONTACTS);
    for (let i = 1; i <= CONTACTS; i++) expect(sink.counts.get(`reader${i}@example.com`)).toBe(1);
  }, 120_000);

  it(`[DEL-01] reads the report: counts and the charts over time`, async () => {
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await expect.poll(() => page.getByTestId('report-accepted-value').textContent(), POLL).toBe(String(CONTACTS));
    expect(await page.getByTestId('report-audience-value').textContent()).toBe(String(CONTACTS));
    expect(await page.getByTestId('report-refused-value').textContent()).toBe('0');
    expect(await page.getByTestId('report-bouncedHard-value').textContent()).toBe('0');
    expect(await page.getByTestId('report-timeline').locator('svg[role="img"]').count()).toBe(1);
    expect(await page.getByTestId('report-outcomes').count()).toBe(1);
    await screenshot(page, 'campaign-report');
  }, 120_000);
});
