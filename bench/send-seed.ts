// A bench audience: n contacts (u0@example.com …, ids c00000000 …) with active email consent on one
// list, written straight into contacts and consent_state (the gate reads the projection; the
// ledger is not what these benchmarks measure).
import { createHash } from 'node:crypto';
import { insertRows } from '../src/db/bulk.ts';
import type { Database } from '../src/db/database.ts';

const short = (i: number) => `c${String(i).padStart(8, '0')}`;
/** UUID contact ids (the real composer packs them into VERP, click and unsubscribe tokens). */
export const uuidContactId = (i: number) => `0190b7a0-2222-7000-8000-${String(i).padStart(12, '0')}`;

export async function seedAudience(
  database: Database,
  accountId: string,
  listId: string,
  n: number,
  pad: (i: number) => string = short,
) {
  const now = '2026-06-01T00:00:00.000Z';
  await database.db
    .insertInto('lists')
    .values({
      id: listId,
      account_id: accountId,
      name: 'Bench',
      purpose_text: 'Bench',
      channel: 'email',
      frequency: 'weekly',
      double_opt_in: 1,
      sender_name: 'B',
      created_at: now,
      archived_at: null,
    })
    .execute();
  const cols = [
    'id',
    'account_id',
    'email',
    'phone',
    'email_hash',
    'phone_hash',
    'attributes',
    'language',
    'time_zone',
    'created_at',
    'erased_at',
  ];
  const scols = [
    'account_id',
    'contact_id',
    'list_id',
    'channel',
    'status',
    'granted_at',
    'confirmed_at',
    'last_event_seq',
    'last_sent_at',
    'hold',
  ];
  for (let start = 0; start < n; start += 10_000) {
    const ids = Array.from({ length: Math.min(10_000, n - start) }, (_, k) => start + k);
    await insertRows(
      database.db,
      database.engine,
      'contacts',
      cols,
      ids.map((i) => [
        pad(i),
        accountId,
        `u${i}@example.com`,
        null,
        createHash('sha256').update(`u${i}@example.com`).digest('hex'),
        null,
        JSON.stringify({ first_name: `User${i}` }),
        null,
        null,
        now,
        null,
      ]),
    );
    await insertRows(
      database.db,
      database.engine,
      'consent_state',
      scols,
      ids.map((i) => [accountId, pad(i), listId, 'email', 'active', now, now, i + 1, null, null]),
      { pgTypes: { last_event_seq: 'int8' } },
    );
  }
}
