// CNT-02 in a real browser: a customer writes a campaign in the editor whose content the screen
// holds (a dating promotion: a high-complaint topic on weak evidence) and submits it; a compliance
// reviewer opens the campaign review queue, sees the message with the held phrase highlighted
// (a <mark> inside the sandboxed iframe) and rejects it with a reason; the customer's editor then
// shows why: the category by name, the matched text and the reviewer's note.
// SQLite only: both engines are covered by src/server/routes/campaigns/content-review.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { ensureWebAppBuilt, launchBrowser, logIn, screenshot } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

const POLL = { timeout: 15_000 };
const DOMAIN = 'singles-review-test.ro';
const REVIEWER = { email: 'campaign-reviewer@assent.test', password: 'reviewer password 123' };
const REASON = 'Dating promotion sent by a retail account; this is not what the account declared.';
const SUBJECT = 'Singles near you want to meet tonight';
const BODY =
  '<html><body><p>2,345 single women in your city are online right now.</p><p>Create your free dating profile and start chatting in 60 seconds.</p></body></html>';

describe('a held campaign rejected by a reviewer, and the customer told why [sqlite]', () => {
  let t: TestPlatform;
  let base: string;
  let browser: Browser;
  let customer: Page;
  let owner: SignedIn;
  let campaignId: string;

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
        name: 'Shop news',
        purposeText: 'New products of our shop.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Shop',
      },
    });
    expect(list.statusCode, list.body).toBe(201);
    // The domain's DNS verification is the sending-domains area's test: marked verified here.
    const domain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sending-domains',
      headers: owner.headers,
      payload: { domain: DOMAIN },
    });
    expect(domain.statusCode, domain.body).toBe(201);
    await t.platform.database.db
      .updateTable('sending_domains')
      .set({ status: 'verified', verified_at: t.clock.now().toISOString() })
      .where('id', '=', (domain.json() as { id: string }).id)
      .execute();
    await t.platform.services.accounts.createOperator({ email: REVIEWER.email, role: 'reviewer', password: REVIEWER.password });
    browser = await launchBrowser();
    customer = await newPage();
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

  it('[CNT-02] the customer submits a campaign the screen holds for a reviewer', async () => {
    const page = customer;
    await logIn(page, base, owner.email, owner.password);
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByLabel(/^Name/).fill('Singles night');
    await page.getByRole('combobox', { name: /^List/ }).click();
    await page.getByRole('option', { name: 'Shop news' }).click();
    await page.getByLabel(/^Subject/).fill(SUBJECT);
    await page.getByLabel(/^From name/).fill('Shop');
    await page.getByLabel(/^From address/).fill('news');
    await page.getByText('HTML', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill(BODY);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => /\/app\/campaigns\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    campaignId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    try {
      await expect.poll(() => page.getByTestId('campaign-status').textContent(), POLL).toBe('In review');
    } catch (err) {
      // Seen twice in CI under load and never alone: say what the page and the server held then.
      const stored = await t.platform.services.campaigns.get(owner.accountId!, campaignId);
      const shown = await page
        .getByTestId('campaign-error')
        .textContent({ timeout: 1_000 })
        .catch(() => null);
      throw new Error(
        `${String(err)}; stored status ${stored.status}, verdict ${stored.verdict?.decision ?? 'none'}, error shown: ${shown ?? 'none'}, url ${page.url()}`,
      );
    }
    expect(await page.getByTestId('verdict').getAttribute('data-decision')).toBe('hold');
  });

  it('[CNT-02] the reviewer sees the held phrase highlighted in the message and rejects with a reason', async () => {
    const ops = await newPage();
    await logIn(ops, base, REVIEWER.email, REVIEWER.password);
    await ops.getByRole('link', { name: 'Campaign review' }).click();
    const item = ops.locator(`[data-testid="campaign-review-item"][data-campaign-id="${campaignId}"]`);
    await expect.poll(() => item.count(), POLL).toBe(1);
    // The industry by its name (policy/industries.json), not its id.
    // The industry's name arrives with the catalogue (its own request): poll, not one read.
    await expect.poll(() => item.getByTestId('review-industry').textContent(), POLL).toContain('Retail and e-commerce');
    // The message in a sandboxed iframe, the matched span marked with its category.
    const frame = item.getByTestId('review-message');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const marks = item.frameLocator('[data-testid="review-message"]').locator('mark[data-testid="span"][data-category="dating"]');
    await expect.poll(() => marks.count(), POLL).toBeGreaterThan(0);
    expect((await marks.allTextContents()).map((s) => s.toLowerCase())).toContain('dating');
    // The subject's span too, and the findings with the category by name and the matched text.
    expect(await item.getByTestId('review-subject').locator('mark[data-category="dating"]').allTextContents()).toContain(
      'Singles',
    );
    const finding = item.locator('[data-testid="review-finding"][data-category="dating"]');
    expect(await finding.textContent()).toContain('Dating services');
    expect(await finding.textContent()).toContain('dating.terms');
    await screenshot(ops, 'campaign-review');

    await item.getByRole('button', { name: 'Reject' }).click();
    const dialog = ops.getByRole('dialog');
    // A reason is required: without one nothing is decided.
    await dialog.getByRole('button', { name: 'Reject' }).click();
    expect(await dialog.isVisible()).toBe(true);
    expect((await t.platform.services.campaigns.get(owner.accountId!, campaignId)).status).toBe('in-review');
    await dialog.getByLabel(/^Reason/).fill(REASON);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => ops.getByTestId('queue-empty').isVisible(), POLL).toBe(true);
    const c = await t.platform.services.campaigns.get(owner.accountId!, campaignId);
    expect(c.status).toBe('rejected');
    await ops.context().close();
  });

  it("[CNT-02] the customer's editor shows the category, the matched text and the reviewer's note", async () => {
    const page = customer;
    await page.reload();
    await expect.poll(() => page.getByTestId('campaign-status').textContent(), POLL).toBe('Rejected');
    const verdict = page.getByTestId('verdict');
    expect(await verdict.getAttribute('data-decision')).toBe('reject');
    const finding = verdict.locator('[data-testid="finding"][data-category="dating"]');
    await expect.poll(() => finding.count(), POLL).toBe(1);
    expect(await finding.getByTestId('finding-category').textContent()).toBe('Dating services');
    expect((await finding.getByTestId('finding-matched').textContent())?.toLowerCase()).toContain('“dating”');
    expect(await verdict.getByTestId('reviewer-note').textContent()).toContain(REASON);
    expect(await verdict.textContent()).not.toContain('dating.terms');
    await screenshot(page, 'campaign-rejected');
  });
});
