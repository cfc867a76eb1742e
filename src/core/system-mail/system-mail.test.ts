// System mail over real SQLite and PostgreSQL and a real SMTP server on 127.0.0.1: templates in
// both languages, the feature-news opt-out, and delivery outcomes recorded in the outbox (ACC-07).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/helpers/clock.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../test/helpers/smtp.ts';
import { createSmtpTransport } from '../../channels/email/smtp-transport.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { seedAccount } from '../../db/repositories/standing-fixtures.ts';
import { createSystemMailRepository } from '../../db/repositories/system-mail.ts';
import { createQueue } from '../../queue/index.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { silentLogger, type Queue } from '../ports.ts';
import { createSystemMailDelivery, NO_RELAY_NOTE } from './delivery.ts';
import { MailSendError, type MailTransport } from './ports.ts';
import { createSystemMailService } from './system-mail-service.ts';
import { TEMPLATE_IDS, createTemplateRenderer } from './templates.ts';
import type { SystemMailService } from './types.ts';

const renderer = createTemplateRenderer({ publicUrl: 'http://assent.test' });

describe('system mail templates', () => {
  const samples: Record<string, Record<string, unknown>> = {
    'verify-email': { name: 'Ana', link: 'http://assent.test/app/verify-email?token=t', expiresInHours: 48 },
    'password-reset': { link: 'http://assent.test/app/reset-password?token=t', expiresInMinutes: 60 },
    invitation: {
      accountName: 'Brutăria Ana',
      inviterName: 'Ana',
      role: 'member',
      link: 'http://assent.test/app/accept-invitation?token=t',
    },
    'standing-changed': { accountName: 'Brutăria Ana', standing: 'restricted', services: ['import'], reason: 'Scraped list' },
    'signup-attempt': {
      name: 'Ana',
      signInLink: 'http://assent.test/app/login',
      resetLink: 'http://assent.test/app/reset-password',
    },
    'signup-review-outcome': { accountName: 'Brutăria Ana', decision: 'approve', reason: 'Checked' },
    'complaint-received': {
      accountName: 'Brutăria Ana',
      campaignName: 'Pâine de casă',
      source: 'spam-report',
      recipient: 'a***@example.com',
      receivedAt: '2026-12-03 16:00 UTC',
    },
    'campaign-hold': { accountName: 'Brutăria Ana', reason: 'The complaint rate is 0.12%.' },
    'import-review-outcome': {
      accountName: 'Brutăria Ana',
      importName: 'clienti.csv',
      decision: 'refuse',
      reason: 'No consent proof',
      contacts: 1200,
    },
    'campaign-report': {
      accountName: 'Brutăria Ana',
      campaignName: 'Noiembrie',
      sent: 100,
      delivered: 97,
      bounced: 3,
      complaints: 0,
    },
    'campaign-review-outcome': {
      accountName: 'Brutăria Ana',
      campaignName: 'Noiembrie',
      decision: 'reject',
      reason: 'Casino promotion',
      findings: [{ category: 'gambling', excerpts: ['casino', 'bet now'] }],
      campaignUrl: 'http://assent.test/app/campaigns/c1',
    },
    'consent-confirm': {
      formName: 'Newsletter',
      listNames: ['Oferte', 'Rețete'],
      confirmUrl: 'http://assent.test/c/abc',
      senderName: 'Brutăria Ana',
    },
    notice: { subject: 'Maintenance tonight', body: 'We restart at 22:00.' },
    'feature-news': { subject: 'New: SMS', body: 'You can now send SMS.' },
  };

  it('[I18N-01] [ACC-07] renders every template in English and Romanian, with a subject, a text and an HTML part', () => {
    for (const id of TEMPLATE_IDS) {
      const en = renderer.render(id, samples[id]!, 'en', 'critical');
      const ro = renderer.render(id, samples[id]!, 'ro', 'critical');
      for (const r of [en, ro]) {
        expect(r.subject.length).toBeGreaterThan(0);
        expect(r.text.length).toBeGreaterThan(20);
        expect(r.html).toContain('<html');
      }
      if (id !== 'notice' && id !== 'feature-news') expect(ro.text).not.toBe(en.text);
    }
    expect(renderer.render('standing-changed', samples['standing-changed']!, 'ro', 'critical').text).toContain(
      'importul de contacte',
    );
    expect(renderer.render('consent-confirm', samples['consent-confirm']!, 'en', 'critical').text).toContain('Oferte, Rețete');
    // An empty sender name (a list without one) falls back to the form's name instead of failing.
    expect(renderer.render('consent-confirm', { ...samples['consent-confirm']!, senderName: '' }, 'en', 'critical').subject).toBe(
      'Please confirm your subscription to Newsletter',
    );
  });

  it('[ACC-07] never executes data as a template, escapes HTML and keeps the subject on one line', () => {
    const r = renderer.render(
      'notice',
      { subject: 'Hello\r\nBcc: victim@example.test', body: '{{ 7 | plus: 1 }} <script>x</script>' },
      'en',
      'critical',
    );
    expect(r.subject).toBe('Hello Bcc: victim@example.test');
    expect(r.text).toContain('{{ 7 | plus: 1 }}');
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;script&gt;');
  });

  it('[ACC-07] refuses an unknown template and missing data with stable codes', () => {
    expect(() => renderer.render('newsletter', {}, 'en', 'critical')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEMPLATE' }),
    );
    expect(() => renderer.render('verify-email', {}, 'en', 'critical')).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_DATA_INVALID' }),
    );
  });
});

