import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config/config.ts';
import { silentLogger } from '../core/ports.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { createTestDatabase, pgAvailable, type TestDatabase } from '../../test/helpers/engines.ts';
import { composePlatform, PendingMigrationsError } from './compose.ts';

describe.skipIf(!pgAvailable())('composition root on PostgreSQL', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close().catch(() => {});
  });

  it('refuses to start serve/worker while migrations are pending, and starts once they are applied', async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    const config = testConfig({ database: database.target });
    // composePlatform closes the database when it refuses; keep ours open for the second try.
    const refusing = { ...database, close: async () => {} };
    await expect(composePlatform(config, { migrate: false, database: refusing, logger: silentLogger })).rejects.toBeInstanceOf(
      PendingMigrationsError,
    );
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('accounts');

    await migrateToLatest(database.db);
    const platform = await composePlatform(config, { migrate: false, database: refusing, logger: silentLogger });
    expect(platform.database.engine).toBe('postgres');
    await platform.queue.stop();
  });
});
