// `assent ledger verify [--account ID]` (CON-08): re-checks whole consent chains in the
// database, streaming in pages (constant memory). Exit 0 when every chain is intact, 1 otherwise.
import { loadConfig } from '../../config/config.ts';
import { createConsentService } from '../../core/consent/ledger.ts';
import { systemClock } from '../../core/ports.ts';
import { openDatabase } from '../../db/database.ts';
import { createConsentStore } from '../../db/repositories/consent.ts';

export async function run(args: string[]): Promise<number> {
  const i = args.indexOf('--account');
  const only = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && !only) {
    process.stderr.write('usage: assent ledger verify [--account ID]\n');
    return 2;
  }
  const database = openDatabase(loadConfig().database);
  try {
    const consent = createConsentService({ store: createConsentStore(database), clock: systemClock });
    const accounts = only ? [only] : await consent.accountsWithChains();
    let bad = 0;
    let total = 0;
    const started = Date.now();
    for (const accountId of accounts) {
      const v = await consent.verifyChain(accountId);
      total += v.events;
      if (v.ok) process.stdout.write(`ok       ${accountId}: ${v.events} event(s)\n`);
      else {
        bad += 1;
        process.stdout.write(`TAMPERED ${accountId}: ${v.firstProblem?.message ?? 'unknown problem'}\n`);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${accounts.length} chain(s), ${total} event(s) checked in ${seconds.toFixed(2)} s; ${bad === 0 ? 'all intact' : `${bad} broken`}\n`);
    return bad === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
