// The DNS blocklists Assent checks every sending IP and sending / link domain against, daily
// (BL-01), as data. Each zone is trusted only after its RFC 5782 §5 test points answer as they
// must (src/core/blocklists/query.ts).
//
// Real deployments must query these through their own recursive resolver (DNS_SERVERS pointing
// at an unbound / BIND on the host), never a public one: Spamhaus answers queries from public
// resolvers (8.8.8.8, 1.1.1.1 …) and over-volume users with 127.255.255.254 / .255 — which our
// client records as errors, so the check is useless there. Spamhaus at volume needs a Data Query
// Service key (zones `<key>.zen.dq.spamhaus.net`, `<key>.dbl.dq.spamhaus.net`); SURBL and URIBL
// likewise need a data feed above their free limits. Replace the zone names below accordingly.
import type { BlocklistZone } from '../src/core/blocklists/types.ts';

export const BLOCKLIST_ZONES: readonly BlocklistZone[] = [
  {
    name: 'zen.spamhaus.org',
    kind: 'ip',
    ipv6: true,
    meaning:
      'Spamhaus ZEN (SBL, CSS, XBL, PBL): the IP sent spam, is compromised, or is a dynamic range that should not send direct mail.',
  },
  {
    name: 'b.barracudacentral.org',
    kind: 'ip',
    ipv6: false,
    meaning: 'Barracuda Reputation Block List: the IP sent mail to Barracuda’s spam traps or users.',
  },
  {
    name: 'bl.spamcop.net',
    kind: 'ip',
    ipv6: false,
    meaning: 'SpamCop: recipients reported mail from the IP as spam in the last days (lists expire on their own).',
  },
  {
    name: 'dbl.spamhaus.org',
    kind: 'domain',
    meaning: 'Spamhaus Domain Block List: the domain appears in spam (as sender or link) or hosts abuse.',
    // 127.0.1.255: "IP queries prohibited" (an IP asked of a domain list).
    errorAnswers: ['127.0.1.255'],
  },
  {
    name: 'multi.surbl.org',
    kind: 'domain',
    meaning: 'SURBL: the domain was seen in the links of unsolicited messages, phishing or malware.',
    // SURBL answers 127.0.0.1 when it blocks the querying resolver.
    errorAnswers: ['127.0.0.1'],
  },
  {
    name: 'multi.uribl.com',
    kind: 'domain',
    meaning: 'URIBL: the domain was seen in the links of spam messages.',
    // URIBL answers 127.0.0.1 for "query refused" (public resolver or over the free limit).
    errorAnswers: ['127.0.0.1'],
  },
];

/**
 * BL-03: what a new listing does. A listed sending or link domain pauses the email of the accounts
 * it belongs to until an operator reviews them; an account among them (or, for a listed platform
 * IP, any account active in the last 7 days) whose complaint rate is at or over the hold
 * threshold (REP-04, past its minimum volume) is taken to be sending without permission and is
 * blocked at once (ACC-05). Rule ids go to the audit log and the customer's notice.
 */
export const BLOCKLIST_RESPONSE = {
  pauseRule: 'BL-03.pause',
  blockRule: 'BL-03.block',
  /** Days of campaigns whose links tie a listed link domain to an account (as the daily job's targets). */
  linkDays: 7,
} as const;
