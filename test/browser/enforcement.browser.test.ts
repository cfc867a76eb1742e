// REP-03, BL-03, REP-07 in a real browser: a customer's campaign went to 1,000 recipients, 30 of
// them hard-bounced and one complained through a feedback-loop report (stored as an inbound item,
// traced by VERP). An operator opens the complaint queue, reads the complaint (the campaign body
// shown as text, the report in a <pre>), confirms it with a note and it leaves the open queue;
// closes a blocklist incident with a note. The customer opens Reputation and sees its rates against
// the limits, why they fired and the campaign hold; then the operator sees the account's
// reputation and lifts the hold with a reason.
// SQLite only: both engines are covered by src/server/routes/enforcement/enforcement.test.ts.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintRow } from '../../src/core/enforcement/ports.ts';
import { createBlocklistStore } from '../../src/db/repositories/blocklists.ts';
import { createEnforcementStore } from '../../src/db/repositories/enforcement.ts';
import { createReputationStore } from '../../src/db/repositories/reputation.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { campaignSender, type CampaignSender } from '../helpers/campaigns.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const DOMAIN = 'bakery-enforcement-browser.ro';
const OPERATOR = { email: 'enforcement-admin@assent.test', password: 'operator password 123' };
const SUBJECT = 'Spring offers at the bakery';
const BODY = '<p>Our <b>spring offers</b> are here.</p>';
const REPORT = 'Feedback-Type: abuse\r\nUser-Agent: SomeISP/1.0\r\nVersion: 1\r\n\r\nThis message is spam.';
const NOTE = 'Traced by VERP to a real send of the spring campaign.';
const CLOSE_NOTE = 'Delisted after the list was cleaned.';
const SENT = 1000;
const HARD = 30;

