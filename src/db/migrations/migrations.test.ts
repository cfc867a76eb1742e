import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { MIGRATIONS, pendingMigrations } from './index.ts';

describeEachEngine('migrations', (db) => {
  it('applies every migration and leaves none pending', async () => {
    expect(await pendingMigrations(db().db)).toEqual([]);
    expect(Object.keys(MIGRATIONS).length).toBeGreaterThan(0);
  });

  it('creates the accounts table with the standing defaults', async () => {
    const now = new Date().toISOString();
    await db()
      .db.insertInto('accounts')
      .values({
        id: 'a1',
        name: 'A',
        postal_address: 'Str. 1',
        industry: 'retail',
        declared_sending: 'news',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const row = await db().db.selectFrom('accounts').selectAll().where('id', '=', 'a1').executeTakeFirstOrThrow();
    expect(row.standing).toBe('active');
    expect(row.refund_eligible).toBe(1);
    expect(JSON.parse(row.restricted_services)).toEqual([]);
  });
});
