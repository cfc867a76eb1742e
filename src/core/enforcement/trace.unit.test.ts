// Tracing, pure (ABU-02, REP-01..03): which keys a returned or reported message's headers carry,
// which of them prove a recipient (VERP and unsubscribe tokens by their HMAC, a Message-ID by the
// delivery records) and which only name a campaign (Feedback-ID); and which addresses are our
// mailboxes. The lookup is an in-memory stand-in for the delivery records (the port).
import { describe, expect, it } from 'vitest';
import { signToken } from '../tokens/signed-token.ts';
import { linkToken } from '../unsubscribe/links.ts';
import { verpLocalPart } from '../tokens/verp.ts';
import { htmlText, reportedMessages } from './forwarded.ts';
import { mailboxFor } from './mailboxes.ts';
import type { TraceLookup, TracedDelivery } from './ports.ts';
import { mergeKeys, NO_KEYS, sameRecipient, traceOf } from './trace.ts';
import { traceKeys, traceKeysFromText } from './trace-keys.ts';

const SECRET = 'trace-secret-trace-secret-trace-secret-01';
const ACCOUNT = '0190a0e0-0000-7000-8000-0000000000a1';
const OTHER_ACCOUNT = '0190a0e0-0000-7000-8000-0000000000a2';
const CAMPAIGN = '0190a0e0-0000-7000-8000-0000000000c1';
const CONTACT = '0190a0e0-0000-7000-8000-0000000000d1';
const LIST = '0190a0e0-0000-7000-8000-0000000000e1';
const MESSAGE_ID = '<5b1f0c2e-aaaa-4bbb-8ccc-0123456789ab@shop.ro>';

const delivery: TracedDelivery = {
  accountId: ACCOUNT,
  campaignId: CAMPAIGN,
  contactId: CONTACT,
  status: 'accepted',
  bounceType: null,
  messageId: MESSAGE_ID,
  relay: '127.0.0.1:25',
  address: 'Ana@Example.com',
  fromDomain: 'shop.ro',
  campaignName: 'December',
};
const lookup: TraceLookup = {
  async byRecord(campaignId, contactId) {
    return campaignId === CAMPAIGN && contactId === CONTACT ? delivery : null;
  },
  async byMessageId(id) {
    return id === MESSAGE_ID ? delivery : null;
  },
  async campaignOwner(campaignId) {
    return campaignId === CAMPAIGN ? ACCOUNT : null;
  },
};
const verp = verpLocalPart(SECRET, CAMPAIGN, CONTACT);
const token = (accountId: string, issuedAt: Date) =>
  linkToken(SECRET, 'unsubscribe', { accountId, contactId: CONTACT, listId: LIST, campaignId: CAMPAIGN }, issuedAt);
const unsubToken = token(ACCOUNT, new Date());

describe('trace keys from headers', () => {
  const headers = [
    `Return-Path: <${verp}@bounces.assent.test>`,
    `Message-ID: ${MESSAGE_ID}`,
    `List-Unsubscribe: <https://assent.test/u/${unsubToken}>, <mailto:unsubscribe+${unsubToken}@bounces.assent.test>`,
    `Feedback-ID: ${CAMPAIGN}:${ACCOUNT}:campaign:assent`,
    'Subject: December',
  ].join('\r\n');

  it('[ABU-02] reads VERP, the unsubscribe token (https and mailto), Message-ID and Feedback-ID', () => {
    expect(traceKeys(headers)).toEqual({
      verpLocalParts: [verp],
      unsubscribeTokens: [unsubToken],
      messageIds: [MESSAGE_ID],
      feedbackIds: [`${CAMPAIGN}:${ACCOUNT}:campaign:assent`],
    });
  });

  it('[ABU-02] reads them from a quoted, indented inline forward, and an unsubscribe link anywhere in its text', () => {
    const forwarded = `> Return-Path: <${verp}@bounces.assent.test>\n>   Message-ID: ${MESSAGE_ID}\n\nhello\nUnsubscribe: https://assent.test/u/${unsubToken}\n`;
    const keys = traceKeysFromText(forwarded);
    expect(keys.verpLocalParts).toEqual([verp]);
    expect(keys.messageIds).toEqual([MESSAGE_ID]);
    expect(keys.unsubscribeTokens).toEqual([unsubToken]);
    expect(traceKeysFromText('nothing of ours here')).toEqual(NO_KEYS);
  });

  it('[ABU-02] never throws and bounds what it reads', () => {
    expect(traceKeys('')).toEqual(NO_KEYS);
    expect(
      traceKeys(`Message-ID: ${Array.from({ length: 100 }, (_, i) => `<m${i}@x.example>`).join(' ')}`).messageIds,
    ).toHaveLength(20);
    expect(() => traceKeysFromText('\u0000'.repeat(300_000))).not.toThrow();
  });

  it('[ABU-02] merges keys without duplicates', () => {
    const a = { ...NO_KEYS, messageIds: ['<a@x>'] };
    expect(mergeKeys(a, a, { ...NO_KEYS, feedbackIds: ['f'] })).toEqual({
      ...NO_KEYS,
      messageIds: ['<a@x>'],
      feedbackIds: ['f'],
    });
  });
});

