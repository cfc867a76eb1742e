// `assent content screen [FILE] [--jsonl] [--eml] [--lang en|ro] [--stored-policy]` (issue 9,
// item 7): screens a message against the default content policy, offline — no database, no
// configuration. With --stored-policy it opens the configured database (DATABASE_URL, else the
// SQLite file) once, reads the operator-tuned revision in effect (CNT-01; the built-in policy when
// none was saved) and screens with it, so the printed policyRevision is the one campaigns get.
// Operators use it to check a message before a customer sends it and to try a policy change on a sample.
//   one message:  JSON {"channel","lang","subject","preheader","html","text"} from FILE or stdin,
//                 or a .eml file (RFC 5322, parsed with mailparser);
//   --jsonl:      one JSON message per line in, one verdict per line out (same order).
// Prints {"verdict","findings":[{"category","rule","spans","score"}],"policyRevision"}; a line that
// carried an "id" gets it back. Exit 0 when screened (whatever the verdict), 2 on bad input.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { z } from 'zod';
import { screenContent, type ContentInput, type ContentPolicy, type ScreenResult } from '../../core/content/screen.ts';

/** Largest single message (JSON or .eml) we read; the screen applies its own, smaller body limit. */
export const MAX_CONTENT_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Largest line of a --jsonl sample. */
export const MAX_CONTENT_LINE_BYTES = 16 * 1024 * 1024;

const USAGE =
  'usage: assent content screen [FILE] [--jsonl] [--eml] [--lang en|ro] [--stored-policy]\n' +
  '  FILE (or standard input): {"channel":"email"|"sms","lang":"en"|"ro","subject","preheader","html","text"}\n' +
  '  a FILE ending in .eml (or --eml) is read as an e-mail message; --jsonl: one message per line\n' +
  '  --stored-policy: screen with the operator-tuned policy stored in the configured database\n';

const Lang = z.enum(['en', 'ro']);
/** One schema, validated where the message enters (STYLE 5). Unknown keys (labels, notes) are ignored. */
const MessageSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  channel: z.enum(['email', 'sms']),
  lang: Lang.optional(),
  subject: z.string().optional(),
  preheader: z.string().optional(),
  html: z.string().optional(),
  text: z.string().optional(),
  links: z.array(z.string()).optional(),
  declaredIndustry: z.string().nullable().optional(),
});
type Message = z.infer<typeof MessageSchema>;

class BadInput extends Error {}

/** The policy to screen with: undefined is the built-in one; --stored-policy sets the stored one. */
let policy: ContentPolicy | undefined;

/** The operator-tuned revision in effect, read once from the configured database (loaded only then: the offline path stays light). */
async function storedPolicy(): Promise<ContentPolicy> {
  const [
    { loadConfig },
    { createAuditLog },
    { createContentPolicySettings },
    { systemClock },
    { openDatabase },
    { pendingMigrations },
  ] = await Promise.all([
    import('../../config/config.ts'),
    import('../../core/audit/audit-log.ts'),
    import('../../core/content/policy-settings.ts'),
    import('../../core/ports.ts'),
    import('../../db/database.ts'),
    import('../../db/migrations/index.ts'),
  ]);
  const [{ createAuditRepository }, { createContentPolicyStore }] = await Promise.all([
    import('../../db/repositories/audit.ts'),
    import('../../db/repositories/content-policy.ts'),
  ]);
  const database = openDatabase(loadConfig().database);
  try {
    if ((await pendingMigrations(database.db)).includes('0040_content_policy'))
      throw new BadInput('the database has no content policy table yet: run `assent migrate` first');
    const audit = createAuditLog({ store: createAuditRepository(database.db), clock: systemClock });
    return await createContentPolicySettings({ store: createContentPolicyStore(database), audit, clock: systemClock }).policy();
  } finally {
    await database.close();
  }
}

function parseMessage(raw: string, where: string): Message {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new BadInput(`${where}: not JSON`);
  }
  const parsed = MessageSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : 'message';
    throw new BadInput(`${where}: ${path}: ${issue?.message ?? 'invalid'} (expected {"channel":"email"|"sms", …})`);
  }
  const m = parsed.data;
  if (m.channel === 'sms' && m.text === undefined) throw new BadInput(`${where}: an SMS needs "text"`);
  if (m.channel === 'email' && m.subject === undefined && m.html === undefined && m.text === undefined)
    throw new BadInput(`${where}: an email needs at least one of "subject", "html", "text"`);
  return m;
}

