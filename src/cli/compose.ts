// The composition root: the one place where adapters are created and wired into the core.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pino from 'pino';
import type { Config } from '../config/config.ts';
import { systemClock, type Clock, type Logger, type Queue } from '../core/ports.ts';
import type { Services } from '../core/services.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest, pendingMigrations } from '../db/migrations/index.ts';
import { createQueue } from '../queue/index.ts';
import type { HttpFetch } from '../channels/webhooks/sns.ts';
import { buildServices } from './services.ts';

export interface Platform {
  config: Config & { secret: string };
  database: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  services: Services;
  close(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  /** Apply pending migrations (embedded mode, tests). Otherwise refuse to start while any are pending. */
  migrate: boolean;
  /** Use an already-open database (tests). */
  database?: Database;
  logger?: Logger;
  /** Outgoing HTTP of the relay webhooks (tests stand in for Amazon's hosts). */
  fetch?: HttpFetch;
}

export class PendingMigrationsError extends Error {
  readonly code = 'MIGRATIONS_PENDING';
}

export async function composePlatform(config: Config, options: ComposeOptions): Promise<Platform> {
  const database = options.database ?? openDatabase(config.database);
  const logger: Logger = options.logger ?? pino({ level: config.logLevel });
  if (options.migrate) {
    await migrateToLatest(database.db);
  } else {
    const pending = await pendingMigrations(database.db);
    if (pending.length > 0) {
      await database.close();
      throw new PendingMigrationsError(
        `The database has ${pending.length} pending migration(s) (${pending.join(', ')}); run \`assent migrate\` first.`,
      );
    }
  }
  const secret = resolveSecret(config);
  const fullConfig = { ...config, secret };
  const clock = options.clock ?? systemClock;
  const queue = createQueue(database, { logger, clock, workerId: config.workerId });
  const services = buildServices({ config: fullConfig, database, clock, logger, queue, fetch: options.fetch });
  return {
    config: fullConfig,
    database,
    clock,
    logger,
    queue,
    services,
    async close() {
      await services.inbound.flush();
      await services.sms.close();
      await queue.stop();
      await services.systemMailDelivery.close();
      await (services.delivery as { close?: () => Promise<void> }).close?.();
      await database.close();
    },
  };
}

/** The signing secret: ASSENT_SECRET, or in the embedded mode one generated once beside the database file. */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  if (config.database.kind === 'postgres') {
    throw new Error('ASSENT_SECRET is required on PostgreSQL: every node must sign tokens with the same secret.');
  }
  if (config.database.file === ':memory:') return randomBytes(32).toString('hex');
  const file = join(dirname(config.database.file), 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