describe('trace keys: the other header names and shapes', () => {
  it('[ABU-02] VERP from Original-Mail-From, X-Original-Return-Path, Envelope-From, X-Envelope-From; X-Original-Message-ID', () => {
    for (const name of ['Original-Mail-From', 'X-Original-Return-Path', 'Envelope-From', 'X-Envelope-From', 'Return-Path'])
      expect(traceKeys(`${name}: <${verp}@bounces.assent.test>`).verpLocalParts, name).toEqual([verp]);
    expect(traceKeys(`X-Original-Message-ID: ${MESSAGE_ID}`).messageIds).toEqual([MESSAGE_ID]);
    expect(traceKeys(`X-Other: <${verp}@bounces.assent.test>\nReferences: ${MESSAGE_ID}`)).toEqual(NO_KEYS);
  });

  it('[ABU-02] CRLF and folded header lines; Feedback-ID trimmed, an empty one dropped; a short mailto token is no token', () => {
    const keys = traceKeys(
      `Message-ID:\r\n ${MESSAGE_ID}\r\nFeedback-ID:   f1:x  \r\nFeedback-ID: \r\nList-Unsubscribe: <mailto:unsubscribe+short@b.example>\r\n`,
    );
    expect(keys.messageIds).toEqual([MESSAGE_ID]);
    expect(keys.feedbackIds).toEqual(['f1:x']);
    expect(keys.unsubscribeTokens).toEqual([]);
    expect(traceKeys(`List-Unsubscribe: <mailto:unsubscribe+${unsubToken}@b.example>`).unsubscribeTokens).toEqual([unsubToken]);
  });

  it('[ABU-02] free text: CR line ends, quote levels, indented and wrapped header lines, Feedback-ID trimmed', () => {
    const text = [
      '>> Return-Path:',
      `>>    <${verp}@bounces.assent.test>`,
      `  Message-ID: ${MESSAGE_ID}`,
      '> > Feedback-ID:  fid:1  ',
      '> X-Original-Message-ID: <second@x.example>',
    ].join('\r');
    const keys = traceKeysFromText(text);
    expect(keys.verpLocalParts).toEqual([verp]);
    expect(keys.messageIds).toEqual([MESSAGE_ID, '<second@x.example>']);
    expect(keys.feedbackIds).toEqual(['fid:1']);
  });

  it('[ABU-02] CR-only line ends; several return paths without brackets; at most 20 tokens and Feedback-IDs', () => {
    expect(traceKeys(`Subject: x\rMessage-ID: ${MESSAGE_ID}\r`).messageIds).toEqual([MESSAGE_ID]);
    const other = verpLocalPart(SECRET, CAMPAIGN, '0190a0e0-0000-7000-8000-0000000000d2');
    expect(traceKeys(`Return-Path: ${verp}@b.example\nOriginal-Mail-From: ${other}@b.example`).verpLocalParts).toEqual([
      verp,
      other,
    ]);
    const fids = Array.from({ length: 25 }, (_, i) => `Feedback-ID: f${i}`).join('\n');
    expect(traceKeys(fids).feedbackIds).toHaveLength(20);
    const urls = Array.from(
      { length: 15 },
      (_, i) => `<https://a.example/u/${'t'.repeat(12)}${i}>, <mailto:unsubscribe+${'m'.repeat(12)}${i}@b.example>`,
    );
    expect(traceKeys(`List-Unsubscribe: ${urls.join(', ')}`).unsubscribeTokens).toHaveLength(20);
  });

  it('[ABU-02] free text keeps at most 20 keys of a kind and reads List-Unsubscribe lines too', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Message-ID: <m${i}@x.example>`).join('\n');
    expect(traceKeysFromText(many).messageIds).toHaveLength(20);
    expect(traceKeysFromText(`> List-Unsubscribe: <mailto:unsubscribe+${unsubToken}@b.example>`).unsubscribeTokens).toEqual([
      unsubToken,
    ]);
  });
});

describe('tracing', () => {
  it('[REP-01] a genuine VERP for a record that does not exist proves nothing', async () => {
    const stranger = verpLocalPart(SECRET, CAMPAIGN, '0190a0e0-0000-7000-8000-0000000000d9');
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, verpLocalParts: [stranger] })).toEqual({ proven: false, by: 'none' });
  });

  it('[REP-01] at most 10 keys of a kind are tried: a report stuffed with junk keys cannot make us look up thousands', async () => {
    const junk = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const bad = junk(10, (i) => `b-${'A'.repeat(40)}${i}`);
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, verpLocalParts: [...bad, verp] })).toEqual({ proven: false, by: 'none' });
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, verpLocalParts: [...bad.slice(1), verp] })).toMatchObject({ by: 'verp' });
    const badTokens = junk(10, (i) => `x${i}.y`);
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, unsubscribeTokens: [...badTokens, unsubToken] })).toEqual({
      proven: false,
      by: 'none',
    });
    const badIds = junk(10, (i) => `<j${i}@x.example>`);
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, messageIds: [...badIds, MESSAGE_ID] })).toEqual({
      proven: false,
      by: 'none',
    });
    const fid = `${CAMPAIGN}:${ACCOUNT}:campaign:assent`;
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, feedbackIds: [...junk(10, (i) => `junk${i}`), fid] })).toEqual({
      proven: false,
      by: 'none',
    });
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, feedbackIds: ['junk', ` ${fid} `] })).toMatchObject({ by: 'feedback-id' });
  });

  it('[ABU-02] an unsubscribe token whose fields are not the ids (a number, no campaign) proves nothing', async () => {
    const ts = Math.floor(Date.now() / 1000);
    for (const fields of [
      [1, CONTACT, LIST, CAMPAIGN, ts],
      [ACCOUNT, 2, LIST, CAMPAIGN, ts],
      [ACCOUNT, CONTACT, LIST, null, ts],
    ])
      expect(
        await traceOf(SECRET, lookup, { ...NO_KEYS, unsubscribeTokens: [signToken(SECRET, 'unsubscribe', fields)] }),
      ).toEqual({
        proven: false,
        by: 'none',
      });
    const preferences = signToken(SECRET, 'preferences', [ACCOUNT, CONTACT, LIST, CAMPAIGN, ts]);
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, unsubscribeTokens: [preferences] })).toEqual({
      proven: false,
      by: 'none',
    });
  });

  it('[REP-02] a Feedback-ID must start with the campaign and account ids', async () => {
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, feedbackIds: [`x${CAMPAIGN}:${ACCOUNT}:campaign:assent`] })).toEqual({
      proven: false,
      by: 'none',
    });
  });

  it('[REP-01] a VERP local part traces to the record it was made for', async () => {
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, verpLocalParts: [verp] })).toEqual({ proven: true, by: 'verp', delivery });
  });

  it('[REP-01] a forged or foreign-secret VERP proves nothing', async () => {
    const flipped = verp.slice(0, 12) + (verp[12] === 'A' ? 'B' : 'A') + verp.slice(13);
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, verpLocalParts: [flipped] })).toEqual({ proven: false, by: 'none' });
    const foreign = verpLocalPart('another-secret-another-secret-another-0', CAMPAIGN, CONTACT);
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, verpLocalParts: [foreign] })).toEqual({ proven: false, by: 'none' });
  });

  it('[ABU-02] an unsubscribe token traces even after it expired, but not when it names another account', async () => {
    const old = token(ACCOUNT, new Date(Date.now() - 400 * 86_400_000));
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, unsubscribeTokens: [old] })).toMatchObject({
      proven: true,
      by: 'unsubscribe-token',
    });
    const other = token(OTHER_ACCOUNT, new Date());
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, unsubscribeTokens: [other] })).toEqual({ proven: false, by: 'none' });
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, unsubscribeTokens: [`${unsubToken}x`] })).toEqual({
      proven: false,
      by: 'none',
    });
  });

  it('[REP-02] a Message-ID traces only when the delivery records have it', async () => {
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, messageIds: ['<other@x.example>', MESSAGE_ID] })).toMatchObject({
      proven: true,
      by: 'message-id',
    });
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, messageIds: ['<other@x.example>'] })).toEqual({
      proven: false,
      by: 'none',
    });
  });

  it('[REP-02] a Feedback-ID names a campaign but proves no recipient, and only when the account owns the campaign', async () => {
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, feedbackIds: [`${CAMPAIGN}:${ACCOUNT}:campaign:assent`] })).toEqual({
      proven: false,
      by: 'feedback-id',
      campaignId: CAMPAIGN,
      accountId: ACCOUNT,
    });
    expect(await traceOf(SECRET, lookup, { ...NO_KEYS, feedbackIds: [`${CAMPAIGN}:${OTHER_ACCOUNT}:campaign:assent`] })).toEqual({
      proven: false,
      by: 'none',
    });
  });

  it('[REP-01] the strongest key wins: VERP before token before Message-ID before Feedback-ID', async () => {
    const all = {
      verpLocalParts: [verp],
      unsubscribeTokens: [unsubToken],
      messageIds: [MESSAGE_ID],
      feedbackIds: [`${CAMPAIGN}:${ACCOUNT}:campaign:assent`],
    };
    expect((await traceOf(SECRET, lookup, all)).by).toBe('verp');
    expect((await traceOf(SECRET, lookup, { ...all, verpLocalParts: [] })).by).toBe('unsubscribe-token');
    expect((await traceOf(SECRET, lookup, { ...all, verpLocalParts: [], unsubscribeTokens: [] })).by).toBe('message-id');
  });

  it('[REP-01] a bounce naming another recipient than the traced one proves nothing; none named is fine; case does not matter', () => {
    expect(sameRecipient('ana@example.com', delivery)).toBe(true);
    expect(sameRecipient(' ANA@example.com ', delivery)).toBe(true);
    expect(sameRecipient('', delivery)).toBe(true);
    expect(sameRecipient('bogdan@example.com', delivery)).toBe(false);
    expect(sameRecipient('ana@example.com', { ...delivery, address: null })).toBe(false);
    expect(sameRecipient('ana@example.com', { ...delivery, address: ' Ana@Example.com ' })).toBe(true);
  });
});

describe('mailboxes', () => {
  const hosts = { bounceHost: 'bounces.assent.test', abuseEmail: 'abuse@assent.test' };
  it('[REP-01, ABU-01] names our four mailboxes and nothing else', () => {
    expect(mailboxFor(`${verp}@bounces.assent.test`, hosts)).toBe('bounce');
    expect(mailboxFor(`${verp}@BOUNCES.assent.test`, hosts)).toBe('bounce');
    expect(mailboxFor('fbl@bounces.assent.test', hosts)).toBe('feedback');
    expect(mailboxFor('FBL@bounces.assent.test', hosts)).toBe('feedback');
    expect(mailboxFor(`unsubscribe+${unsubToken.slice(0, 40)}@bounces.assent.test`, hosts)).toBe('unsubscribe');
    expect(mailboxFor('Abuse@Assent.test', hosts)).toBe('abuse');
    expect(mailboxFor('unsubscribe+@bounces.assent.test', hosts)).toBeNull();
    expect(mailboxFor(`${verp}@elsewhere.example`, hosts)).toBeNull();
    expect(mailboxFor('postmaster@bounces.assent.test', hosts)).toBeNull();
    expect(mailboxFor('abuse@bounces.assent.test', hosts)).toBeNull();
    expect(mailboxFor(`b-${'x'.repeat(70)}@bounces.assent.test`, hosts)).toBeNull();
    expect(mailboxFor('no-at-sign', hosts)).toBeNull();
    expect(mailboxFor(`b-${'x'.repeat(62)}@bounces.assent.test`, hosts)).toBe('bounce');
    expect(mailboxFor(`b-${'x'.repeat(63)}@bounces.assent.test`, hosts)).toBeNull();
    expect(mailboxFor('unsubscribe-abc@bounces.assent.test', hosts)).toBeNull();
    expect(mailboxFor('unsubscribeabc@bounces.assent.test', hosts)).toBeNull();
    expect(mailboxFor('@bounces.assent.test', hosts)).toBeNull();
  });
});

describe('the messages a report carries', () => {
  const plain = (body: string) => Buffer.from(`Subject: Fwd: news\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`);
  const forwardedOf = (body: string) => {
    const found = reportedMessages(plain(body));
    return found.length === 1 && found[0]!.source === 'inline-forward' ? traceKeysFromText(found[0]!.headers).messageIds : null;
  };

  it.each([
    ['Gmail', '---------- Forwarded message ---------'],
    ['Gmail, no spaces', '----------Forwarded message----------'],
    ['Apple Mail', 'Begin forwarded message:'],
    ['Apple Mail, trailing space', 'Begin forwarded message:  '],
    ['Outlook', '-----Original Message-----'],
    ['Thunderbird', '-------- Forwarded Message --------'],
    ['Romanian', '-------- Mesaj redirecționat --------'],
    ['Romanian, transmis', '------ Mesaj transmis ------'],
  ])('[ABU-01] an inline forward under the %s marker yields the forwarded headers only', (_name, marker) => {
    const body = `I never asked for this.\nMessage-ID: <not-this@reporter.example>\n\n${marker}\nFrom: Shop <news@shop.ro>\nMessage-ID: ${MESSAGE_ID}\n\nhello`;
    expect(forwardedOf(body)).toEqual([MESSAGE_ID]);
  });

  it('[ABU-01] a marker must stand on its own line; a pasted header block without a marker counts, even quoted', () => {
    const inline = reportedMessages(plain(`see: ---------- Forwarded message --------- (above)\nnothing else`));
    expect(inline.map((m) => m.source)).toEqual(['self']);
    expect(forwardedOf(`Here are the headers:\n> Message-ID: ${MESSAGE_ID}\n`)).toEqual([MESSAGE_ID]);
    expect(forwardedOf(`Here:\n>> Feedback-ID: a:b:campaign:assent\n`)).toEqual([]);
    expect(reportedMessages(plain('Message-IDs are mentioned but none is given.')).map((m) => m.source)).toEqual(['self']);
  });

  it('[ABU-01] at most 20 attached messages are read from one report; something unreadable gives nothing, never a throw', () => {
    const parts = Array.from(
      { length: 25 },
      (_, i) => `--R\r\nContent-Type: message/rfc822\r\n\r\nMessage-ID: <m${i}@x.example>\r\n\r\nb\r\n`,
    ).join('');
    const many = reportedMessages(Buffer.from(`Content-Type: multipart/mixed; boundary="R"\r\n\r\n${parts}--R--\r\n`));
    expect(many).toHaveLength(20);
    expect(many.every((m) => m.source === 'attachment')).toBe(true);
    expect(() => reportedMessages(Buffer.from([0xff, 0xfe, 0x00, 0x01]))).not.toThrow();
  });

  it('[ABU-01] HTML as text: line breaks, link targets kept, tags dropped, a stray < kept', () => {
    expect(htmlText('<p>Hi<br/>there <a class="x" href="https://a.test/u/T1">Unsubscribe</a> &lt; 3 < 4 <b>bold</b></p>')).toBe(
      '\nHi\nthere  https://a.test/u/T1 Unsubscribe &lt; 3 < 4 bold\n',
    );
    expect(htmlText('a < b and c > d <BR>e <A HREF=https://x.test/u/abc>u</A><!-- c -->')).toBe(
      'a < b and c > d \ne  https://x.test/u/abc u',
    );
    expect(htmlText(`<${'x'.repeat(2500)}> kept`)).toBe(`<${'x'.repeat(2500)}> kept`);
    expect(htmlText('no tags at all')).toBe('no tags at all');
  });

  it('[ABU-01] an attached message (message/rfc822), attached headers, an inline forward in HTML, or the message itself', () => {
    const attached = reportedMessages(
      Buffer.from(
        `Content-Type: multipart/mixed; boundary="R"\r\n\r\n--R\r\nContent-Type: text/plain\r\n\r\nsee\r\n--R\r\nContent-Type: message/rfc822\r\n\r\nMessage-ID: ${MESSAGE_ID}\r\nSubject: x\r\n\r\nbody\r\n--R--\r\n`,
      ),
    );
    expect(attached).toHaveLength(1);
    expect(attached[0]!.source).toBe('attachment');
    expect(traceKeys(attached[0]!.headers).messageIds).toEqual([MESSAGE_ID]);
    const html = reportedMessages(
      Buffer.from(
        `Content-Type: text/html\r\n\r\n<div>spam!</div><div>---------- Forwarded message ---------<br>From: Shop<br><p>Hello</p><a href="https://assent.test/u/${unsubToken}">Unsubscribe</a></div>`,
      ),
    );
    expect(html.map((m) => m.source)).toEqual(['inline-forward']);
    expect(traceKeysFromText(html[0]!.headers).unsubscribeTokens).toEqual([unsubToken]);
    const headersOnly = reportedMessages(
      Buffer.from(
        `Content-Type: multipart/report; boundary="R"\r\n\r\n--R\r\nContent-Type: text/plain\r\n\r\nbounced\r\n--R\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: ${MESSAGE_ID}\r\n--R--\r\n`,
      ),
    );
    expect(headersOnly.map((m) => m.source)).toEqual(['attachment']);
    expect(traceKeys(headersOnly[0]!.headers).messageIds).toEqual([MESSAGE_ID]);
    const self = reportedMessages(Buffer.from(`Message-ID: ${MESSAGE_ID}\r\nSubject: x\r\n\r\nbody`));
    expect(self.map((m) => m.source)).toEqual(['self']);
    expect(traceKeys(self[0]!.headers).messageIds).toEqual([MESSAGE_ID]);
  });
});
