// `assent bounce classify FILE…` (issue 10, item 7): classifies each message — a DSN, an ARF
// report, an auto-reply — offline, no database or configuration, as the inbound path would.
// Operators run it on a mailbox export to see what the platform would do. One JSON line per
// recipient a message names: file, index (from 1), kind, hard, status, reply, recipient, reason,
// feedbackType. Exit 0 when every file was read, 2 on bad usage or an unreadable file (the other
// files are still classified).
import { open } from 'node:fs/promises';
import { classifyBounce, MAX_BOUNCE_MESSAGE_BYTES, type BounceResult } from '../../core/bounces/classify.ts';

const USAGE = 'usage: assent bounce classify FILE…\n  prints one JSON line per recipient each message names\n';

function line(file: string, index: number, r: BounceResult): string {
  const out: Record<string, unknown> = {
    file,
    index,
    kind: r.kind,
    hard: r.hard,
    status: r.status,
    reply: r.reply,
    recipient: r.recipient,
    reason: r.reason,
    feedbackType: r.feedbackType,
  };
  if (r.refused) out.refused = r.refused;
  return JSON.stringify(out) + '\n';
}

/** Reads at most one byte over the limit: a larger file is refused by classifyBounce unread. */
async function readBounded(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new Error('not a regular file');
    const size = Math.min(st.size, MAX_BOUNCE_MESSAGE_BYTES + 1);
    const buf = Buffer.alloc(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(buf, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return st.size > MAX_BOUNCE_MESSAGE_BYTES ? Buffer.alloc(MAX_BOUNCE_MESSAGE_BYTES + 1) : buf.subarray(0, at);
  } finally {
    await fh.close();
  }
}

export async function run(args: string[]): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const files = args.filter((a) => a !== '--');
  if (!files.length || files.some((f) => f.startsWith('-') && f !== '-')) {
    process.stderr.write(`assent bounce classify: give one or more message files\n${USAGE}`);
    return 2;
  }
  let code = 0;
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = await readBounded(file);
    } catch (err) {
      const why = err instanceof Error && 'code' in err ? String(err.code) : err instanceof Error ? err.message : String(err);
      process.stderr.write(`assent bounce classify: cannot read ${file}: ${why}\n`);
      code = 2;
      continue;
    }
    const results = classifyBounce(raw);
    process.stdout.write(results.map((r, i) => line(file, i + 1, r)).join(''));
  }
  return code;
}
