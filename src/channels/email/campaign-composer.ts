// The campaign message (MSG-01, MSG-03, MSG-05, SEC-04): prepare() compiles one campaign
// version once (template, tracked links, the footer when missing, DKIM KeyObjects); compose()
// renders each recipient, writes the RFC 5322 message itself and signs it.
import { randomUUID } from 'node:crypto';
import type { Campaign } from '../../core/campaigns/types.ts';
import type {
  MessageComposer,
  OutboundMessage,
  PreparedCampaign,
  RecipientView,
  SenderFacts,
} from '../../core/delivery/types.ts';
import type { DomainSigningKeys } from '../../core/sending-domains/types.ts';
import { compileTemplate, escapeHtml, type CompiledTemplate } from '../../core/templates/compile.ts';
import { render } from '../../core/templates/render.ts';
import { clickToken } from '../../core/tokens/click.ts';
import { verpAddress } from '../../core/tokens/verp.ts';
import { unsubscribeUrl } from '../../core/unsubscribe/links.ts';
import { dkimSignatures, loadDkimKeys, type DkimKeys, type HeaderLine } from './dkim.ts';
import { address, base64Body, encodeWords, headerValue, mailbox } from './mime.ts';

export const PLATFORM_ID = 'assent';

export interface CampaignComposerOptions {
  secret: string;
  /** https://… of the public server (unsubscribe and click links). */
  publicUrl: string;
  /** The VERP / mailto-unsubscribe host (config BOUNCE_HOST). */
  bounceDomain: string;
}

interface Prepared extends PreparedCampaign {
  campaign: Campaign;
  sender: SenderFacts;
  template: CompiledTemplate;
  keys: DkimKeys;
  fromDomain: string;
  from: string;
  replyTo: string | null;
}

const UNSUB_RE = /\{\{-?\s*unsubscribe_url\b/;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** MSG-03: the footer goes in when the template lacks the unsubscribe link or the postal address. */
export function footerHtml(sender: SenderFacts, withUnsubscribe: boolean, withAddress: boolean): string {
  const parts: string[] = [];
  if (withAddress) parts.push(`${escapeHtml(sender.accountName)}, ${escapeHtml(sender.postalAddress)}`);
  if (withUnsubscribe) parts.push(`<a href="{{ unsubscribe_url }}">Unsubscribe</a>`);
  return `<div data-assent-footer style="font-size:12px;color:#666;text-align:center;padding:16px;">${parts.join(' &middot; ')}</div>`;
}

function addFooter(html: string, sender: SenderFacts): string {
  const hasUnsub = UNSUB_RE.test(html);
  const text = norm(html.replace(/<[^>]+>/g, ' '));
  const hasAddress = sender.postalAddress.trim() !== '' && text.includes(norm(escapeHtml(sender.postalAddress)));
  if (hasUnsub && hasAddress) return html;
  const footer = footerHtml(sender, !hasUnsub, !hasAddress);
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${footer}</body>`) : html + footer;
}

/** SEC-04: http(s) hrefs become {{ click_base }}/<n> placeholders; the originals are kept by index. */
function rewriteLinks(html: string, links: string[]): string {
  return html.replace(/(<a\b[^>]*?\bhref=)(["'])(https?:\/\/[^"']+)\2/gi, (m, pre: string, q: string, href: string) => {
    if (href.includes('{{') || href.includes('{%')) return m;
    const url = href.replace(/&amp;/g, '&');
    let i = links.indexOf(url);
    if (i < 0) i = links.push(url) - 1;
    return `${pre}${q}{{ click[${i}] }}${q}`;
  });
}

export function createCampaignComposer(opts: CampaignComposerOptions): MessageComposer {
  const publicUrl = opts.publicUrl.replace(/\/+$/, '');
  return {
    async prepare({ campaign, sender, keys }: { campaign: Campaign; sender: SenderFacts; keys: DomainSigningKeys }) {
      const links: string[] = [];
      const fromEmail = address('From', campaign.fromEmail);
      const template = await compileTemplate({
        format: campaign.format,
        body: campaign.body,
        subject: headerValue('subject', campaign.subject),
        preheader: campaign.preheader,
        transformHtml: (html) => addFooter(campaign.clickTracking ? rewriteLinks(html, links) : html, sender),
      });
      const prepared: Prepared = {
        campaignId: campaign.id,
        version: campaign.version,
        links,
        campaign,
        sender,
        template,
        keys: loadDkimKeys(keys),
        fromDomain: fromEmail.slice(fromEmail.lastIndexOf('@') + 1).toLowerCase(),
        from: mailbox(campaign.fromName, fromEmail),
        replyTo: campaign.replyTo ? address('Reply-To', campaign.replyTo) : null,
      };
      return prepared;
    },

    async compose(preparedIn: PreparedCampaign, recipients: RecipientView[], now: Date): Promise<OutboundMessage[]> {
      const p = preparedIn as Prepared;
      return recipients.map((r) => composeOne(p, r, now));
    },

    async close() {},
  };

  function composeOne(p: Prepared, r: RecipientView, now: Date): OutboundMessage {
    const { campaign, sender } = p;
    const to = address('To', r.email);
    const claims = { accountId: sender.accountId, contactId: r.contactId, listId: sender.listId, campaignId: campaign.id };
    const unsub = unsubscribeUrl({ secret: opts.secret, publicUrl }, claims, now);
    const unsubToken = unsub.slice(unsub.lastIndexOf('/') + 1);
    const click = p.links.map(
      (_, index) => `${publicUrl}/c/${clickToken(opts.secret, { campaignId: campaign.id, contactId: r.contactId, index })}`,
    );
    const out = render(p.template, {
      contact: { ...r.attributes, email: r.email },
      account: { name: sender.accountName, postal_address: sender.postalAddress },
      unsubscribe_url: unsub,
      click,
    });
    const messageId = `<${randomUUID()}@${p.fromDomain}>`;
    const boundary = `=_a_${randomUUID().replaceAll('-', '')}`;
    const headers: HeaderLine[] = [
      { name: 'From', value: p.from },
      { name: 'To', value: to },
      { name: 'Subject', value: encodeWords(out.subject) },
      { name: 'Date', value: now.toUTCString().replace('GMT', '+0000') },
      { name: 'Message-ID', value: messageId },
      // RFC 2369 + RFC 8058: https one-click first, mailto second; both covered by DKIM (MSG-01).
      { name: 'List-Unsubscribe', value: `<${unsub}>, <mailto:unsubscribe+${unsubToken}@${opts.bounceDomain}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      { name: 'Feedback-ID', value: `${campaign.id}:${sender.accountId}:campaign:${PLATFORM_ID}` },
      { name: 'MIME-Version', value: '1.0' },
      { name: 'Content-Type', value: `multipart/alternative; boundary="${boundary}"` },
    ];
    if (p.replyTo) headers.push({ name: 'Reply-To', value: p.replyTo });
    const body =
      `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      base64Body(out.text) +
      `--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      base64Body(out.html) +
      `--${boundary}--\r\n`;
    const sigs = dkimSignatures(p.keys, headers, body, now);
    const head = sigs.join('\r\n') + '\r\n' + headers.map((h) => `${h.name}: ${h.value}\r\n`).join('');
    return {
      envelopeFrom: verpAddress(opts.secret, opts.bounceDomain, campaign.id, r.contactId),
      to,
      raw: Buffer.from(head + '\r\n' + body, 'utf8'),
      contactId: r.contactId,
      messageId,
    };
  }
}
