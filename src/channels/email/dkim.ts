// DKIM signing (RFC 6376; Ed25519 RFC 8463), relaxed/relaxed, with KeyObjects created once per
// campaign version. Our own signer because the message is ours: we know its header list and
// line endings, so canonicalisation is a few string operations (mailauth's dkimSign parses the
// whole message again per recipient; see bench/RESULTS.md).
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { DomainSigningKeys } from '../../core/sending-domains/types.ts';

export interface DkimKeys {
  domain: string;
  rsa: { selector: string; key: KeyObject };
  ed25519: { selector: string; key: KeyObject } | null;
}

export function loadDkimKeys(keys: DomainSigningKeys): DkimKeys {
  return {
    domain: keys.domain,
    rsa: { selector: keys.rsa.selector, key: createPrivateKey(keys.rsa.privateKeyPem) },
    ed25519: keys.ed25519 ? { selector: keys.ed25519.selector, key: createPrivateKey(keys.ed25519.privateKeyPem) } : null,
  };
}

/** RFC 6376 §3.4.4 relaxed body: WSP runs → one SP, no trailing WSP, no trailing empty lines. */
export function relaxedBody(body: string): string {
  // A single SP is already canonical, so only a tab or a run of 2+ is rewritten (no copy for our
  // base64 bodies); the trailing CRLFs are trimmed by index: the regex (\r\n)*$ retried from every
  // position and cost more than the body hash.
  let b = body.replace(/[ \t]+\r\n/g, '\r\n').replace(/\t[ \t]*| [ \t]+/g, ' ');
  let end = b.length;
  if (end > 0 && b.charCodeAt(end - 1) === 32) end--;
  while (end >= 2 && b.charCodeAt(end - 1) === 10 && b.charCodeAt(end - 2) === 13) end -= 2;
  if (end < b.length) b = b.slice(0, end);
  return b.length ? b + '\r\n' : '';
}

/** RFC 6376 §3.4.2 relaxed header: lower-case name, unfolded, WSP runs → one SP, trimmed. */
export function relaxedHeader(name: string, value: string): string {
  return `${name.toLowerCase()}:${value
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()}`;
}

export interface HeaderLine {
  name: string;
  value: string;
}

export type DkimAlgo = 'rsa-sha256' | 'ed25519-sha256';

/** One signature still to make: the header without b= and the canonical data to sign. */
export interface DkimPending {
  algo: DkimAlgo;
  unsigned: string;
  data: string;
}

/** The signature value (base64) over `data`; Ed25519 signs the SHA-256 digest (RFC 8463 §3). */
export function dkimSign(algo: DkimAlgo, data: string, key: KeyObject): string {
  return algo === 'rsa-sha256'
    ? sign('sha256', Buffer.from(data), key).toString('base64')
    : sign(null, createHash('sha256').update(data).digest(), key).toString('base64');
}

/** The DKIM-Signature header line from its unsigned value and b=. */
export function dkimHeader(pending: DkimPending, b: string): string {
  return `DKIM-Signature: ${pending.unsigned}${fold(b)}`;
}

/** Folds the signature into 76-char pieces (it is whitespace-insensitive, RFC 6376 §3.5). */
function fold(b: string): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += 76) parts.push(b.slice(i, i + 76));
  return parts.join('\r\n ');
}

/** What signing needs of the keys, without the keys (so the data can be signed elsewhere). */
export interface DkimIdentity {
  domain: string;
  rsaSelector: string;
  ed25519Selector: string | null;
}

export function dkimIdentity(keys: DkimKeys): DkimIdentity {
  return { domain: keys.domain, rsaSelector: keys.rsa.selector, ed25519Selector: keys.ed25519?.selector ?? null };
}

/**
 * The signatures to make (RSA first; Ed25519 too when the domain has it) for `headers` (all
 * signed, in order) over `body` (the bytes after the blank line, CRLF line endings).
 */
export function dkimPending(id: DkimIdentity, headers: HeaderLine[], body: string, now: Date): DkimPending[] {
  const bh = createHash('sha256').update(relaxedBody(body)).digest('base64');
  const t = Math.floor(now.getTime() / 1000);
  const h = headers.map((x) => x.name.toLowerCase()).join(':');
  const canon = headers.map((x) => relaxedHeader(x.name, x.value) + '\r\n').join('');
  const one = (algo: DkimAlgo, selector: string): DkimPending => {
    const unsigned = `v=1; a=${algo}; c=relaxed/relaxed; d=${id.domain}; s=${selector}; t=${t}; h=${h}; bh=${bh}; b=`;
    return { algo, unsigned, data: canon + relaxedHeader('DKIM-Signature', unsigned) };
  };
  const out = [one('rsa-sha256', id.rsaSelector)];
  if (id.ed25519Selector) out.push(one('ed25519-sha256', id.ed25519Selector));
  return out;
}

/** The DKIM-Signature header lines, signed in this thread. */
export function dkimSignatures(keys: DkimKeys, headers: HeaderLine[], body: string, now: Date): string[] {
  return dkimPending(dkimIdentity(keys), headers, body, now).map((p) =>
    dkimHeader(p, dkimSign(p.algo, p.data, p.algo === 'rsa-sha256' ? keys.rsa.key : keys.ed25519!.key)),
  );
}
