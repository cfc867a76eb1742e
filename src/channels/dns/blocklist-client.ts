// The DNS client for blocklist checks (BL-01, BL-02), over node:dns's Resolver — not the `dnsbl`
// package, which reads Spamhaus's 127.255.255.x error answers as listings and timeouts as "not
// listed". This client only reports what the DNS said; src/core/blocklists/query.ts reads it.
// Servers come from DNS_SERVERS, as for the DnsResolver (resolver.ts): a real deployment points
// them at its own recursive resolver, never a public one (policy/blocklists.ts).
import { Resolver } from 'node:dns/promises';
import type { BlocklistDns } from '../../core/blocklists/ports.ts';
import type { DnsAnswer } from '../../core/blocklists/types.ts';

/** Per-try timeout: a blocklist answers from its own servers in well under a second. */
export const BLOCKLIST_DNS_TIMEOUT_MS = 2000;
/** Tries per query before it counts as an error (timeout), never as "not listed". */
export const BLOCKLIST_DNS_TRIES = 2;

// NXDOMAIN (ENOTFOUND) and NOERROR with no A record (ENODATA): the name is not listed.
const NOT_LISTED = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);

export function createBlocklistDns(options: { servers?: string[]; timeoutMs?: number; tries?: number } = {}): BlocklistDns {
  const resolver = new Resolver({
    timeout: options.timeoutMs ?? BLOCKLIST_DNS_TIMEOUT_MS,
    tries: options.tries ?? BLOCKLIST_DNS_TRIES,
  });
  if (options.servers && options.servers.length > 0) resolver.setServers(options.servers);
  return {
    async lookup(name): Promise<DnsAnswer> {
      let addresses: string[];
      try {
        addresses = await resolver.resolve4(name);
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'EUNKNOWN';
        return NOT_LISTED.has(code) ? { kind: 'nxdomain' } : { kind: 'failure', code };
      }
      // The reason is a TXT record beside the A record (RFC 5782 §2.1); its absence or failure
      // does not change the answer.
      let txt: string[] = [];
      try {
        txt = (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
      } catch {
        txt = [];
      }
      return { kind: 'records', addresses, txt };
    },
  };
}
