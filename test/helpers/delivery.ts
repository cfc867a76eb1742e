import { randomUUID } from 'node:crypto';
// Test wiring for the send engine: an in-memory campaign area (CampaignAccess with the real
// transition table), a plain composer (unsigned raw message), a domain gate that always has
// keys, a queue that records jobs, and a world of contacts with consent on both engines.
import { CAMPAIGN_TRANSITIONS, type Campaign, type CampaignStatus } from '../../src/core/campaigns/types.ts';
import type { CampaignAccess } from '../../src/core/delivery/ports.ts';
import type { MessageComposer, OutboundMessage } from '../../src/core/delivery/types.ts';
import type { Queue } from '../../src/core/ports.ts';
import type { SendingDomainGate } from '../../src/core/sending-domains/types.ts';
import type { Database } from '../../src/db/database.ts';
import { createEnforcementStore } from '../../src/db/repositories/enforcement.ts';
import { createAccountRow, emailList, permissionServices } from '../../src/db/repositories/permission.testkit.ts';
import type { ManualClock } from './clock.ts';

export function memoryCampaigns(clock: { now(): Date }): CampaignAccess & {
  campaigns: Map<string, Campaign>;
  add(c: Partial<Campaign> & Pick<Campaign, 'id' | 'accountId' | 'listId'>): Campaign;
} {
  const campaigns = new Map<string, Campaign>();
  return {
    campaigns,
    add(c) {
      const now = clock.now().toISOString();
      const full: Campaign = {
        segmentId: null,
        name: 'Test',
        status: 'approved',
        subject: 'Hello',
        preheader: '',
        fromName: 'Shop',
        fromEmail: 'news@shop.test',
        replyTo: null,
        format: 'html',
        body: '<p>Hi</p>',
        clickTracking: false,
        version: 1,
        verdict: null,
        scheduledAt: null,
        timeZone: null,
        pauseReason: null,
        createdAt: now,
        updatedAt: now,
        startedAt: null,
        finishedAt: null,
        ...c,
      };
      campaigns.set(full.id, full);
      return full;
    },
    async get(id) {
      const c = campaigns.get(id);
      return c ? { ...c } : null;
    },
    async setStatus(accountId, id, to, options = {}) {
      const c = campaigns.get(id);
      if (!c || c.accountId !== accountId) return null;
      const from = options.from === undefined ? null : Array.isArray(options.from) ? options.from : [options.from];
      if (from && !from.includes(c.status)) return null;
      if (!(CAMPAIGN_TRANSITIONS[c.status] as readonly CampaignStatus[]).includes(to)) return null;
      const now = clock.now().toISOString();
      c.status = to;
      c.pauseReason = to === 'paused' ? (options.pauseReason ?? 'owner') : null;
      if (to === 'sending' && !c.startedAt) c.startedAt = now;
      if (to === 'sent' || to === 'cancelled') c.finishedAt = now;
      c.updatedAt = now;
      return { ...c };
    },
  };
}

/** A plain composer: an unsigned RFC 5322 message per recipient (the real one signs with DKIM). */
export const plainComposer: MessageComposer = {
  async prepare({ campaign }) {
    return { campaignId: campaign.id, version: campaign.version, links: [] };
  },
  async compose(prepared, recipients) {
    return recipients.map((r): OutboundMessage => {
      const messageId = `<${prepared.campaignId}.${r.contactId}@shop.test>`;
      const raw = Buffer.from(
        `From: Shop <news@shop.test>\r\nTo: <${r.email}>\r\nSubject: Hello\r\nMessage-ID: ${messageId}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello ${r.email}\r\n`,
      );
      return { envelopeFrom: `b+${r.contactId}@bounce.shop.test`, to: r.email, raw, contactId: r.contactId, messageId };
    });
  },
  async close() {},
};

