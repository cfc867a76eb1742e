// Builds the core services from adapters. Each area adds its construction here.
import type { Config } from '../config/config.ts';
import type { Clock, Logger, Queue } from '../core/ports.ts';
import type { Services } from '../core/services.ts';
import type { Database } from '../db/database.ts';

export interface ServiceDeps {
  config: Config & { secret: string };
  database: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
}

export function buildServices(_deps: ServiceDeps): Services {
  return {};
}
