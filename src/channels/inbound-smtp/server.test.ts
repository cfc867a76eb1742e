// The inbound SMTP server on both engines, over a real socket on 127.0.0.1: what it accepts is
// stored (inbound_messages) before the 250; what is not ours is refused at RCPT; a message over
// the named limit is refused at DATA with 552; a store failure answers 451 so the sender retries.
import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { verpAddress } from '../../core/tokens/verp.ts';
import { MAX_INBOUND_MESSAGE_BYTES, MAX_INBOUND_RECIPIENTS, type InboundIntake } from '../../core/enforcement/types.ts';
import { startInboundSmtpServer, type InboundSmtpServer } from './server.ts';

const BOUNCE_HOST = 'bounces.assent.test';
const HOSTS = { bounceHost: BOUNCE_HOST, abuseEmail: 'abuse@assent.test' };
const CAMPAIGN = '0190a0e0-0000-7000-8000-000000000001';
const CONTACT = '0190a0e0-0000-7000-8000-000000000002';

/** One SMTP dialog over a raw socket: each command's reply, in order (no SIZE, no pipelining). */
async function dialog(port: number, steps: (string | Buffer)[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  const replies: string[] = [];
  socket.on('data', (d) => {
    buffer += d.toString('latin1');
    let i: number;
    while ((i = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      // Multi-line replies (250-…) end at the line with a space after the code.
      if (/^\d{3} /.test(line)) waiters.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => waiters.push(resolve));
  await next(); // greeting
  for (const step of steps) {
    const reply = next();
    socket.write(step);
    replies.push(await reply);
  }
  socket.end('QUIT\r\n');
  return replies;
}

describeEachEngine('inbound SMTP server', (_db, engine) => {
  let t: TestPlatform;
  let server: InboundSmtpServer;
  const rows = () => t.platform.database.db.selectFrom('inbound_messages').selectAll().execute();

  beforeAll(async () => {
    t = await createTestPlatform(engine);
    server = await startInboundSmtpServer({
      host: '127.0.0.1',
      port: 0,
      serverName: BOUNCE_HOST,
      hosts: HOSTS,
      intake: t.platform.services.inbound,
      logger: t.platform.logger,
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const transport = () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      ignoreTLS: true,
      tls: { rejectUnauthorized: false },
    });

  it('[REP-01] a bounce to a VERP address is stored with its envelope before the 250, and the same message again is kept once', async () => {
    const verp = verpAddress(t.platform.config.secret!, BOUNCE_HOST, CAMPAIGN, CONTACT);
    const raw = [
      'From: MAILER-DAEMON@mx.example.org',
      `To: ${verp}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example.org>',
      '',
      'The mail could not be delivered.',
      '',
    ].join('\r\n');
    const info = await transport().sendMail({ envelope: { from: '', to: [verp] }, raw });
    expect(info.response).toMatch(/^250 2\.0\.0 Kept as /);
    const again = await transport().sendMail({ envelope: { from: '', to: [verp] }, raw });
    expect(again.response).toMatch(/^250/);
    const stored = (await rows()).filter((r) => r.mailbox === 'bounce');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.source).toBe('smtp');
    expect(Buffer.from(stored[0]!.raw as Uint8Array).toString('utf8')).toContain('Message-ID: <dsn-1@mx.example.org>');
    const envelope = typeof stored[0]!.envelope === 'string' ? JSON.parse(stored[0]!.envelope) : stored[0]!.envelope;
    expect(envelope).toMatchObject({ mailFrom: '', rcptTo: [{ address: verp, mailbox: 'bounce' }] });
    expect(info.response).toContain(stored[0]!.id);
  });

  it('[ABU-01] accepts the abuse mailbox, the feedback loop and the unsubscribe mailto; refuses every other address at RCPT (no relay)', async () => {
    const replies = await dialog(server.port, [
      'EHLO reporter.example\r\n',
      'MAIL FROM:<someone@example.org>\r\n',
      'RCPT TO:<abuse@assent.test>\r\n',
      `RCPT TO:<fbl@${BOUNCE_HOST}>\r\n`,
      `RCPT TO:<unsubscribe+tok3n-value@${BOUNCE_HOST}>\r\n`,
      'RCPT TO:<friend@gmail.example>\r\n',
      `RCPT TO:<postmaster-x@${BOUNCE_HOST}>\r\n`,
      `RCPT TO:<b-forged@other.example>\r\n`,
    ]);
    expect(replies.slice(2, 5).every((r) => r.startsWith('250'))).toBe(true);
    expect(replies.slice(5)).toEqual([
      expect.stringMatching(/^550 5\.1\.1/),
      expect.stringMatching(/^550 5\.1\.1/),
      expect.stringMatching(/^550 5\.1\.1/),
    ]);
  });

  it(`[REP-01] more than ${MAX_INBOUND_RECIPIENTS} recipients in one transaction: the rest get 452 4.5.3`, async () => {
    const rcpts = Array.from(
      { length: MAX_INBOUND_RECIPIENTS + 2 },
      (_, i) => `RCPT TO:<b-${'x'.repeat(30)}${i}@${BOUNCE_HOST}>\r\n`,
    );
    const replies = await dialog(server.port, ['EHLO mx.example\r\n', 'MAIL FROM:<>\r\n', ...rcpts]);
    const rcptReplies = replies.slice(2);
    expect(rcptReplies.filter((r) => r.startsWith('250'))).toHaveLength(MAX_INBOUND_RECIPIENTS);
    expect(rcptReplies.slice(MAX_INBOUND_RECIPIENTS)).toEqual([
      expect.stringMatching(/^452 4\.5\.3/),
      expect.stringMatching(/^452 4\.5\.3/),
    ]);
  });

  it('[REP-01] a message over the named limit is refused at the end of DATA with 552 5.3.4 and nothing is stored', async () => {
    const before = (await rows()).length;
    const line = `${'x'.repeat(998)}\r\n`;
    const body = Buffer.from(line.repeat(Math.ceil((MAX_INBOUND_MESSAGE_BYTES + 1_000_000) / line.length)));
    const replies = await dialog(server.port, [
      'EHLO mx.example\r\n',
      'MAIL FROM:<>\r\n',
      `RCPT TO:<abuse@assent.test>\r\n`,
      'DATA\r\n',
      Buffer.concat([Buffer.from('Subject: big\r\n\r\n'), body, Buffer.from('.\r\n')]),
      'MAIL FROM:<>\r\n',
    ]);
    expect(replies[3]).toMatch(/^354/);
    expect(replies[4]).toMatch(/^552 5\.3\.4/);
    // The connection stays usable after the refusal.
    expect(replies[5]).toMatch(/^250/);
    expect((await rows()).length).toBe(before);
  });

  it('[REP-01] a message declared over the limit (SIZE=) is refused at MAIL FROM', async () => {
    const replies = await dialog(server.port, ['EHLO mx.example\r\n', `MAIL FROM:<> SIZE=${MAX_INBOUND_MESSAGE_BYTES + 1}\r\n`]);
    expect(replies[0]).toContain(`SIZE ${MAX_INBOUND_MESSAGE_BYTES}`);
    expect(replies[1]).toMatch(/^552/);
  });

  it('[REP-01] when the message cannot be stored the sender gets 451 4.3.0 (it retries; nothing acknowledged is lost)', async () => {
    const failing: InboundIntake = {
      ...t.platform.services.inbound,
      receiveMail: () => Promise.reject(new Error('database is down')),
    };
    const down = await startInboundSmtpServer({
      host: '127.0.0.1',
      port: 0,
      serverName: BOUNCE_HOST,
      hosts: HOSTS,
      intake: failing,
      logger: t.platform.logger,
    });
    try {
      const replies = await dialog(down.port, [
        'EHLO mx.example\r\n',
        'MAIL FROM:<>\r\n',
        'RCPT TO:<abuse@assent.test>\r\n',
        'DATA\r\n',
        'Subject: spam\r\n\r\nhello\r\n.\r\n',
      ]);
      expect(replies[4]).toMatch(/^451 4\.3\.0/);
    } finally {
      await down.close();
    }
  });
});