export const verifiedDomains: SendingDomainGate = {
  async verifiedFor(accountId, fromEmail) {
    const domain = fromEmail.split('@')[1] ?? '';
    return {
      id: `dom-${domain}`,
      accountId,
      domain,
      status: 'verified',
      dkimSelector: 's1',
      ed25519Selector: null,
      records: [],
      lastCheckedAt: null,
      verifiedAt: null,
      createdAt: '',
    };
  },
  async signingKeys(_accountId, domainId) {
    return { domain: domainId.slice(4), rsa: { selector: 's1', privateKeyPem: '' }, ed25519: null };
  },
};

export function recordingQueue(): Pick<Queue, 'send'> & { sent: { name: string; data: unknown }[] } {
  const sent: { name: string; data: unknown }[] = [];
  return {
    sent,
    async send(name, data) {
      sent.push({ name, data });
      return String(sent.length);
    },
  };
}

/** An account with an email list and `n` contacts (c00001@example.com …) that granted consent. */
export async function deliveryWorld(database: Database, clock: ManualClock, n: number) {
  const s = permissionServices(database, clock);
  const accountId = await createAccountRow(database);
  const list = await s.lists.create(accountId, emailList());
  const ids: string[] = [];
  const emails = new Map<string, string>();
  for (let i = 1; i <= n; i++) {
    const email = `c${String(i).padStart(5, '0')}@example.com`;
    const id = (await s.contacts.upsert(accountId, { email })).contact.id;
    ids.push(id);
    emails.set(id, email);
  }
  for (let i = 0; i < ids.length; i += 1000) {
    await s.consent.record(
      accountId,
      ids.slice(i, i + 1000).map((contactId) => ({
        contactId,
        listId: list.id,
        channel: 'email' as const,
        kind: 'granted' as const,
        sourceType: 'form' as const,
        textShown: 'Yes, email me.',
      })),
    );
  }
  return { s, accountId, listId: list.id, ids, emails };
}

/**
 * What the send engine and the inbound processor leave after a campaign, written directly (the
 * reputation rules read only these rows): `sent` delivery records of one campaign at `at`, the
 * first `hard` of them hard-bounced, and `complaints` counted complaints (proven traces) about the
 * last ones. Returns the contact ids (random: no contact rows are needed).
 */
export async function seedOutcomes(
  database: Database,
  o: { accountId: string; campaignId: string; at: string; sent: number; hard?: number; complaints?: number },
): Promise<string[]> {
  const hard = o.hard ?? 0;
  const contacts = Array.from({ length: o.sent }, () => randomUUID());
  for (let i = 0; i < contacts.length; i += 1000) {
    await database.db
      .insertInto('delivery_records')
      .values(
        contacts.slice(i, i + 1000).map((contactId, j) => ({
          campaign_id: o.campaignId,
          contact_id: contactId,
          account_id: o.accountId,
          status: i + j < hard ? 'bounced' : 'accepted',
          reason: null,
          attempts: 1,
          bounce_type: i + j < hard ? 'hard' : null,
          smtp_reply: i + j < hard ? '550 5.1.1 User unknown' : '250 2.0.0 Ok',
          queue_id: null,
          relay: '127.0.0.1:25',
          message_id: `<${contactId}@example.test>`,
          sample: 0,
          next_attempt_at: o.at,
          claimed_by: null,
          lease_until: null,
          updated_at: o.at,
        })),
      )
      .execute();
  }
  const store = createEnforcementStore(database);
  for (let i = 0; i < (o.complaints ?? 0); i++) {
    await store.addComplaint({
      id: randomUUID(),
      inboundId: randomUUID(),
      seq: 1,
      source: 'arf',
      feedbackType: 'abuse',
      accountId: o.accountId,
      campaignId: o.campaignId,
      contactId: contacts[o.sent - 1 - i]!,
      tracedBy: 'verp',
      counted: true,
      reporter: null,
      comment: null,
      reviewStatus: 'open',
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      receivedAt: o.at,
    });
  }
  return contacts;
}