function toInput(m: Message, lang: 'en' | 'ro' | undefined): ContentInput {
  const input: ContentInput = { channel: m.channel };
  const l = lang ?? m.lang;
  if (l) input.lang = l;
  if (m.subject !== undefined) input.subject = m.subject;
  if (m.preheader !== undefined) input.preheader = m.preheader;
  if (m.html !== undefined) input.html = m.html;
  if (m.text !== undefined) input.text = m.text;
  if (m.links !== undefined) input.links = m.links;
  if (m.declaredIndustry !== undefined) input.declaredIndustry = m.declaredIndustry;
  return input;
}

async function fromEml(bytes: Buffer, lang: 'en' | 'ro' | undefined): Promise<ContentInput> {
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextToHtml: true });
  const input: ContentInput = { channel: 'email' };
  const headerLang = String(mail.headers.get('content-language') ?? '')
    .slice(0, 2)
    .toLowerCase();
  const l = lang ?? (headerLang === 'en' || headerLang === 'ro' ? headerLang : undefined);
  if (l) input.lang = l;
  if (mail.subject !== undefined) input.subject = mail.subject;
  if (typeof mail.html === 'string') input.html = mail.html;
  if (mail.text !== undefined) input.text = mail.text;
  if (input.subject === undefined && input.html === undefined && input.text === undefined)
    throw new BadInput('the .eml has no subject and no body');
  return input;
}

function shape(result: ScreenResult, id: Message['id']): string {
  return JSON.stringify({
    ...(id !== undefined ? { id } : {}),
    verdict: result.verdict,
    findings: result.findings.map((f) => ({ category: f.category, rule: f.rule, spans: f.spans, score: f.score })),
    policyRevision: result.policyRevision,
  });
}

/** The screen refuses some input itself (e.g. a body over its size limit) with a stable code. */
function screen(input: ContentInput, where: string): ScreenResult {
  try {
    return screenContent(input, policy);
  } catch (err) {
    if (err instanceof Error && 'code' in err && typeof err.code === 'string')
      throw new BadInput(`${where}: ${err.code}: ${err.message}`);
    throw err;
  }
}

async function readAll(file: string | undefined): Promise<Buffer> {
  if (file) {
    if ((await stat(file)).size > MAX_CONTENT_MESSAGE_BYTES)
      throw new BadInput(`${file} is larger than ${MAX_CONTENT_MESSAGE_BYTES} bytes`);
    return readFile(file);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CONTENT_MESSAGE_BYTES) throw new BadInput(`standard input is larger than ${MAX_CONTENT_MESSAGE_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function screenLines(file: string | undefined, lang: 'en' | 'ro' | undefined): Promise<number> {
  // `assent content screen --jsonl sample | head`: a closed pipe ends the run quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  const lines = createInterface({ input: file ? createReadStream(file) : process.stdin, crlfDelay: Infinity });
  let n = 0;
  let bad = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const where = `line ${n}`;
    try {
      if (Buffer.byteLength(line) > MAX_CONTENT_LINE_BYTES)
        throw new BadInput(`${where}: longer than ${MAX_CONTENT_LINE_BYTES} bytes`);
      const m = parseMessage(line, where);
      process.stdout.write(`${shape(screen(toInput(m, lang), where), m.id)}\n`);
    } catch (err) {
      if (!(err instanceof BadInput)) throw err;
      bad++;
      // Keep one output line per input line, so that verdicts still line up with the sample.
      process.stdout.write(`${JSON.stringify({ error: { code: 'CONTENT_INPUT_INVALID', message: err.message } })}\n`);
      process.stderr.write(`assent content screen: ${err.message}\n`);
    }
  }
  return bad > 0 ? 2 : 0;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        jsonl: { type: 'boolean', default: false },
        eml: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'stored-policy': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`assent content screen: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { jsonl, eml, lang: langArg } = parsed.values;
  const [file, ...extra] = parsed.positionals;
  const lang = langArg === undefined ? undefined : Lang.safeParse(langArg).data;
  if (extra.length > 0 || (langArg !== undefined && !lang) || (jsonl && eml)) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    if (parsed.values['stored-policy']) policy = await storedPolicy();
    if (jsonl) return await screenLines(file, lang);
    const bytes = await readAll(file);
    const input = eml || file?.toLowerCase().endsWith('.eml') ? await fromEml(bytes, lang) : null;
    if (input) {
      process.stdout.write(`${shape(screen(input, file ?? 'standard input'), undefined)}\n`);
      return 0;
    }
    const m = parseMessage(bytes.toString('utf8'), file ?? 'standard input');
    process.stdout.write(`${shape(screen(toInput(m, lang), file ?? 'standard input'), m.id)}\n`);
    return 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof BadInput || e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      process.stderr.write(`assent content screen: ${e.message}\n`);
      return 2;
    }
    throw err;
  }
}
