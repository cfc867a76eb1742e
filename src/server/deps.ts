// What the HTTP layer is handed by the composition root (src/cli/compose.ts).
import type { Config } from '../config/config.ts';
import type { Clock, Logger, Queue } from '../core/ports.ts';
import type { Database } from '../db/database.ts';
import type { Services } from '../core/services.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  services: Services;
}
