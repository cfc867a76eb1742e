// `assent content screen --stored-policy` on both engines (CNT-01): the CLI screens with the
// operator-tuned revision stored in the configured database and prints that revision; without the
// flag it stays offline on the built-in policy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { runCli } from '../../../test/helpers/cli.ts';
import { createAuditLog } from '../../core/audit/audit-log.ts';
import { createContentPolicySettings } from '../../core/content/policy-settings.ts';
import { loadContentPolicy } from '../../core/content/policy.ts';
import { systemClock } from '../../core/ports.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { createContentPolicyStore } from '../../db/repositories/content-policy.ts';

const dir = mkdtempSync(join(tmpdir(), 'assent-content-stored-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const message = join(dir, 'sms.json');
writeFileSync(message, JSON.stringify({ channel: 'sms', lang: 'en', text: 'Fresh sourdough at the bakery on Saturday from 8.' }));

describeEachEngine('assent content screen --stored-policy', (db) => {
  it('[CNT-01] screens with the stored operator revision and prints its id; without the flag, the built-in policy', async () => {
    const database = db();
    const env: Record<string, string> =
      database.target.kind === 'postgres' ? { DATABASE_URL: database.target.url } : { SQLITE_FILE: database.target.file };
    const builtIn = await runCli(['content', 'screen', '--stored-policy', message], env);
    expect(builtIn.code, builtIn.out).toBe(0);
    expect(JSON.parse(builtIn.out)).toMatchObject({ verdict: 'allow', policyRevision: loadContentPolicy().revision });

    const settings = createContentPolicySettings({
      store: createContentPolicyStore(database),
      audit: createAuditLog({ store: createAuditRepository(database.db), clock: systemClock }),
      clock: systemClock,
    });
    const saved = await settings.update(
      'op-cli',
      { categories: { 'illegal-drugs': { weightScale: 2, en: { strong: ['sourdough'] } } } },
      'CLI test term.',
    );
    const tuned = await runCli(['content', 'screen', '--stored-policy', message], env);
    expect(tuned.code, tuned.out).toBe(0);
    const printed = JSON.parse(tuned.out);
    expect(printed.policyRevision).toBe(saved.revision);
    expect(printed.verdict).not.toBe('allow');
    expect(printed.findings.map((f: { category: string }) => f.category)).toContain('illegal-drugs');

    const offline = await runCli(['content', 'screen', message], env);
    expect(JSON.parse(offline.out)).toMatchObject({ verdict: 'allow', policyRevision: loadContentPolicy().revision });
  });
});
