// Bad input for the bounce classifier (issue 10, "Bad input"): each gets a defined result, never
// an exception and never a long stall. The corpus conformance is in test/corpus/bounces.test.ts.
import { describe, expect, it } from 'vitest';
import { classifyBounce, MAX_BOUNCE_MESSAGE_BYTES } from './classify.ts';
import { MAX_MIME_DEPTH } from './mime.ts';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

function nested(depth: number): string {
  let head = 'From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n';
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
    close = `\r\n--b${i}--\r\n` + close;
  }
  head += open + 'Content-Type: text/plain\r\n\r\n<lost@example.org>: 550 5.1.1 user unknown\r\n';
  return head + close;
}

describe('classifyBounce on bad input', () => {
  it('[REP-01] reads MIME nested 1,000 deep as far as MAX_MIME_DEPTH, quickly, without throwing', () => {
    const { value, ms } = timed(() => classifyBounce(Buffer.from(nested(1000))));
    expect(value.length).toBeGreaterThan(0);
    expect(MAX_MIME_DEPTH).toBeLessThan(1000);
    expect(ms).toBeLessThan(1000);
  });

  it('[REP-01] refuses 60 MB of garbage by the size limit with a clear result', () => {
    const big = Buffer.alloc(60 * 1024 * 1024, 0x41);
    const { value, ms } = timed(() => classifyBounce(big));
    expect(value).toEqual([expect.objectContaining({ kind: 'not-a-bounce', refused: 'too-large', hard: false, recipient: '' })]);
    expect(value[0]?.reply).toContain(String(MAX_BOUNCE_MESSAGE_BYTES));
    expect(ms).toBeLessThan(100);
  });

  it('[REP-01] reads a part whose boundary is over MAX_BOUNDARY_LENGTH as text, in linear time (RFC 2046: 70)', () => {
    // Found by bench/bounce-fuzz.ts: a 5,000-character boundary searched through MBs of its own
    // characters took seconds.
    const b = 'x'.repeat(5000);
    const body = `Content-Type: multipart/mixed; boundary="${b}"\n\n--${b.slice(0, 4000)}\n`.repeat(500);
    const msg = `From: MAILER-DAEMON@mx.example\nSubject: Undelivered\nContent-Type: multipart/report; boundary="${b}"\n\n${body}`;
    const { value, ms } = timed(() => classifyBounce(Buffer.from(msg)));
    expect(value.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(500);
  });

  it('[REP-01] reads a message of binary noise as not-a-bounce', () => {
    const noise = Buffer.alloc(200_000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    expect(classifyBounce(noise).map((r) => r.kind)).toEqual(['not-a-bounce']);
  });

  it('[REP-01] has no regex that backtracks on long adversarial lines (addresses, codes, folding)', () => {
    const mb = 1024 * 1024;
    const bodies = [
      'a'.repeat(mb),
      'a.'.repeat(mb / 2) + '@',
      ('x@' + 'a-'.repeat(60)).repeat(8000),
      '5.'.repeat(mb / 2),
      ' 5'.repeat(mb / 2),
      '<'.repeat(mb),
      ('"' + ' '.repeat(300)).repeat(3000),
      '=?'.repeat(mb / 2),
      ('Final-Recipient: rfc822; ' + 'b'.repeat(70) + '\n').repeat(10000),
    ];
    for (const body of bodies) {
      const msg = `From: MAILER-DAEMON@mx.example\nSubject: Undelivered =?${body.slice(0, 5000)}\nContent-Type: multipart/report; boundary="${'q'.repeat(100)}"\n\n${body}\n${body.slice(0, 3000)}: 550 5.1.1 x\n`;
      const { ms } = timed(() => classifyBounce(Buffer.from(msg)));
      expect(ms, body.slice(0, 20)).toBeLessThan(1000);
    }
  });

  it('[REP-01] reads a DSN whose fields come in a broken order and names each recipient once', () => {
    const msg = [
      'From: MAILER-DAEMON@mx.example',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
      '',
      '--x',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; one@example.org',
      'Status: 4.2.2',
      'Action: delayed',
      'Original-Recipient: rfc822; two@example.org',
      'Final-Recipient: rfc822; two@example.org',
      'Status: 5.1.2',
      'Action: failed',
      '--x--',
    ].join('\n');
    const r = classifyBounce(Buffer.from(msg));
    expect(r.map((x) => [x.recipient, x.status, x.kind])).toEqual([
      ['one@example.org', '4.2.2', 'soft'],
      ['two@example.org', '5.1.2', 'hard'],
    ]);
  });

  it('[REP-01] sends a 5.7.1 block to policy-block, not to hard: the address is not at fault', () => {
    const msg = [
      'From: MAILER-DAEMON@mx.example',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
      '',
      '--x',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; someone@example.org',
      'Action: failed',
      'Status: 5.7.1',
      'Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
      '--x--',
    ].join('\n');
    const [r] = classifyBounce(Buffer.from(msg));
    expect(r).toMatchObject({ kind: 'policy-block', hard: false, reason: 'blocked', status: '5.7.1', replyCode: '554' });
  });

  it('[REP-01] reads an RFC 3834 auto-reply as auto-reply with reason vacation', () => {
    const msg =
      'From: Ana <ana@example.org>\nTo: news@shop.example\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nI am away until Monday.\n';
    expect(classifyBounce(Buffer.from(msg))).toEqual([
      expect.objectContaining({ kind: 'auto-reply', reason: 'vacation', recipient: 'ana@example.org', hard: false }),
    ]);
  });
});

describe('classifyBounce: DSN field order', () => {
  const dsn = (perRecipient: string, text = 'The mail could not be delivered.') =>
    Buffer.from(
      [
        'From: MAILER-DAEMON@mx.example',
        'Subject: Undelivered Mail',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        text,
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example',
        '',
        perRecipient,
        '',
        '--B--',
        '',
      ].join('\r\n'),
    );

  it('[REP-01] per-recipient fields written before Final-Recipient belong to that recipient', () => {
    const [r] = classifyBounce(
      dsn(
        'Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\nStatus: 5.1.1\r\nFinal-Recipient: rfc822; ana@example.com\r\nAction: failed',
      ),
    );
    expect(r).toMatchObject({ recipient: 'ana@example.com', status: '5.1.1', kind: 'hard', reply: '550 5.1.1 User unknown' });
  });

  it('[REP-01] Action before Final-Recipient and Original-Recipient after it make one recipient, not two', () => {
    const results = classifyBounce(
      dsn(
        'Action: failed\r\nFinal-Recipient: rfc822; ana@example.com\r\nOriginal-Recipient: rfc822; ana@example.com\r\nStatus: 5.2.2',
      ),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ recipient: 'ana@example.com', status: '5.2.2' });
  });

  it('[REP-01] a Final-Recipient that is no address keeps its status, with the recipient the text names', () => {
    const [r] = classifyBounce(
      dsn(
        'Final-Recipient: RFC822; @mx.example.org\r\nAction: failed\r\nStatus: 5.1.2',
        '<bogdan@example.org>\r\n    (reason: 550 Host unknown)',
      ),
    );
    expect(r).toMatchObject({ recipient: 'bogdan@example.org', status: '5.1.2', kind: 'hard' });
  });
});
