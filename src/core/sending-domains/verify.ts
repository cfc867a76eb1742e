// Verification through DNS (DEL-05): each record is looked up through the DnsResolver port. A
// DKIM TXT matches when a published record carries the same p= key; SPF when a v=spf1 record
// includes our host; the Return-Path when the CNAME points at our bounce host; DMARC when any
// v=DMARC1 record exists. Verified = every required record found; a verified domain that later
// fails becomes 'failing' and may not send until it passes again.
import { dkimPublicKey } from './dkim-keys.ts';
import type { DnsResolver } from './ports.ts';
import type { DnsRecordCheck, SendingDomainStatus } from './types.ts';

const sameName = (a: string, b: string) => a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();

async function found(resolver: DnsResolver, r: DnsRecordCheck): Promise<boolean> {
  try {
    if (r.type === 'CNAME') return (await resolver.resolveCname(r.name)).some((t) => sameName(t, r.value));
    // RFC 7208 §3.3 / RFC 6376 §3.6.2.2: a TXT record of several strings is their concatenation.
    const txts = (await resolver.resolveTxt(r.name)).map((parts) => parts.join(''));
    switch (r.purpose) {
      case 'dkim-rsa':
      case 'dkim-ed25519': {
        const want = dkimPublicKey(r.value);
        return want !== null && txts.some((t) => dkimPublicKey(t) === want);
      }
      case 'spf': {
        const include = /include:(\S+)/.exec(r.value)?.[1] ?? '';
        return txts.some(
          (t) =>
            /^v=spf1(\s|$)/i.test(t.trim()) &&
            t.split(/\s+/).some((m) => sameName(m.replace(/^[+~?-]?include:/i, ''), include) && /include:/i.test(m)),
        );
      }
      case 'dmarc':
        return txts.some((t) => /^v=DMARC1\s*(;|$)/i.test(t.trim()));
      default:
        return false;
    }
  } catch {
    // A lookup error (timeout, SERVFAIL) counts as not found: fail closed.
    return false;
  }
}

export async function checkRecords(resolver: DnsResolver, records: DnsRecordCheck[]): Promise<DnsRecordCheck[]> {
  return Promise.all(records.map(async (r) => ({ ...r, found: await found(resolver, r) })));
}

export function statusAfterCheck(previous: SendingDomainStatus, records: DnsRecordCheck[]): SendingDomainStatus {
  const ok = records.every((r) => !r.required || r.found === true);
  if (ok) return 'verified';
  return previous === 'verified' || previous === 'failing' ? 'failing' : 'pending';
}
