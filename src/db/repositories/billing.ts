// SQL for billing records (ACC-06): refund eligibility and the note a block leaves.
import type { Kysely } from 'kysely';
import type { BillingRecord } from '../../core/standing/types.ts';
import type { DB } from '../schema/index.ts';

export async function getBillingRecord(db: Kysely<DB>, accountId: string): Promise<BillingRecord | null> {
  const r = await db.selectFrom('billing_records').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  if (!r) return null;
  return {
    accountId: r.account_id,
    plan: r.plan,
    paidTotalCents: Number(r.paid_total_cents),
    refundEligible: Number(r.refund_eligible) === 1,
    refundNote: r.refund_note,
    updatedAt: r.updated_at,
  };
}

/** ACC-06 "No refunds": the record (created when missing) says not eligible, and why. */
export async function markNoRefund(db: Kysely<DB>, accountId: string, note: string, at: string): Promise<void> {
  await db
    .insertInto('billing_records')
    .values({ account_id: accountId, plan: 'free', paid_total_cents: 0, refund_eligible: 0, refund_note: note, updated_at: at })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ refund_eligible: 0, refund_note: note, updated_at: at }))
    .execute();
}
