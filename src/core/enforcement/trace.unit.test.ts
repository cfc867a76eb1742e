// Tracing, pure (ABU-02, REP-01..03): which keys a returned or reported message's headers carry,
// which of them prove a recipient (VERP and unsubscribe tokens by their HMAC, a Message-ID by the
// delivery records) and which only name a campaign (Feedback-ID); and which addresses are our
// mailboxes. The lookup is an in-memory stand-in for the delivery records (the port).
import { describe, expect, it } from 'vitest';
import { linkToken } from '../unsubscribe/links.ts';
import { verpLocalPart } from '../tokens/verp.ts';
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

describe('tracing', () => {
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
    expect(mailboxFor('@bounces.assent.test', hosts)).toBeNull();
  });
});
