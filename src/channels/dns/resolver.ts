// The DnsResolver port over node:dns/promises (DEL-05). Servers come from config DNS_SERVERS
// (ip[:port], e.g. a local dnsmasq for trying Assent out); none: the system's resolvers.
import { Resolver } from 'node:dns/promises';
import type { DnsResolver } from '../../core/sending-domains/ports.ts';

// "The name does not exist" and "no record of this type" are answers, not failures.
const ABSENT = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);

export function createDnsResolver(options: { servers?: string[]; timeoutMs?: number } = {}): DnsResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 3000, tries: 2 });
  if (options.servers && options.servers.length > 0) resolver.setServers(options.servers);
  async function orEmpty<T>(lookup: Promise<T[]>): Promise<T[]> {
    try {
      return await lookup;
    } catch (e) {
      if (ABSENT.has((e as { code?: string }).code ?? '')) return [];
      throw e;
    }
  }
  return {
    resolveTxt: (name) => orEmpty(resolver.resolveTxt(name)),
    resolveCname: (name) => orEmpty(resolver.resolveCname(name)),
  };
}
