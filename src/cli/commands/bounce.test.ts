// `assent bounce classify` as an operator runs it: a real child process over message files.
// Its lines must be the classifier's own results, one per recipient, and an unreadable file
// must exit 2 with a message naming it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'assent-bounce-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DSN = [
  'From: MAILER-DAEMON@mx.example.net',
  'To: bounces+abc@assent.example',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain',
  '',
  'I could not deliver your message.',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; gone@example.org',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown',
  '',
  'Final-Recipient: rfc822; full@example.org',
  'Action: failed',
  'Status: 5.2.2',
  'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
  '--b1--',
  '',
].join('\r\n');

const ARF = [
  'From: fbl@isp.example',
  'To: fbl@assent.example',
  'Subject: complaint',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=feedback-report; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/plain',
  '',
  'An abuse report.',
  '--b2',
  'Content-Type: message/feedback-report',
  '',
  'Feedback-Type: abuse',
  'User-Agent: Test/1.0',
  'Version: 1',
  'Original-Rcpt-To: <reader@example.com>',
  '--b2',
  'Content-Type: message/rfc822',
  '',
  'From: news@shop.example',
  'To: reader@example.com',
  'Message-ID: <m1@assent.example>',
  'Feedback-ID: c1:a1:campaign:assent',
  '',
  'Hello',
  '--b2--',
  '',
].join('\r\n');

describe('assent bounce classify', () => {
  it('[REP-01] prints one JSON line per recipient of a DSN, with kind, status, reason and reply', async () => {
    const path = join(dir, 'dsn.eml');
    writeFileSync(path, DSN);
    const { code, out } = await runCli(['bounce', 'classify', path]);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: path,
      index: 1,
      kind: 'hard',
      hard: true,
      status: '5.1.1',
      recipient: 'gone@example.org',
      reason: 'userunknown',
      feedbackType: '',
    });
    expect(String(lines[0]?.reply)).toContain('User unknown');
    expect(lines[1]).toMatchObject({
      index: 2,
      kind: 'soft',
      hard: false,
      status: '5.2.2',
      recipient: 'full@example.org',
      reason: 'mailboxfull',
    });
  });

  it('[REP-02] prints an ARF report as feedback with its feedback type and recipient', async () => {
    const path = join(dir, 'arf.eml');
    writeFileSync(path, ARF);
    const { code, out } = await runCli(['bounce', 'classify', path]);
    expect(code).toBe(0);
    expect(JSON.parse(out.trim())).toMatchObject({
      index: 1,
      kind: 'feedback',
      hard: false,
      recipient: 'reader@example.com',
      reason: 'feedback',
      feedbackType: 'abuse',
    });
  });

  it('exits 2 naming an unreadable file, and still classifies the readable ones', async () => {
    const good = join(dir, 'dsn2.eml');
    writeFileSync(good, DSN);
    const missing = join(dir, 'missing.eml');
    const { code, out } = await runCli(['bounce', 'classify', missing, good]);
    expect(code).toBe(2);
    expect(out).toContain(`cannot read ${missing}: ENOENT`);
    expect(out).toContain('"recipient":"gone@example.org"');
  });

  it('exits 2 with usage when no file is given', async () => {
    const { code, out } = await runCli(['bounce', 'classify']);
    expect(code).toBe(2);
    expect(out).toContain('usage: assent bounce classify FILE');
  });
});
