// The blocklist vocabulary (see CONTEXT.md): zones, targets, DNS answers and check results.

export type TargetKind = 'ip' | 'domain';

export interface BlocklistZone {
  /** The zone apex, e.g. `zen.spamhaus.org`. */
  name: string;
  kind: TargetKind;
  /** IP zones: whether IPv6 targets are asked of it too (RFC 5782 §2.4). Default false. */
  ipv6?: boolean;
  /** What a listing on this zone means, for the operator. */
  meaning: string;
  /**
   * Answers inside 127/8 that this zone uses for "we refused your query" rather than a listing
   * (URIBL, SURBL: 127.0.0.1). 127.255.255.0/24 is an error on every zone.
   */
  errorAnswers?: readonly string[];
}

export interface BlocklistTarget {
  /** An IPv4 / IPv6 address or a domain, lower case. */
  value: string;
  kind: TargetKind;
}

/** What the DNS said for one query name: the blocklist client's answer, classified no further. */
export type DnsAnswer =
  { kind: 'records'; addresses: string[]; txt: string[] } | { kind: 'nxdomain' } | { kind: 'failure'; code: string };

/** One query name interpreted: listed (with reason), not listed, or an error (never a listing). */
export type Interpretation =
  | { outcome: 'listed'; answer: string; reason: string | null }
  | { outcome: 'not-listed' }
  | { outcome: 'error'; error: string; answer: string | null };

/** One target against one zone in one run (a `blocklist_checks` row). */
export interface CheckResult {
  target: string;
  targetKind: TargetKind;
  zone: string;
  outcome: Interpretation['outcome'];
  answer: string | null;
  reason: string | null;
  error: string | null;
  checkedAt: string;
}

/** A zone's RFC 5782 self-test for one run. */
export interface ZoneTrust {
  zone: string;
  trusted: boolean;
  /** Why not, when untrusted: which test point answered what. */
  problem: string | null;
  /**
   * IPv6 zones (`ipv6: true`): whether the IPv6 test points answered as they must; IPv6 targets
   * are asked only when true. Null for zones not asked about IPv6.
   */
  ipv6Trusted: boolean | null;
  /** Why IPv6 is not trusted, when it is not. */
  ipv6Problem: string | null;
}
