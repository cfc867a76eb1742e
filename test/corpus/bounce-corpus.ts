// Shared reading of ../shared/corpora for the bounce conformance test and the benchmarks.
// The corpora are third-party data outside the repository: absent in a fresh clone (skip, loudly),
// present in CI (where absence is a failure).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPORA = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
export const BOUNCES = join(CORPORA, 'bounces');
export const ARF = join(CORPORA, 'arf');

export function corpusPresent(): boolean {
  return existsSync(join(BOUNCES, 'expected.tsv'));
}

export type ExpectedRow = {
  file: string;
  index: number;
  status: string;
  replyCode: string;
  reason: string;
  hard: boolean;
  feedbackType: string;
};

export function expectedRows(): ExpectedRow[] {
  const lines = readFileSync(join(BOUNCES, 'expected.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [file = '', index = '1', status = '', replyCode = '', reason = '', hard = '', feedbackType = ''] = l.split('\t');
    return { file, index: Number(index), status, replyCode, reason, hard: hard === 'true', feedbackType };
  });
}

/** Every message of maildir/bsd, then the CRLF copies of maildir/dos. */
export function corpusMessages(): { file: string; raw: Buffer }[] {
  const out: { file: string; raw: Buffer }[] = [];
  for (const dir of ['maildir/bsd', 'maildir/dos']) {
    for (const f of readdirSync(join(BOUNCES, dir)).sort())
      out.push({ file: `${dir}/${f}`, raw: readFileSync(join(BOUNCES, dir, f)) });
  }
  return out;
}
