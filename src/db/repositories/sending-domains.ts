// SQL for sending domains (DEL-05). Account-scoped queries go through forAccount(accountId);
// verifiedElsewhere is the one deliberate unscoped lookup (one account per verified domain).
import { z } from 'zod';
import type { SendingDomainRecord, SendingDomainStore } from '../../core/sending-domains/ports.ts';
import type { DnsRecordCheck } from '../../core/sending-domains/types.ts';
import type { Database } from '../database.ts';
import type { SendingDomainsTable } from '../schema/sending-domains.ts';

const RecordsSchema = z.array(
  z.object({
    purpose: z.enum(['dkim-rsa', 'dkim-ed25519', 'spf', 'dmarc', 'return-path']),
    type: z.enum(['TXT', 'CNAME', 'MX']),
    name: z.string(),
    value: z.string(),
    found: z.boolean().nullable(),
    required: z.boolean(),
  }),
) satisfies z.ZodType<DnsRecordCheck[]>;
const StatusSchema = z.enum(['pending', 'verified', 'failing']);

function toRecord(r: SendingDomainsTable): SendingDomainRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    domain: r.domain,
    status: StatusSchema.parse(r.status),
    dkimSelector: r.dkim_selector,
    ed25519Selector: r.ed25519_selector,
    records: RecordsSchema.parse(JSON.parse(r.records)),
    lastCheckedAt: r.last_checked_at,
    verifiedAt: r.verified_at,
    createdAt: r.created_at,
    rsaPrivateKeySealed: r.rsa_private_key_sealed,
    ed25519PrivateKeySealed: r.ed25519_private_key_sealed,
  };
}

export function createSendingDomainStore(database: Database): SendingDomainStore {
  const { db } = database;
  return {
    forAccount(accountId) {
      const scoped = () => db.selectFrom('sending_domains').selectAll().where('account_id', '=', accountId);
      return {
        async insert(d) {
          await db
            .insertInto('sending_domains')
            .values({
              id: d.id,
              account_id: accountId,
              domain: d.domain,
              status: d.status,
              dkim_selector: d.dkimSelector,
              ed25519_selector: d.ed25519Selector,
              records: JSON.stringify(d.records),
              rsa_private_key_sealed: d.rsaPrivateKeySealed,
              ed25519_private_key_sealed: d.ed25519PrivateKeySealed,
              last_checked_at: d.lastCheckedAt,
              verified_at: d.verifiedAt,
              created_at: d.createdAt,
            })
            .execute();
        },
        async list() {
          return (await scoped().orderBy('created_at').orderBy('id').execute()).map(toRecord);
        },
        async get(id) {
          const r = await scoped().where('id', '=', id).executeTakeFirst();
          return r ? toRecord(r) : null;
        },
        async byDomain(domain) {
          const r = await scoped().where('domain', '=', domain).executeTakeFirst();
          return r ? toRecord(r) : null;
        },
        async update(d) {
          await db
            .updateTable('sending_domains')
            .set({
              status: d.status,
              records: JSON.stringify(d.records),
              last_checked_at: d.lastCheckedAt,
              verified_at: d.verifiedAt,
            })
            .where('account_id', '=', accountId)
            .where('id', '=', d.id)
            .execute();
        },
        async remove(id) {
          const r = await db
            .deleteFrom('sending_domains')
            .where('account_id', '=', accountId)
            .where('id', '=', id)
            .executeTakeFirst();
          return Number(r.numDeletedRows) > 0;
        },
      };
    },
    async verifiedElsewhere(domain, exceptAccountId) {
      const r = await db
        .selectFrom('sending_domains')
        .select('id')
        .where('domain', '=', domain)
        .where('status', '=', 'verified')
        .where('account_id', '!=', exceptAccountId)
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}
