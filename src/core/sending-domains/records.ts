// The DNS records a customer publishes for a sending domain (DEL-05, MSG-05).
import type { DnsRecordCheck } from './types.ts';

export interface PlatformHosts {
  /** Host named in the SPF include, e.g. "_spf.assent.example". */
  spfInclude: string;
  /** The platform's bounce host the Return-Path CNAME points at. */
  bounceHost: string;
  /** Where DMARC aggregate reports are suggested to go. */
  dmarcReportAddress: string;
}

export function platformHosts(publicUrl: string, overrides: { spfInclude?: string; bounceHost?: string } = {}): PlatformHosts {
  const host = new URL(publicUrl).hostname;
  return {
    spfInclude: overrides.spfInclude ?? `_spf.${host}`,
    bounceHost: overrides.bounceHost ?? `bounces.${host}`,
    dmarcReportAddress: `dmarc@${host}`,
  };
}

export function recordsFor(
  domain: string,
  keys: { dkimSelector: string; rsaDnsValue: string; ed25519Selector: string | null; ed25519DnsValue: string | null },
  hosts: PlatformHosts,
): DnsRecordCheck[] {
  const records: DnsRecordCheck[] = [
    {
      purpose: 'dkim-rsa',
      type: 'TXT',
      name: `${keys.dkimSelector}._domainkey.${domain}`,
      value: keys.rsaDnsValue,
      found: null,
      required: true,
    },
  ];
  if (keys.ed25519Selector && keys.ed25519DnsValue)
    records.push({
      purpose: 'dkim-ed25519',
      type: 'TXT',
      name: `${keys.ed25519Selector}._domainkey.${domain}`,
      value: keys.ed25519DnsValue,
      found: null,
      required: true,
    });
  records.push(
    // RFC 7208: one SPF record per name; the customer merges our include into theirs.
    { purpose: 'spf', type: 'TXT', name: domain, value: `v=spf1 include:${hosts.spfInclude} ~all`, found: null, required: true },
    { purpose: 'return-path', type: 'CNAME', name: `bounces.${domain}`, value: hosts.bounceHost, found: null, required: true },
    // Advisory: a DMARC policy is the customer's decision; p=none starts with reports only (RFC 7489).
    {
      purpose: 'dmarc',
      type: 'TXT',
      name: `_dmarc.${domain}`,
      value: `v=DMARC1; p=none; rua=mailto:${hosts.dmarcReportAddress}`,
      found: null,
      required: false,
    },
  );
  return records;
}
