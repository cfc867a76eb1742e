// The visitor's whole path in a real headless Chromium against a platform listening on
// 127.0.0.1, with the confirmation mail read at a real SMTP server (CON-06, CON-09, CON-02).
// SQLite only: both engines are covered by the route tests in src/server/routes/{forms-public,confirm}.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLists, createPublishedForm, definition, type FormFixture } from '../../src/server/routes/forms/testing.ts';
import { launchBrowser, withPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp.ts';

const proofVerify = (file: string) => runCli(['proof', 'verify', file]);

describe('double opt-in in a browser [sqlite]', () => {
  let t: TestPlatform;
  let smtp: SmtpCapture;
  let browser: Browser;
  let base: string;
  let fx: FormFixture;
  let formId: string;
  let dir: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestPlatform('sqlite', { worker: true, config: { smtpUrl: smtp.url } });
    base = await t.listen();
    fx = await accountWithLists(t.app);
    formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'assent-proof-'));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('[CON-06][CON-09][CON-02] opens the form, ticks, submits, confirms from the mail, and the exported proof verifies', async () => {
    const email = 'mara@example.com';
    await withPage(
      base,
      async ({ page }) => {
        await page.goto(`/f/${formId}`);
        // CON-02: every box starts unchecked in the rendered page.
        const boxes = page.locator('input[type="checkbox"]');
        expect(await boxes.count()).toBe(4);
        for (let i = 0; i < 4; i++) expect(await boxes.nth(i).isChecked()).toBe(false);
        await page.fill('input[name="email"]', email);
        await page.check('input[name="box_news"]');
        t.clock.advance(5_000); // a person's reading time (minimum fill time, CON-11)
        await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
        await expect.poll(() => page.textContent('h1')).toBe('Check your inbox');

        let mail = smtp.messages.find((m) => m.envelope.to.includes(email));
        for (let i = 0; !mail && i < 200; i++) {
          await smtp.waitFor(smtp.messages.length + 1).catch(() => undefined);
          mail = smtp.messages.find((m) => m.envelope.to.includes(email));
        }
        const link = /http:\/\/assent\.test(\/confirm\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail?.parsed.text ?? '');
        expect(link).not.toBeNull();
        // The mail links to the configured public URL; the test server listens elsewhere.
        await page.goto(`${base}${link![1]}`);
        const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email });
        expect((await t.platform.services.consent.eventsFor(fx.owner.accountId, contact!.id)).map((e) => e.kind)).toEqual([
          'requested',
        ]);
        await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
        await expect.poll(() => page.textContent('h1')).toBe('Subscription confirmed');
      },
      { browser },
    );

    const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email });
    const events = await t.platform.services.consent.eventsFor(fx.owner.accountId, contact!.id);
    expect(events.map((e) => e.kind)).toEqual(['requested', 'confirmed']);
    expect(events[1]!.confirmIp).toBe('127.0.0.1');
    expect(events[1]!.confirmUserAgent).toContain('Chrome');

    const proof = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact!.id}/proof`, headers: fx.owner.headers });
    expect(proof.statusCode).toBe(200);
    const file = join(dir, 'proof.json');
    writeFileSync(file, proof.body);
    const ok = await proofVerify(file);
    expect(ok.code).toBe(0);
    // Altering the text the person saw breaks the proof.
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace('once a week', 'once a day'));
    expect(readFileSync(tampered, 'utf8')).not.toBe(readFileSync(file, 'utf8'));
    const bad = await proofVerify(tampered);
    expect(bad.code).toBe(1);
  });
});
