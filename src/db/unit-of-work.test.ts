// The write path's building blocks on both engines: one unit of work per sign-up or import batch
// (Database.transaction), multi-row inserts written as text (bulk.ts), time-ordered ids (ids.ts).
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/engines.ts';
import { newId, uuidV7At } from '../core/ids.ts';
import { systemClock } from '../core/ports.ts';
import { insertRows } from './bulk.ts';
import { createAccountRow } from './repositories/permission.testkit.ts';

const now = '2026-06-01T00:00:00.000Z';
const contact = (id: string, accountId: string, email: string) => [
  id,
  accountId,
  email,
  null,
  null,
  null,
  '{}',
  null,
  null,
  now,
  null,
];
const COLUMNS = [
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

describeEachEngine('unit of work and bulk inserts', (database) => {
  const countOf = async (accountId: string) =>
    Number(
      (
        await database()
          .db.selectFrom('contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('commits every repository write made inside the unit, and a nested unit joins it', async () => {
    const acct = await createAccountRow(database());
    await database().transaction(async () => {
      await database()
        .db.insertInto('lists')
        .values({
          id: `l-${acct}`,
          account_id: acct,
          name: 'N',
          purpose_text: 'P',
          channel: 'email',
          frequency: 'weekly',
          double_opt_in: 1,
          sender_name: 'S',
          created_at: now,
          archived_at: null,
        })
        .execute();
      expect(database().currentTransaction()).not.toBeNull();
      // A repository that opens its own transaction inside the unit joins it instead of failing.
      await database()
        .db.transaction()
        .execute(async (trx) => {
          await insertRows(trx, database().engine, 'contacts', COLUMNS, [
            contact(newId(systemClock), acct, `a-${acct}@example.com`),
          ]);
        });
      await database().transaction(() =>
        insertRows(database().db, database().engine, 'contacts', COLUMNS, [
          contact(newId(systemClock), acct, `b-${acct}@example.com`),
        ]),
      );
    });
    expect(database().currentTransaction()).toBeNull();
    expect(await countOf(acct)).toBe(2);
  });

  it('rolls back every write of the unit when it throws', async () => {
    const acct = await createAccountRow(database());
    await expect(
      database().transaction(async () => {
        await insertRows(database().db, database().engine, 'contacts', COLUMNS, [
          contact(newId(systemClock), acct, `c-${acct}@example.com`),
        ]);
        await database().transaction(() =>
          insertRows(database().db, database().engine, 'contacts', COLUMNS, [
            contact(newId(systemClock), acct, `d-${acct}@example.com`),
          ]),
        );
        throw new Error('refused after the writes');
      }),
    ).rejects.toThrow('refused after the writes');
    expect(await countOf(acct)).toBe(0);
  });

  it('inserts thousands of rows past the bound-value limit, and an ON CONFLICT tail skips taken rows', async () => {
    const acct = await createAccountRow(database());
    const rows = Array.from({ length: 4_000 }, (_, i) => contact(newId(systemClock), acct, `bulk${i}-${acct}@example.com`));
    expect(await insertRows(database().db, database().engine, 'contacts', COLUMNS, rows)).toBe(4_000);
    const again = [
      contact(newId(systemClock), acct, `bulk7-${acct}@example.com`),
      contact(newId(systemClock), acct, `new-${acct}@example.com`),
    ];
    expect(
      await insertRows(database().db, database().engine, 'contacts', COLUMNS, again, {
        tail: 'on conflict ("account_id", "email") do nothing',
      }),
    ).toBe(1);
    expect(await countOf(acct)).toBe(4_001);
    const quoted = await database()
      .db.selectFrom('contacts')
      .select('attributes')
      .where('account_id', '=', acct)
      .executeTakeFirstOrThrow();
    expect(quoted.attributes).toBe('{}');
  });
});

describe('time-ordered ids', () => {
  it('are UUID version 7 (RFC 9562) with the time first, so later ids sort after earlier ones', () => {
    const a = uuidV7At(Date.parse('2026-01-01T00:00:00Z'));
    const b = uuidV7At(Date.parse('2026-01-01T00:00:00.001Z'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(Number.parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(new Set(Array.from({ length: 1_000 }, () => newId(systemClock))).size).toBe(1_000);
  });
});
