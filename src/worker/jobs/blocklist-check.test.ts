// The daily job as the worker registers it: scheduled on the queue's cron, and, run against a
// resolver that does not serve the configured zones (rbldnsd with only the test zones), it trusts
// none of them and opens no listing — unanswered zones never produce listings (BL-02).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../config/config.ts';
import { createAuditLog } from '../../core/audit/audit-log.ts';
import { BLOCKLIST_CHECK_CRON, BLOCKLIST_CHECK_JOB } from '../../core/blocklists/service.ts';
import { silentLogger, type JobHandler, type Queue } from '../../core/ports.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { rbldnsdAvailable, startRbldnsd, type RunningRbldnsd } from '../../../test/helpers/rbldnsd.ts';
import type { WorkerDeps } from '../index.ts';
import { registerBlocklistJobs } from './blocklist-check.ts';

const available = rbldnsdAvailable();
let server: RunningRbldnsd | undefined;
beforeAll(async () => {
  if (available) server = await startRbldnsd();
});
afterAll(async () => {
  await server?.close();
});

describeEachEngine('job blocklist.check-daily', (db) => {
  it.skipIf(!available)('[BL-01, BL-02] is scheduled daily; zones that fail their test points give no listing', async () => {
    const handlers = new Map<string, JobHandler>();
    const schedules: [string, string][] = [];
    const queue = {
      work: async (name: string, handler: JobHandler) => void handlers.set(name, handler),
      schedule: async (name: string, cron: string) => void schedules.push([name, cron]),
    } as unknown as Queue;
    const clock = manualClock('2026-12-01T04:17:00.000Z');
    const audit = createAuditLog({ store: createAuditRepository(db().db), clock });
    const deps = {
      config: { ...testConfig({ dnsServers: [server?.server ?? ''], sendingIps: ['192.0.2.99'] }), secret: 'x'.repeat(32) },
      database: db(),
      clock,
      logger: silentLogger,
      queue,
      services: { audit } as unknown as WorkerDeps['services'],
    } as WorkerDeps;
    await registerBlocklistJobs(deps);
    expect(schedules).toEqual([[BLOCKLIST_CHECK_JOB, BLOCKLIST_CHECK_CRON]]);
    await handlers.get(BLOCKLIST_CHECK_JOB)?.({ id: 'j1', name: BLOCKLIST_CHECK_JOB, data: {}, attempt: 1 });
    // rbldnsd refuses zen.spamhaus.org & co.: one zone-untrusted row per configured zone, nothing else.
    const checks = await db().db.selectFrom('blocklist_checks').selectAll().execute();
    expect(checks.length).toBe(6);
    expect(checks.every((c) => c.listed === 0 && c.error?.startsWith('zone-untrusted: '))).toBe(true);
    expect(await db().db.selectFrom('blocklist_listings').selectAll().execute()).toEqual([]);
  });
});
