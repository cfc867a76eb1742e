// Sending domains (DEL-05, MSG-05): add a From domain (keys generated, records to publish), check
// it through DNS, and answer the send path's two questions (SendingDomainGate). Private keys are
// sealed before they are stored and are opened only in signingKeys; no answer carries them.
import { randomUUID } from 'node:crypto';
import { parse } from 'tldts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { generateEd25519Key, generateRsaKey } from './dkim-keys.ts';
import { createKeyBox } from './key-box.ts';
import type { DnsResolver, SendingDomainRecord, SendingDomainStore } from './ports.ts';
import { recordsFor, type PlatformHosts } from './records.ts';
import type { DomainSigningKeys, SendingDomain, SendingDomainGate } from './types.ts';
import { checkRecords, statusAfterCheck } from './verify.ts';

export const MAX_DOMAIN_LENGTH = 253;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export interface SendingDomainService extends SendingDomainGate {
  add(accountId: string, input: { domain: string; ed25519?: boolean }): Promise<SendingDomain>;
  list(accountId: string): Promise<SendingDomain[]>;
  get(accountId: string, id: string): Promise<SendingDomain>;
  /** Looks every record up in DNS now and stores what was found. */
  check(accountId: string, id: string): Promise<SendingDomain>;
  remove(accountId: string, id: string): Promise<void>;
}

export interface SendingDomainDeps {
  store: SendingDomainStore;
  resolver: DnsResolver;
  clock: Clock;
  /** The platform secret: the key box's HKDF input. */
  secret: string;
  hosts: PlatformHosts;
  /** Names customers may never claim: the platform's own host and its registrable domain. */
  platformDomains: string[];
  newId?: () => string;
}

/** The public view: the sealed private keys are dropped here, the one way out of the service. */
function toPublic(r: SendingDomainRecord): SendingDomain {
  const { rsaPrivateKeySealed: _r, ed25519PrivateKeySealed: _e, ...domain } = r;
  return domain;
}

/** A lower-case registrable domain (or a name under one), or throws DOMAIN_INVALID naming why. */
export function normaliseDomain(input: string, platformDomains: readonly string[]): string {
  const domain = input.trim().toLowerCase().replace(/\.$/, '');
  const refuse = (why: string) =>
    invalid('DOMAIN_INVALID', `"${input.slice(0, 100)}" cannot be a sending domain: ${why}.`, { reason: why });
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH) throw refuse('a domain name is 1 to 253 characters');
  const info = parse(domain);
  if (info.isIp) throw refuse('an IP address is not a domain');
  if (!domain.split('.').every((l) => LABEL.test(l)) || !domain.includes('.')) throw refuse('not a valid domain name');
  if (!info.isIcann && !info.isPrivate) throw refuse('its top-level domain is not a public one');
  if (info.domain === null || domain === info.publicSuffix) throw refuse('a public suffix belongs to no one customer');
  const platform = platformDomains.map((d) => d.toLowerCase());
  if (platform.some((p) => domain === p || domain.endsWith(`.${p}`))) throw refuse('it belongs to the platform');
  return domain;
}

function selectorStamp(now: Date): string {
  return now.toISOString().slice(0, 10).replace(/-/g, '');
}

export function createSendingDomainService(deps: SendingDomainDeps): SendingDomainService {
  const newId = deps.newId ?? randomUUID;
  const box = createKeyBox(deps.secret);

  async function record(accountId: string, id: string): Promise<SendingDomainRecord> {
    const d = await deps.store.forAccount(accountId).get(id);
    if (!d) throw notFound('SENDING_DOMAIN_NOT_FOUND', 'No such sending domain in this account.');
    return d;
  }

  return {
    async add(accountId, input) {
      const domain = normaliseDomain(input.domain, deps.platformDomains);
      const scoped = deps.store.forAccount(accountId);
      if (await scoped.byDomain(domain))
        throw conflict('DOMAIN_TAKEN', `${domain} is already one of this account's sending domains.`);
      if (await deps.store.verifiedElsewhere(domain, accountId))
        throw conflict('DOMAIN_TAKEN', `${domain} is verified by another account. Contact support if it is yours.`);
      const now = deps.clock.now();
      const stamp = selectorStamp(now);
      const rsa = generateRsaKey();
      const ed = input.ed25519 ? generateEd25519Key() : null;
      const dkimSelector = `assent${stamp}`;
      const ed25519Selector = ed ? `assent${stamp}e` : null;
      const d: SendingDomainRecord = {
        id: newId(),
        accountId,
        domain,
        status: 'pending',
        dkimSelector,
        ed25519Selector,
        records: recordsFor(
          domain,
          { dkimSelector, rsaDnsValue: rsa.dnsValue, ed25519Selector, ed25519DnsValue: ed?.dnsValue ?? null },
          deps.hosts,
        ),
        lastCheckedAt: null,
        verifiedAt: null,
        createdAt: now.toISOString(),
        rsaPrivateKeySealed: box.seal(rsa.privateKeyPem),
        ed25519PrivateKeySealed: ed ? box.seal(ed.privateKeyPem) : null,
      };
      await scoped.insert(d);
      return toPublic(d);
    },
    async list(accountId) {
      return (await deps.store.forAccount(accountId).list()).map(toPublic);
    },
    async get(accountId, id) {
      return toPublic(await record(accountId, id));
    },
    async check(accountId, id) {
      const d = await record(accountId, id);
      const records = await checkRecords(deps.resolver, d.records);
      const now = deps.clock.now().toISOString();
      let status = statusAfterCheck(d.status, records);
      // One domain is verified by at most one account: a second account's records do not verify it.
      const taken = status === 'verified' && (await deps.store.verifiedElsewhere(d.domain, accountId));
      if (taken) status = d.status === 'verified' ? 'failing' : d.status;
      const updated: SendingDomain = {
        ...toPublic(d),
        records,
        status,
        lastCheckedAt: now,
        verifiedAt: status === 'verified' ? (d.status === 'verified' ? (d.verifiedAt ?? now) : now) : d.verifiedAt,
      };
      await deps.store.forAccount(accountId).update(updated);
      if (taken) throw conflict('DOMAIN_TAKEN', `${d.domain} is verified by another account.`);
      return updated;
    },
    async remove(accountId, id) {
      if (!(await deps.store.forAccount(accountId).remove(id)))
        throw notFound('SENDING_DOMAIN_NOT_FOUND', 'No such sending domain in this account.');
    },
    async verifiedFor(accountId, fromEmail) {
      const at = fromEmail.lastIndexOf('@');
      if (at < 1) return null;
      const domain = fromEmail
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, '');
      // MSG-05: exactly the From domain; a subdomain is its own sending domain, added on its own.
      const d = await deps.store.forAccount(accountId).byDomain(domain);
      return d && d.status === 'verified' ? toPublic(d) : null;
    },
    async signingKeys(accountId, domainId): Promise<DomainSigningKeys | null> {
      const d = await deps.store.forAccount(accountId).get(domainId);
      if (!d || d.status !== 'verified') return null;
      return {
        domain: d.domain,
        rsa: { selector: d.dkimSelector, privateKeyPem: box.open(d.rsaPrivateKeySealed) },
        ed25519:
          d.ed25519Selector && d.ed25519PrivateKeySealed
            ? { selector: d.ed25519Selector, privateKeyPem: box.open(d.ed25519PrivateKeySealed) }
            : null,
      };
    },
  };
}
