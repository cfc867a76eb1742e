// `assent create-operator EMAIL [--role admin|reviewer] [--password P]` (ACC-03). Creates a
// platform operator, or gives an existing user the role. Prints a generated password once when
// none was given.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.ts';
import { PLATFORM_ROLES, type PlatformRole } from '../../core/accounts/types.ts';
import { composePlatform } from '../compose.ts';

const USAGE = 'usage: assent create-operator EMAIL [--role admin|reviewer] [--password PASSWORD]\n';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string', default: 'admin' }, password: { type: 'string' } },
    });
  } catch (err) {
    process.stderr.write(`assent: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [email, ...extra] = parsed.positionals;
  const role = parsed.values.role;
  if (!email || extra.length > 0 || !PLATFORM_ROLES.includes(role as PlatformRole)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  // The embedded mode migrates itself (as `assent all` does); PostgreSQL needs `assent migrate`.
  const platform = await composePlatform(config, { migrate: config.database.kind === 'sqlite' });
  try {
    const result = await platform.services.accounts.createOperator({
      email,
      role: role as PlatformRole,
      password: parsed.values.password,
    });
    const verb = result.outcome === 'created' ? 'created' : 'updated';
    process.stdout.write(`Operator ${verb}: ${result.email} (${result.role})\n`);
    if (result.generatedPassword) {
      process.stdout.write(`Password: ${result.generatedPassword}\n(shown once; it is stored only as an argon2id hash)\n`);
    }
    process.stdout.write(`Sign in at ${platform.config.publicUrl}/app/login\n`);
    return 0;
  } finally {
    await platform.close();
  }
}
