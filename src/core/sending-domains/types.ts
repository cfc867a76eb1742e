// Sending domains (DEL-05, MSG-05): a From domain with its DKIM keys and DNS records, verified
// through DNS before it may send. Private keys are stored encrypted with the platform secret and
// never leave the service except as key objects handed to the message signer.

export type SendingDomainStatus = 'pending' | 'verified' | 'failing';

export interface DnsRecordCheck {
  /** What the record is for. */
  purpose: 'dkim-rsa' | 'dkim-ed25519' | 'spf' | 'dmarc' | 'return-path';
  type: 'TXT' | 'CNAME' | 'MX';
  /** Fully qualified name to publish, e.g. "assent1._domainkey.example.com". */
  name: string;
  /** The value to publish. */
  value: string;
  /** Whether the last check found it; null before the first check. DMARC is advisory (not required). */
  found: boolean | null;
  required: boolean;
}

export interface SendingDomain {
  id: string;
  accountId: string;
  domain: string;
  status: SendingDomainStatus;
  dkimSelector: string;
  /** The Ed25519 selector when the second signature (RFC 8463) is on, else null. */
  ed25519Selector: string | null;
  records: DnsRecordCheck[];
  lastCheckedAt: string | null;
  verifiedAt: string | null;
  createdAt: string;
}

/** What the message signer needs for one domain: crypto KeyObjects, created once and cached. */
export interface DomainSigningKeys {
  domain: string;
  rsa: { selector: string; privateKeyPem: string };
  ed25519: { selector: string; privateKeyPem: string } | null;
}

/** The seam the campaign service and the send engine use. */
export interface SendingDomainGate {
  /** The verified domain of the account for this From address, or null when none is verified. */
  verifiedFor(accountId: string, fromEmail: string): Promise<SendingDomain | null>;
  /** Decrypted keys of a verified domain (for signing); null when the domain is not verified. */
  signingKeys(accountId: string, domainId: string): Promise<DomainSigningKeys | null>;
}
