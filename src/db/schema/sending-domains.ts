export interface SendingDomainsTable {
  id: string;
  account_id: string;
  domain: string;
  status: string;
  dkim_selector: string;
  ed25519_selector: string | null;
  /** JSON text: DnsRecordCheck[]. */
  records: string;
  rsa_private_key_sealed: string;
  ed25519_private_key_sealed: string | null;
  last_checked_at: string | null;
  verified_at: string | null;
  created_at: string;
}

export interface SendingDomainTables {
  sending_domains: SendingDomainsTable;
}