describe('complaints, incidents and reputation in the browser [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let sender: CampaignSender;
  let campaignId: string;
  let complaint: ComplaintRow;
  let incidentId: string;
  let ops: Page;

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
        name: 'Spring news',
        listId: sender.listId,
        subject: SUBJECT,
        fromName: 'Bakery',
        fromEmail: `news@${DOMAIN}`,
        format: 'html',
        body: BODY,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = (created.json() as { id: string }).id;

    // 1,000 sent today, the first 30 hard-bounced: 3% (over the 2% warning).
    const at = t.clock.now().toISOString();
    const contacts = Array.from({ length: SENT }, () => randomUUID());
    await t.platform.database.db
      .insertInto('delivery_records')
      .values(
        contacts.map((contactId, i) => ({
          campaign_id: campaignId,
          contact_id: contactId,
          account_id: sender.owner.accountId,
          status: i < HARD ? 'bounced' : 'accepted',
          reason: null,
          attempts: 1,
          bounce_type: i < HARD ? 'hard' : null,
          smtp_reply: i < HARD ? '550 5.1.1 No such user' : '250 2.0.0 Ok',
          queue_id: null,
          relay: '127.0.0.1:25',
          message_id: `<${contactId}@example.test>`,
          sample: 0,
          next_attempt_at: at,
          claimed_by: null,
          lease_until: null,
          updated_at: at,
        })),
      )
      .execute();

    // One complaint (1 in 1,000 = 0.1%, at the hold limit), from a stored feedback-loop report.
    const inboundId = randomUUID();
    await t.platform.database.db
      .insertInto('inbound_messages')
      .values({
        id: inboundId,
        source: 'smtp',
        mailbox: 'feedback',
        dedupe_key: `test:${inboundId}`,
        envelope: null,
        raw: Buffer.from(REPORT),
        size: REPORT.length,
        status: 'processed',
        outcome: null,
        received_at: at,
        processed_at: at,
      })
      .execute();
    const store = createEnforcementStore(t.platform.database);
    complaint = {
      id: randomUUID(),
      inboundId,
      seq: 1,
      source: 'arf',
      feedbackType: 'abuse',
      accountId: sender.owner.accountId,
      campaignId,
      contactId: contacts[SENT - 1]!,
      tracedBy: 'verp',
      counted: true,
      reporter: 'someisp.example',
      comment: null,
      reviewStatus: 'open',
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      receivedAt: at,
    };
    expect(await store.addComplaint(complaint)).toBe(true);
    const incident = await store.openIncident({
      id: randomUUID(),
      kind: 'blocklist',
      subjectKind: 'domain',
      subject: DOMAIN,
      accountId: sender.owner.accountId,
      summary: 'The sending domain is listed on zen.example',
      details: { zone: 'zen.example' },
      occurrences: 2,
      openedAt: at,
      lastSeenAt: at,
      closedAt: null,
      closedBy: null,
      closeNote: null,
    });
    incidentId = incident.id;
    await createReputationStore(t.platform.database).addHold({
      accountId: sender.owner.accountId,
      rule: 'REP-04.hold',
      reason: 'The complaint rate is at the hold limit',
      heldAt: at,
    });

    await t.platform.services.accounts.createOperator({ email: OPERATOR.email, role: 'admin', password: OPERATOR.password });
    browser = await launchBrowser();
    ops = await newPage();
    await logIn(ops, base, OPERATOR.email, OPERATOR.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  it('[REP-03] the operator reads a complaint and confirms it with a note; it leaves the open queue', async () => {
    await ops.getByRole('link', { name: 'Complaints', exact: true }).click();
    await ops.waitForURL((url) => url.pathname === '/app/operator/complaints');
    const row = ops.locator(`[data-testid="complaint-row"][data-complaint-id="${complaint.id}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.textContent()).toContain('Feedback-loop report (ARF)');
    await row.click();

    const detail = ops.getByTestId('complaint-detail');
    await expect.poll(() => detail.isVisible(), POLL).toBe(true);
    expect(await detail.getByTestId('detail-feedback-type').textContent()).toBe('abuse');
    expect(await detail.getByTestId('detail-traced').textContent()).toBe('Return path (VERP)');
    expect(await detail.getByTestId('detail-counted').textContent()).toBe('Yes');
    expect(await detail.getByTestId('detail-campaign-subject').textContent()).toBe(SUBJECT);
    // The customer's HTML is shown as text: the tags are visible and nothing of it is rendered.
    expect(await detail.getByTestId('detail-body').textContent()).toContain(BODY);
    expect(await detail.getByTestId('detail-body').locator('b').count()).toBe(0);
    const report = detail.getByTestId('detail-report');
    expect(await report.evaluate((el) => el.tagName)).toBe('PRE');
    expect(await report.textContent()).toContain('Feedback-Type: abuse');
    await screenshot(ops, 'complaint-detail');

    await detail.getByRole('button', { name: 'Confirm', exact: true }).click();
    const dialog = ops.getByRole('dialog', { name: 'Confirm the complaint' });
    // A note is required: without one nothing is decided.
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    expect(await dialog.isVisible()).toBe(true);
    const status = async () =>
      (
        await t.platform.database.db
          .selectFrom('complaints')
          .select('review_status')
          .where('id', '=', complaint.id)
          .executeTakeFirstOrThrow()
      ).review_status;
    expect(await status()).toBe('open');
    await dialog.getByLabel(/^Note/).fill(NOTE);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();

    await expect.poll(() => row.count(), POLL).toBe(0);
    await expect.poll(() => ops.getByTestId('complaints-empty').isVisible(), POLL).toBe(true);
    expect(await status()).toBe('confirmed');
    const stored = await t.platform.database.db
      .selectFrom('complaints')
      .select(['review_note', 'counted'])
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(stored.review_note).toBe(NOTE);
    expect(Number(stored.counted)).toBe(1);
    // It is in the confirmed list now.
    await ops.getByText('Confirmed', { exact: true }).click();
    await expect.poll(() => row.count(), POLL).toBe(1);
  });

  it('[BL-03] the operator closes an incident with a note; it moves to the closed tab', async () => {
    await ops.getByRole('link', { name: 'Incidents', exact: true }).click();
    await ops.waitForURL((url) => url.pathname === '/app/operator/incidents');
    const row = ops.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('Blocklist listing');
    expect(text).toContain(DOMAIN);
    expect(text).toContain('The sending domain is listed on zen.example');
    // The inbound items per status: the one stored report is processed.
    await expect
      .poll(() => ops.locator('[data-testid="inbound-count"][data-status="processed"]').textContent(), POLL)
      .toContain('1');
    await screenshot(ops, 'incidents');

    await row.getByRole('button', { name: 'Close' }).click();
    const dialog = ops.getByRole('dialog');
    await dialog.getByLabel(/^Note/).fill(CLOSE_NOTE);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => row.count(), POLL).toBe(0);
    const stored = await t.platform.database.db
      .selectFrom('incidents')
      .select(['closed_at', 'close_note'])
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    expect(stored.closed_at).not.toBeNull();
    expect(stored.close_note).toBe(CLOSE_NOTE);
    await ops.getByRole('tab', { name: 'Closed' }).click();
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByTestId('close-note').textContent()).toBe(CLOSE_NOTE);
  });

  it("[BL-01, BL-03] the operator sees each IP and domain zone by zone, listed first, and one target's history", async () => {
    const store = createBlocklistStore(t.platform.database);
    const checkedAt = (days: number) => new Date(t.clock.now().getTime() - days * 86_400_000).toISOString();
    for (const days of [1, 0])
      await store.recordChecks([
        {
          target: DOMAIN,
          targetKind: 'domain',
          zone: 'dbl.example',
          outcome: 'listed',
          answer: '127.0.1.2',
          reason: 'spam domain',
          error: null,
          checkedAt: checkedAt(days),
        },
        {
          target: '192.0.2.25',
          targetKind: 'ip',
          zone: 'zen.example',
          outcome: 'not-listed',
          answer: null,
          reason: null,
          error: null,
          checkedAt: checkedAt(days),
        },
      ]);
    await store.openListing({
      target: DOMAIN,
      targetKind: 'domain',
      zone: 'dbl.example',
      answer: '127.0.1.2',
      reason: 'spam domain',
      firstSeen: checkedAt(1),
      lastSeen: checkedAt(0),
    });
    await ops.getByRole('link', { name: 'Blocklists', exact: true }).click();
    await ops.waitForURL((url) => url.pathname === '/app/operator/blocklists');
    const rows = ops.getByTestId('blocklist-target');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await rows.first().getAttribute('data-listed')).toBe('true');
    expect(await rows.first().textContent()).toContain(`${DOMAIN}Domaindbl.example: listed`);
    expect(await rows.nth(1).textContent()).toContain('zen.example: not listed');
    expect(await ops.getByTestId('blocklist-listings').textContent()).toContain('spam domain');
    await rows.first().click();
    const history = ops.getByTestId('blocklist-history');
    await expect.poll(() => history.getByTestId('blocklist-check').count(), POLL).toBe(2);
    await screenshot(ops, 'blocklists');
    await ops.keyboard.press('Escape');
  });

  it('[REP-07] the customer sees its rates against the limits and why they fired', async () => {
    const page = await newPage();
    await logIn(page, base, sender.owner.email, sender.owner.password);
    await page.getByRole('link', { name: 'Reputation', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/app/reputation');
    const rates = page.getByTestId('reputation-rates');
    await expect.poll(() => rates.isVisible(), POLL).toBe(true);
    const rate = (window: string, metric: string) =>
      rates.locator(`[data-testid="rate-row"][data-window="${window}"][data-metric="${metric}"]`);
    expect(await rate('day', 'hard-bounce-rate').getByTestId('rate-value').textContent()).toBe('3%');
    expect(await rate('7d', 'hard-bounce-rate').getByTestId('rate-value').textContent()).toBe('3%');
    expect(await rate('day', 'complaint-rate').getByTestId('rate-value').textContent()).toBe('0.1%');
    expect(await rate('day', 'hard-bounce-rate').textContent()).toContain('30 / 1000');
    const reasons = await page.getByTestId('crossing-reason').allTextContents();
    expect(reasons).toContain(
      'The hard-bounce rate of the account today (UTC) is 3% of 1000 messages, at or over the 2% limit: this is a warning.',
    );
    expect(reasons.some((r) => r.startsWith('The complaint rate of the account today (UTC) is 0.1% of 1000 messages'))).toBe(
      true,
    );
    // The campaign hold, with its reason.
    expect(await page.getByTestId('hold').textContent()).toContain('The complaint rate is at the hold limit');
    // The last 30 days, charted against the thresholds (dashed lines), with today's figures as text.
    const history = page.getByTestId('rate-history');
    await history.waitFor();
    expect(await history.locator('[data-testid="history-hard-bounce-rate"] [data-threshold]').count()).toBe(3);
    expect(await history.locator('[data-testid="history-complaint-rate"] polyline').count()).toBe(1);
    const today = await history.getByTestId('history-row').allTextContents();
    expect(today).toHaveLength(1);
    expect(today[0]).toContain('3% (30)');
    await screenshot(page, 'reputation');
    await page.context().close();
  });

  it("[REP-07] the operator sees the account's reputation and lifts its hold with a reason (the rates then start afresh)", async () => {
    await ops.goto(`${base}/app/operator/accounts/${encodeURIComponent(sender.owner.accountId)}`);
    const section = ops.getByTestId('account-reputation');
    await expect.poll(() => section.getByTestId('hold').isVisible(), POLL).toBe(true);
    const bounceToday = section.locator('[data-testid="rate-row"][data-window="day"][data-metric="hard-bounce-rate"]');
    expect(await bounceToday.getByTestId('rate-value').textContent()).toBe('3%');
    expect(await section.getByTestId('crossings').textContent()).toContain('The hard-bounce rate of the account');
    await section.getByRole('button', { name: 'Lift hold' }).click();
    const dialog = ops.getByRole('dialog');
    await dialog.getByLabel(/^Reason/).fill('The complaint was one person; the list is clean.');
    await dialog.getByRole('button', { name: 'Lift hold' }).click();
    await expect.poll(() => section.getByTestId('no-hold').isVisible(), POLL).toBe(true);
    expect(await createReputationStore(t.platform.database).getHold(sender.owner.accountId)).toBeNull();
    await ops.context().close();
  });
});
