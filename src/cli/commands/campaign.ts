// `assent campaign send|pause|resume ID --account ID` — the campaign's moves from the command
// line. `send` starts it now and shows a progress bar polling the send engine until every
// recipient is settled (accepted, bounced or refused), or the campaign leaves 'sending'.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import { composePlatform } from '../compose.ts';

const USAGE = 'usage: assent campaign send|pause|resume CAMPAIGN_ID --account ACCOUNT_ID\n';
const POLL_MS = 1000;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { account: { type: 'string' } } });
  } catch (err) {
    process.stderr.write(`assent: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [verb, id] = parsed.positionals;
  const accountId = parsed.values.account;
  if (!verb || !['send', 'pause', 'resume'].includes(verb) || !id || !accountId) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const platform = await composePlatform(config, { migrate: config.database.kind === 'sqlite' });
  try {
    const campaigns = platform.services.campaigns;
    if (verb === 'pause') {
      const c = await campaigns.pause(accountId, id);
      process.stdout.write(`campaign ${c.id}: ${c.status}\n`);
      return 0;
    }
    let c = verb === 'send' ? await campaigns.send(accountId, id) : await campaigns.resume(accountId, id);
    const bar = new cliProgress.SingleBar(
      { format: 'sending [{bar}] {value}/{total} {status}' },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1, 0, { status: c.status });
    for (;;) {
      const p = await platform.services.delivery.progress(accountId, id);
      const settled = p.byStatus.accepted + p.byStatus.bounced + p.byStatus.refused;
      bar.setTotal(Math.max(1, p.total));
      bar.update(settled, { status: c.status });
      c = await campaigns.get(accountId, id);
      if (c.status !== 'sending' || (p.total > 0 && settled >= p.total)) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    bar.stop();
    process.stdout.write(`campaign ${c.id}: ${c.status}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`assent: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await platform.close();
  }
}
