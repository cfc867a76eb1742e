// A whole platform (services + HTTP app) over a fresh database of either engine, for route and
// end-to-end tests. Uses app.inject(): no socket unless `listen()` is called.
import type { HttpFetch } from '../../src/channels/webhooks/sns.ts';
import { testConfig, type Config } from '../../src/config/config.ts';
import { silentLogger } from '../../src/core/ports.ts';
import type { Engine } from '../../src/db/database.ts';
import { composePlatform, type Platform } from '../../src/cli/compose.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { startWorker } from '../../src/worker/index.ts';
import { manualClock, type ManualClock } from './clock.ts';
import { createTestDatabase, type TestDatabase } from './engines.ts';

export interface TestPlatform {
  platform: Platform;
  app: App;
  clock: ManualClock;
  database: TestDatabase;
  /** Listen on 127.0.0.1 on a free port; returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export async function createTestPlatform(
  engine: Engine,
  options: { config?: Partial<Config>; worker?: boolean; clock?: ManualClock; fetch?: HttpFetch } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase(engine);
  const clock = options.clock ?? manualClock();
  const config = testConfig({ database: database.target, ...options.config });
  const platform = await composePlatform(config, { migrate: false, database, clock, logger: silentLogger, fetch: options.fetch });
  if (options.worker) await startWorker(platform);
  const app = await buildApp(platform);
  let listening = false;
  return {
    platform,
    app,
    clock,
    database,
    async listen() {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      listening = true;
      return address;
    },
    async close() {
      if (listening || app.server.listening) await app.close();
      else await app.close();
      await platform.close();
    },
  };
}
