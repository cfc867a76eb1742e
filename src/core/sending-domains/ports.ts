// The ports of the sending-domains area: its store and the DNS resolver.
import type { SendingDomain } from './types.ts';

/** A stored domain with its sealed private keys (key-box.ts); never handed to an API answer. */
export interface SendingDomainRecord extends SendingDomain {
  rsaPrivateKeySealed: string;
  ed25519PrivateKeySealed: string | null;
}

export interface SendingDomainStore {
  forAccount(accountId: string): {
    insert(d: SendingDomainRecord): Promise<void>;
    list(): Promise<SendingDomainRecord[]>;
    get(id: string): Promise<SendingDomainRecord | null>;
    byDomain(domain: string): Promise<SendingDomainRecord | null>;
    update(d: SendingDomain): Promise<void>;
    remove(id: string): Promise<boolean>;
  };
  /** Deliberately unscoped: whether another account has verified this domain (DOMAIN_TAKEN). */
  verifiedElsewhere(domain: string, exceptAccountId: string): Promise<boolean>;
}

/** DNS lookups (src/channels/dns/resolver.ts). A missing name resolves to [] rather than throwing. */
export interface DnsResolver {
  resolveTxt(name: string): Promise<string[][]>;
  resolveCname(name: string): Promise<string[]>;
}
