// `assent import FILE --account ID --list ID [--list ID…] --source SOURCE --attest
//   [--description TEXT] [--encoding ENC] [--consent-date DATE] [--allow-duplicate] [--resume IMPORT_ID]`
// Streams the file into storage, then runs the import in this process with a progress bar (the
// same job the worker runs; held imports wait for review as usual). IMP-01..06.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config/config.ts';
import { AppError } from '../../core/errors.ts';
import { normalizeEncoding } from '../../core/imports/encoding.ts';
import type { ImportRecord } from '../../core/imports/types.ts';
import { composePlatform } from '../compose.ts';

const USAGE =
  'usage: assent import FILE --account ID --list ID [--list ID…] --source signup-form|event|customers|other --attest\n' +
  '         [--description TEXT] [--encoding utf-8|windows-1252|iso-8859-2|windows-1250] [--consent-date DATE]\n' +
  '         [--allow-duplicate]\n' +
  '       assent import --resume IMPORT_ID\n';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        account: { type: 'string' },
        list: { type: 'string', multiple: true },
        source: { type: 'string' },
        description: { type: 'string' },
        attest: { type: 'boolean', default: false },
        encoding: { type: 'string' },
        'consent-date': { type: 'string' },
        'allow-duplicate': { type: 'boolean', default: false },
        resume: { type: 'string' },
      },
    });
  } catch (err) {
    process.stderr.write(`assent: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (!v.resume && (!file || extra.length > 0 || !v.account || !v.list?.length || !v.source)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const platform = await composePlatform(config, { migrate: config.database.kind === 'sqlite' });
  const bar = new cliProgress.SingleBar(
    { format: 'import |{bar}| {value}/{total} rows', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  try {
    const imports = platform.services.imports;
    let id = v.resume;
    if (!id) {
      const rec = await imports.start({
        accountId: v.account!,
        declaration: { source: v.source!, sourceDescription: v.description ?? null, attest: v.attest === true },
        listIds: v.list!,
        encoding: v.encoding ? normalizeEncoding(v.encoding) : null,
        consentDate: v['consent-date'] ?? null,
        allowDuplicate: v['allow-duplicate'] === true,
        fileName: basename(file!),
        who: { at: platform.clock.now().toISOString(), userId: null, ip: null, userAgent: 'assent-cli' },
        actor: { type: 'system', id: 'cli' },
        enqueue: false,
        file: createReadStream(file!),
      });
      id = rec.id;
      process.stdout.write(`Import ${id} stored (${rec.fileBytes} bytes); checking every row…\n`);
    }
    let started = false;
    const done: ImportRecord | null = await imports.process(id, ({ lastRow, totalRows }) => {
      if (!started) bar.start(totalRows ?? lastRow, 0);
      started = true;
      bar.update(lastRow);
    });
    if (started) bar.stop();
    if (!done) throw new AppError('IMPORT_NOT_FOUND', `No import ${id}.`);
    if (done.status === 'failed') {
      process.stderr.write(`assent: import ${id} failed: ${done.error?.code} ${done.error?.message}\n`);
      return 1;
    }
    process.stdout.write(
      `Import ${id}: ${done.status}. Rows ${done.rowsRead}: imported ${done.imported} (${done.withoutEvidence} without consent evidence), ` +
        `quarantined ${done.quarantined}, rejected ${done.rejected}. Risk score ${done.riskScore ?? '-'}.\n`,
    );
    if (done.status === 'held')
      process.stdout.write(
        `Held for review: ${(done.holdReasons ?? []).join('; ')}. Nothing can be sent to it until a reviewer approves.\n`,
      );
    return 0;
  } catch (err) {
    bar.stop();
    if (err instanceof AppError) {
      process.stderr.write(`assent: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await platform.close();
  }
}
