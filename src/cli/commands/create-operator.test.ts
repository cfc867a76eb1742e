// `assent create-operator` as a real process against a real database of each engine.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestDatabase } from '../../../test/helpers/engines.ts';
import { createArgon2Hasher } from '../../security/argon2-hasher.ts';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

function envFor(db: TestDatabase): NodeJS.ProcessEnv {
  const base = { LOG_LEVEL: 'silent', ASSENT_SECRET: 'create-operator-test-secret-0123456789abcdef' };
  return db.target.kind === 'sqlite' ? { ...base, SQLITE_FILE: db.target.file } : { ...base, DATABASE_URL: db.target.url };
}

describeEachEngine('assent create-operator', (db) => {
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    env = envFor(db());
  });

  it('[ACC-03] creates a reviewer with a generated password printed once, stored as argon2id', async () => {
    const { stdout } = await run(process.execPath, [MAIN, 'create-operator', 'Reviewer@Example.com', '--role', 'reviewer'], {
      env,
    });
    const password = /Password: (\S+)/.exec(stdout)?.[1] ?? '';
    expect(password).not.toBe('');
    const row = await db()
      .db.selectFrom('users')
      .selectAll()
      .where('email', '=', 'reviewer@example.com')
      .executeTakeFirstOrThrow();
    expect(row.platform_role).toBe('reviewer');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await createArgon2Hasher().verify(row.password_hash, password)).toBe(true);
  });

  it('[ACC-03] promotes an existing user to admin with a given password and refuses a bad role', async () => {
    const { stdout } = await run(
      process.execPath,
      [MAIN, 'create-operator', 'reviewer@example.com', '--role', 'admin', '--password', 'given-password-123'],
      { env },
    );
    expect(stdout).not.toContain('Password:');
    const row = await db()
      .db.selectFrom('users')
      .selectAll()
      .where('email', '=', 'reviewer@example.com')
      .executeTakeFirstOrThrow();
    expect(row.platform_role).toBe('admin');
    expect(await createArgon2Hasher().verify(row.password_hash, 'given-password-123')).toBe(true);
    await expect(
      run(process.execPath, [MAIN, 'create-operator', 'x@example.com', '--role', 'owner'], { env }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
