// The `assent` command. Each subcommand lives in commands/<name>.ts and is loaded on demand so
// `assent all` does not pay for the others at start-up.
import { enableCompileCache } from 'node:module';

// Node caches the type-stripped and compiled modules on disk (os.tmpdir()/node-compile-cache):
// later starts skip most of the parse work (measured: 1.2 s → 0.7 s to load the server).
// Enabled before any other module of ours loads; every other import below is dynamic.
enableCompileCache();

type Command = { describe: string; load: () => Promise<{ run(args: string[]): Promise<number | void> }> };

export const COMMANDS: Record<string, Command> = {
  all: {
    describe: 'server + worker in one process (default; embedded SQLite unless DATABASE_URL)',
    load: () => import('./commands/all.ts'),
  },
  serve: { describe: 'HTTP server only', load: () => import('./commands/serve.ts') },
  worker: { describe: 'job worker only', load: () => import('./commands/worker.ts') },
  inbound: {
    describe: 'inbound SMTP server only (bounces, feedback reports, abuse mailbox; INBOUND_SMTP_PORT)',
    load: () => import('./commands/inbound.ts'),
  },
  migrate: { describe: 'apply pending database migrations', load: () => import('./commands/migrate.ts') },
  'create-operator': {
    describe: 'create a platform operator: create-operator EMAIL [--role admin|reviewer]',
    load: () => import('./commands/create-operator.ts'),
  },
  'proof verify': {
    describe: 'check a proof-of-opt-in bundle offline: proof verify FILE (exit 1 when altered)',
    load: () => import('./commands/proof-verify.ts'),
  },
  'ledger verify': {
    describe: 'check the consent ledger hash chains in the database [--account ID]',
    load: () => import('./commands/ledger-verify.ts'),
  },
  'content screen': {
    describe: 'screen a message against the content policy: content screen [FILE] [--jsonl] [--stored-policy] (JSON or .eml)',
    load: () => import('./commands/content-screen.ts'),
  },
  campaign: {
    describe: 'send, pause or resume a campaign: campaign send|pause|resume ID --account ID (send shows progress)',
    load: () => import('./commands/campaign.ts'),
  },
  'bounce classify': {
    describe: 'classify bounces, ARF reports and auto-replies: bounce classify FILE… (JSON lines)',
    load: () => import('./commands/bounce.ts'),
  },
  doctor: { describe: 'check configuration, database, migrations and SMTP relay', load: () => import('./commands/doctor.ts') },
  import: {
    describe: 'import a CSV: import FILE --account ID --list ID --source signup-form --attest [--encoding …]',
    load: () => import('./commands/import.ts'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(18)} ${c.describe}`);
  return `usage: assent <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name = 'all', ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  let command = COMMANDS[name];
  let args = rest;
  // Two-word commands: `assent proof verify FILE`, `assent ledger verify`.
  if (!command && rest[0] && COMMANDS[`${name} ${rest[0]}`]) {
    command = COMMANDS[`${name} ${rest[0]}`];
    args = rest.slice(1);
  }
  if (!command) {
    process.stderr.write(`assent: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const mod = await command.load();
    const code = await mod.run(args);
    return typeof code === 'number' ? code : 0;
  } catch (err) {
    // Errors with a stable code (ConfigError, PendingMigrationsError, …) are the user's to fix.
    if (err instanceof Error && 'code' in err && typeof err.code === 'string') {
      process.stderr.write(`assent: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (import.meta.main) {
  const code = await main(process.argv.slice(2));
  if (code !== 0 || !['all', 'serve', 'worker', 'inbound', undefined].includes(process.argv[2])) process.exitCode = code;
}
