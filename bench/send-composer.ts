// The bench composer (until the real composer, src/channels/email/campaign-composer.ts, is used
// here): a ~20 KB HTML message per recipient personalised by string substitution, with a
// DKIM-Signature rsa-sha256 (relaxed headers, simple body) from one cached RSA-2048 KeyObject,
// signed on the main thread. Enough to put the signing cost in the figure; not the real message.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { MessageComposer, OutboundMessage } from '../src/core/delivery/types.ts';

const BODY = `<html><body>${'<p>Hello {{name}}, this is the weekly letter with some news and offers for you. </p>\r\n'.repeat(230)}</body></html>\r\n`;

let key: KeyObject | null = null;
const keyObject = () => (key ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);

export function benchMessage(to: string, name: string, messageId = `<${Math.random().toString(36).slice(2)}@shop.test>`): Buffer {
  const body = BODY.replaceAll('{{name}}', name);
  const bh = createHash('sha256').update(body).digest('base64');
  const headers: [string, string][] = [
    ['From', 'Shop <news@shop.test>'],
    ['To', `<${to}>`],
    ['Subject', `News for ${name}`],
    ['Message-ID', messageId],
    ['List-Unsubscribe', `<https://assent.test/u/${name}>`],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
  ];
  const dkim = `v=1; a=rsa-sha256; c=relaxed/simple; d=shop.test; s=s1; h=from:to:subject:message-id:list-unsubscribe:list-unsubscribe-post; bh=${bh}; b=`;
  const canon =
    headers.map(([k, v]) => `${k.toLowerCase()}:${v.replace(/\s+/g, ' ').trim()}\r\n`).join('') + `dkim-signature:${dkim}`;
  const b = sign('sha256', Buffer.from(canon), keyObject()).toString('base64');
  const head = [
    `DKIM-Signature: ${dkim}${b}`,
    ...headers.map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
  ].join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${body}`);
}

export function benchComposer(): MessageComposer {
  return {
    async prepare({ campaign }) {
      keyObject();
      return { campaignId: campaign.id, version: campaign.version, links: [] };
    },
    async compose(prepared, recipients) {
      return recipients.map((r): OutboundMessage => {
        const messageId = `<${prepared.campaignId}.${r.contactId}@shop.test>`;
        const name = String(r.attributes.first_name ?? 'there');
        return {
          envelopeFrom: `b+${r.contactId}@bounce.shop.test`,
          to: r.email,
          raw: benchMessage(r.email, name, messageId),
          contactId: r.contactId,
          messageId,
        };
      });
    },
    async close() {},
  };
}