describeEachEngine('system mail outbox and delivery', (database) => {
  const clock = manualClock('2026-11-22T10:00:00.000Z');
  let queue: Queue;
  let service: SystemMailService;
  let capture: SmtpCapture;
  let transport: MailTransport;

  beforeAll(async () => {
    const db = database().db;
    queue = createQueue(database(), { logger: silentLogger, clock });
    const audit = createAuditLog({ store: createAuditRepository(db), clock });
    service = createSystemMailService({
      store: createSystemMailRepository(db),
      queue,
      renderer,
      audit,
      clock,
      logger: silentLogger,
    });
    capture = await startSmtpCapture();
    transport = createSmtpTransport(capture.url, { idleTimeoutMs: 1000 });
  });
  afterAll(async () => {
    await transport.close();
    await queue.stop();
    await capture.close();
  });

  const deliveryWith = (t: MailTransport | null) =>
    createSystemMailDelivery({
      store: createSystemMailRepository(database().db),
      transport: t,
      mailFrom: 'Assent <no-reply@assent.test>',
      clock,
      logger: silentLogger,
      standing: { assertWriteAllowed: async () => {} },
    });

  it('[ACC-07] feature news to an account that turned it off is kept as suppressed and never queued; a critical notice to it is queued', async () => {
    const { accountId, ownerEmails } = await seedAccount(database().db, { featureNewsOptOut: true });
    const newsId = await service.enqueue({
      to: ownerEmails[0]!,
      template: 'feature-news',
      data: { subject: 'New', body: 'News' },
      accountId,
    });
    const criticalId = await service.enqueue({
      to: ownerEmails[0]!,
      template: 'notice',
      data: { subject: 'Outage', body: 'Down' },
      accountId,
      category: 'critical',
    });
    expect((await service.get(newsId))?.status).toBe('suppressed');
    expect((await service.get(criticalId))?.status).toBe('queued');
    const outcome = await deliveryWith(transport).deliver(newsId);
    expect(outcome).toBe('skipped');
    expect(await deliveryWith(transport).deliver(criticalId)).toBe('sent');
    const mails = await capture.waitFor(1);
    expect(mails.some((m) => m.parsed.subject === 'New')).toBe(false);
    expect(mails.find((m) => m.parsed.subject === 'Outage')?.envelope.to).toEqual([ownerEmails[0]]);
  });

  it('[ACC-07] accepted by the relay → sent; a 5xx → failed with the error; a 4xx → still queued, attempts counted, rethrown for a retry', async () => {
    const { accountId, ownerEmails } = await seedAccount(database().db);
    const to = ownerEmails[0]!;
    const send = () => service.enqueue({ to, template: 'notice', data: { subject: 'S', body: 'B' }, accountId });
    const delivery = deliveryWith(transport);

    const permanent = await send();
    capture.failNext(1, 550);
    expect(await delivery.deliver(permanent)).toBe('failed');
    expect(await service.get(permanent)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await service.get(permanent))?.lastError).toMatch(/550/);

    const transient = await send();
    capture.failNext(1, 451);
    await expect(delivery.deliver(transient)).rejects.toBeInstanceOf(MailSendError);
    expect(await service.get(transient)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await delivery.deliver(transient)).toBe('sent');
    expect(await service.get(transient)).toMatchObject({ status: 'sent', attempts: 2, sentAt: '2026-11-22T10:00:00.000Z' });
    // A second run of a delivered job sends nothing more (idempotent).
    const before = capture.messages.length;
    expect(await delivery.deliver(transient)).toBe('skipped');
    expect(capture.messages.length).toBe(before);
  });

  it('[ACC-07] with the retries used up a transient failure ends as failed', async () => {
    const { accountId, ownerEmails } = await seedAccount(database().db);
    const id = await service.enqueue({ to: ownerEmails[0]!, template: 'notice', data: { subject: 'S', body: 'B' }, accountId });
    capture.failNext(1, 421);
    expect(await deliveryWith(transport).deliver(id, { retriesLeft: 0 })).toBe('failed');
    expect((await service.get(id))?.status).toBe('failed');
  });

  it('[ACC-07] without a relay the mail stays queued in the outbox with a note, never dropped', async () => {
    const { accountId, ownerEmails } = await seedAccount(database().db);
    const id = await service.enqueue({ to: ownerEmails[0]!, template: 'notice', data: { subject: 'S', body: 'B' }, accountId });
    expect(await deliveryWith(null).deliver(id)).toBe('waiting');
    expect(await service.get(id)).toMatchObject({ status: 'queued', lastError: NO_RELAY_NOTE });
    expect((await service.listOutbox({ status: 'queued' })).map((r) => r.id)).toContain(id);
  });

  it('[ACC-07] a notice to all accounts reaches every owner, skipping opted-out ones only for feature news', async () => {
    const a = await seedAccount(database().db);
    const b = await seedAccount(database().db, { featureNewsOptOut: true });
    const owners = (await database().db.selectFrom('memberships').select('account_id').where('role', '=', 'owner').execute())
      .length;
    const actor = { type: 'operator' as const, id: 'op' };
    const critical = await service.sendNotice({
      all: true,
      category: 'critical',
      subject: 'Terms update',
      body: 'Read the new terms.',
      actor,
    });
    expect(critical).toEqual({ queued: owners, suppressed: 0 });
    const news = await service.sendNotice({
      all: true,
      category: 'feature-news',
      subject: 'SMS is here',
      body: 'Try it.',
      actor,
    });
    expect(news.queued + news.suppressed).toBe(owners);
    const rows = await database()
      .db.selectFrom('system_mail')
      .select(['to_address', 'status'])
      .where('subject', '=', 'SMS is here')
      .execute();
    expect(rows.find((r) => r.to_address === b.ownerEmails[0])?.status).toBe('suppressed');
    expect(rows.find((r) => r.to_address === a.ownerEmails[0])?.status).toBe('queued');
    await expect(service.sendNotice({ category: 'critical', subject: 'x', body: 'y', actor })).rejects.toMatchObject({
      code: 'NOTICE_AUDIENCE_INVALID',
    });
  });
});
