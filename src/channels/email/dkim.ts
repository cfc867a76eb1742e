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
  let b = body.replace(/[ \t]+\r\n/g, '\r\n').replace(/[ \t]+/g, ' ');
  b = b.replace(/[ \t]+$/, '');
  b = b.replace(/(\r\n)*$/, '');
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

function signatureHeader(
  algo: 'rsa-sha256' | 'ed25519-sha256',
  domain: string,
  selector: string,
  key: KeyObject,
  headers: HeaderLine[],
  bh: string,
  t: number,
): string {
  const h = headers.map((x) => x.name.toLowerCase()).join(':');
  const unsigned = `v=1; a=${algo}; c=relaxed/relaxed; d=${domain}; s=${selector}; t=${t}; h=${h}; bh=${bh}; b=`;
  const data = headers.map((x) => relaxedHeader(x.name, x.value) + '\r\n').join('') + relaxedHeader('DKIM-Signature', unsigned);
  const b =
    algo === 'rsa-sha256'
      ? sign('sha256', Buffer.from(data), key).toString('base64')
      : sign(null, createHash('sha256').update(data).digest(), key).toString('base64');
  return `DKIM-Signature: ${unsigned}${fold(b)}`;
}

/** Folds the signature into 76-char pieces (it is whitespace-insensitive, RFC 6376 §3.5). */
function fold(b: string): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += 76) parts.push(b.slice(i, i + 76));
  return parts.join('\r\n ');
}

/**
 * The DKIM-Signature header lines (RSA first; Ed25519 too when the domain has it) for `headers`
 * (all signed, in order) over `body` (the bytes after the blank line, CRLF line endings).
 */
export function dkimSignatures(keys: DkimKeys, headers: HeaderLine[], body: string, now: Date): string[] {
  const bh = createHash('sha256').update(relaxedBody(body)).digest('base64');
  const t = Math.floor(now.getTime() / 1000);
  const out = [signatureHeader('rsa-sha256', keys.domain, keys.rsa.selector, keys.rsa.key, headers, bh, t)];
  if (keys.ed25519)
    out.push(signatureHeader('ed25519-sha256', keys.domain, keys.ed25519.selector, keys.ed25519.key, headers, bh, t));
  return out;
}
