import { loadConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrations/index.ts';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    return 0;
  } finally {
    await database.close();
  }
}
