// The campaign message (MSG-01, MSG-03, MSG-05, SEC-04): prepare() compiles one campaign
// version once (template, tracked links, the footer when missing, DKIM KeyObjects); compose()
// renders each recipient and writes the RFC 5322 message itself on the calling thread, then has
// the batch's DKIM signatures made by the sign pool (worker threads, ./sign-pool.ts) — or in
// this thread when the pool has fewer than 2 workers — and assembles the signed messages.
import { randomUUID } from 'node:crypto';
import { emailFormat, type Campaign } from '../../core/campaigns/types.ts';
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
import {
  dkimHeader,
  dkimIdentity,
  dkimPending,
  dkimSign,
  loadDkimKeys,
  type DkimIdentity,
  type DkimKeys,
  type DkimPending,
  type HeaderLine,
} from './dkim.ts';
import { address, base64Body, encodeWords, headerValue, mailbox } from './mime.ts';
import { createSignPool, defaultSignPoolSize, type SignPool, type SigningKeySet } from './sign-pool.ts';

export const PLATFORM_ID = 'assent';

/** Messages built before their signatures are requested from the pool (one request per worker). */
const SIGN_CHUNK = 64;

export interface CampaignComposerOptions {
  secret: string;
  /** https://… of the public server (unsubscribe and click links). */
  publicUrl: string;
  /** The VERP / mailto-unsubscribe host (config BOUNCE_HOST). */
  bounceDomain: string;
  /** DKIM signing worker threads; default os.availableParallelism(). 0 or 1: sign in this thread. */
  signWorkers?: number;
}

interface Prepared extends PreparedCampaign {
  campaign: Campaign;
  sender: SenderFacts;
  template: CompiledTemplate;
  keys: DkimKeys;
  identity: DkimIdentity;
  keySet: SigningKeySet;
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
  const workers = opts.signWorkers ?? defaultSignPoolSize();
  let pool: SignPool | null = workers >= 2 ? createSignPool(workers) : null;
  let keySets = 0;
  return {
    async prepare({ campaign, sender, keys }: { campaign: Campaign; sender: SenderFacts; keys: DomainSigningKeys }) {
      const links: string[] = [];
      const fromEmail = address('From', campaign.fromEmail);
      const template = await compileTemplate({
        format: emailFormat(campaign.format),
        body: campaign.body,
        subject: headerValue('subject', campaign.subject),
        preheader: campaign.preheader,
        transformHtml: (html) => addFooter(campaign.clickTracking ? rewriteLinks(html, links) : html, sender),
      });
      const dkim = loadDkimKeys(keys);
      const prepared: Prepared = {
        campaignId: campaign.id,
        version: campaign.version,
        links,
        campaign,
        sender,
        template,
        keys: dkim,
        identity: dkimIdentity(dkim),
        keySet: {
          id: `${campaign.id}:${campaign.version}:${++keySets}`,
          rsaPem: keys.rsa.privateKeyPem,
          ed25519Pem: keys.ed25519?.privateKeyPem ?? null,
        },
        fromDomain: fromEmail.slice(fromEmail.lastIndexOf('@') + 1).toLowerCase(),
        from: mailbox(campaign.fromName, fromEmail),
        replyTo: campaign.replyTo ? address('Reply-To', campaign.replyTo) : null,
      };
      return prepared;
    },

    async compose(preparedIn: PreparedCampaign, recipients: RecipientView[], now: Date): Promise<OutboundMessage[]> {
      const p = preparedIn as Prepared;
      if (!pool || recipients.length < 2) {
        return recipients.map((r) => {
          const b = build(p, r, now);
          return assemble(
            b,
            b.pending.map((x) => signHere(p, x)),
          );
        });
      }
      // Pipelined: each chunk goes to the workers as soon as it is built, so they sign it while
      // this thread renders the next one.
      const signer = pool;
      const chunks: Promise<OutboundMessage[]>[] = [];
      for (let i = 0; i < recipients.length; i += SIGN_CHUNK) {
        const built = recipients.slice(i, i + SIGN_CHUNK).map((r) => build(p, r, now));
        const sigs = Promise.all(
          built[0]!.pending.map((first, k) =>
            signer
              .sign(
                p.keySet,
                first.algo,
                built.map((b) => b.pending[k]!.data),
              )
              // A worker that died (or a pool closed meanwhile) does not fail the batch: sign here.
              .catch(() => built.map((b) => signHere(p, b.pending[k]!))),
          ),
        );
        chunks.push(
          sigs.then((s) =>
            built.map((b, j) =>
              assemble(
                b,
                s.map((x) => x[j]!),
              ),
            ),
          ),
        );
        // Let the workers' answers for earlier chunks in (and other batches run) between chunks.
        if (i + SIGN_CHUNK < recipients.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return (await Promise.all(chunks)).flat();
    },

    async close() {
      const p = pool;
      pool = null;
      await p?.close();
    },
  };

  function signHere(p: Prepared, x: DkimPending): string {
    return dkimSign(x.algo, x.data, x.algo === 'rsa-sha256' ? p.keys.rsa.key : p.keys.ed25519!.key);
  }

  function assemble(b: Built, sigs: string[]): OutboundMessage {
    const head = b.pending.map((x, k) => dkimHeader(x, sigs[k]!)).join('\r\n') + '\r\n' + b.head;
    return { ...b.message, raw: Buffer.from(head + '\r\n' + b.body, 'utf8') };
  }

  function build(p: Prepared, r: RecipientView, now: Date): Built {
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
    return {
      pending: dkimPending(p.identity, headers, body, now),
      head: headers.map((h) => `${h.name}: ${h.value}\r\n`).join(''),
      body,
      message: {
        envelopeFrom: verpAddress(opts.secret, opts.bounceDomain, campaign.id, r.contactId),
        to,
        contactId: r.contactId,
        messageId,
      },
    };
  }
}

/** One message rendered and built, its signatures still to make. */
interface Built {
  pending: DkimPending[];
  head: string;
  body: string;
  message: Omit<OutboundMessage, 'raw'>;
}
