import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import { bootstrapFirstOperator } from './bootstrap.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`first-run operator [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[ACC-03] creates the first platform admin once and prints the sign-in URL, email and password once', async () => {
      let printed = '';
      expect(await bootstrapFirstOperator(t.platform, { write: (s) => (printed += s) })).toBe(true);
      expect(printed).toContain('http://assent.test/app/login');
      expect(printed).toContain('admin@assent.localhost');
      expect(printed).toMatch(/will not be shown again/);
      // No SMTP_URL in the test config: the operator is told where system mail waits.
      expect(printed).toContain('system mail (verification, password reset, invitations) stays in the outbox');
      expect(printed).toContain('http://assent.test/app/operator/outbox');
      const password = /Password:\s+(\S+)/.exec(printed)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);

      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin@assent.localhost', password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ user: { platformRole: 'admin' }, account: null });

      let second = '';
      expect(await bootstrapFirstOperator(t.platform, { write: (s) => (second += s) })).toBe(false);
      expect(second).toBe('');
    });

    it('[ACC-07] says nothing about the outbox when a relay (SMTP_URL) is configured', async () => {
      const config = {
        ...t.platform.config,
        smtpUrl: 'smtp://relay.example.test:587',
        operatorEmail: `relay-${engine}@assent.test`,
      };
      const platform = { ...t.platform, config };
      // An operator exists already (the test above): pretend none does, to reach the printing.
      const accounts = { ...t.platform.services.accounts, anyOperator: async () => false };
      let printed = '';
      expect(
        await bootstrapFirstOperator(
          { ...platform, services: { ...t.platform.services, accounts } },
          { write: (s) => (printed += s) },
        ),
      ).toBe(true);
      expect(printed).toContain('Password:');
      expect(printed).not.toContain('outbox');
    });
  });
}
