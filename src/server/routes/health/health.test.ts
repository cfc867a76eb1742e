import { afterAll, beforeAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`health, metrics and API docs [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      // The last test closes the database on purpose; closing it again may throw.
      await t.close().catch(() => {});
    });

    it('answers /healthz and /readyz while the database is reachable', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', database: engine });
    });

    it('serves Prometheus metrics', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('process_cpu_user_seconds_total');
    });

    it('publishes an OpenAPI 3.1 document and browsable docs', async () => {
      const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(doc.statusCode).toBe(200);
      expect(doc.json().openapi).toBe('3.1.0');
      expect(Object.keys(doc.json().paths ?? {}).some((p) => p.startsWith('/api/v1/'))).toBe(true);
      const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(ui.statusCode).toBe(200);
      expect(ui.body).toContain('swagger');
    });

    it('[SEC-03] answers an unknown route with a stable error code and no stack', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    });

    it('[SEC-03] answers 503 on /readyz and fails requests cleanly once the database is gone', async () => {
      await t.platform.database.close();
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.code).toBe('DATABASE_UNAVAILABLE');
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@example.com', password: 'whatever-long-password' },
      });
      expect(login.statusCode).toBe(503);
      expect(login.json().error.code).toBe('DATABASE_UNAVAILABLE');
      expect(login.body).not.toMatch(/at .*\.ts:\d+/);
    });
  });
}
