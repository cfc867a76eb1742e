// `assent proof verify FILE` (CON-09): checks a proof-of-opt-in bundle offline — no database,
// no configuration. Exit 0 when valid; 1 naming the first bad event (or the bundle) otherwise.
import { readFile, stat } from 'node:fs/promises';
import { verifyProofBundle } from '../../core/consent/proof.ts';

/** Largest bundle we read (a contact with many thousands of events stays far below). */
export const MAX_PROOF_FILE_BYTES = 64 * 1024 * 1024;

export async function run(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('usage: assent proof verify FILE\n');
    return 2;
  }
  let text: string;
  try {
    if ((await stat(file)).size > MAX_PROOF_FILE_BYTES) {
      process.stderr.write(`INVALID: ${file} is larger than ${MAX_PROOF_FILE_BYTES} bytes\n`);
      return 1;
    }
    text = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    process.stderr.write('INVALID: the file is not JSON\n');
    return 1;
  }
  const verdict = verifyProofBundle(parsed);
  if (verdict.ok) {
    process.stdout.write(`valid: ${verdict.events} consent event(s); every hash and text checks out\n`);
    return 0;
  }
  const where = verdict.eventId ? `first bad event: ${verdict.eventId} (seq ${verdict.seq})\n` : '';
  process.stdout.write(`INVALID: ${verdict.reason}\n${where}`);
  return 1;
}
