// `assent doctor`: a read-only checklist of what the platform needs to run. Exit 0 when every
// required check passes, 1 otherwise. It never creates the database, migrates or sends mail.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { ConfigError, loadConfig, type Config } from '../../config/config.ts';
import { openDatabase, ping } from '../../db/database.ts';
import { pendingMigrations } from '../../db/migrations/index.ts';

/** How long the SMTP relay may take to connect and greet before it counts as unreachable. */
export const SMTP_VERIFY_TIMEOUT_MS = 10_000;

export interface Check {
  name: string;
  ok: boolean;
  /** A failed required check makes the command exit 1. */
  required: boolean;
  detail: string;
}

export interface DoctorOptions {
  smtpTimeoutMs?: number;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

async function verifySmtp(smtpUrl: string, timeoutMs: number): Promise<Check> {
  const name = 'SMTP relay reachable';
  let url: URL;
  try {
    url = new URL(smtpUrl);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must be smtp:// or smtps://');
  } catch (err) {
    return { name, ok: false, required: true, detail: `SMTP_URL is not usable: ${(err as Error).message}` };
  }
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Same rule as the mail transport: a loopback relay may use a self-signed certificate.
    tls: { rejectUnauthorized: !LOOPBACK.includes(url.hostname) },
  } as SMTPTransport.Options);
  try {
    await transport.verify();
    return { name, ok: true, required: true, detail: `${url.protocol}//${url.host} answered` };
  } catch (err) {
    return { name, ok: false, required: true, detail: `${url.protocol}//${url.host}: ${(err as Error).message}` };
  } finally {
    transport.close();
  }
}

/** Runs every check against a loaded configuration. */
export async function diagnose(config: Config, options: DoctorOptions = {}): Promise<Check[]> {
  const checks: Check[] = [];
  const engine = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  checks.push({ name: 'configuration loads', ok: true, required: true, detail: `${engine}, public URL ${config.publicUrl}` });

  if (config.database.kind === 'sqlite' && config.database.file !== ':memory:' && !existsSync(config.database.file)) {
    // Opening it would create it; the doctor only looks.
    checks.push({
      name: 'database reachable',
      ok: false,
      required: true,
      detail: `no database file at ${config.database.file} yet: run \`assent migrate\` (or start \`assent all\`) to create it`,
    });
  } else {
    const database = openDatabase(config.database);
    try {
      const reachable = await ping(database.db);
      checks.push({
        name: 'database reachable',
        ok: reachable,
        required: true,
        detail: reachable ? engine : `${engine} did not answer`,
      });
      if (reachable) {
        const pending = await pendingMigrations(database.db);
        checks.push({
          name: 'migrations applied',
          ok: pending.length === 0,
          required: true,
          detail:
            pending.length === 0
              ? 'no pending migrations'
              : `${pending.length} pending migration(s) (${pending.join(', ')}): run \`assent migrate\``,
        });
      }
    } catch (err) {
      checks.push({ name: 'database reachable', ok: false, required: true, detail: `${engine}: ${(err as Error).message}` });
    } finally {
      await database.close();
    }
  }

  if (config.smtpUrl) {
    checks.push(await verifySmtp(config.smtpUrl, options.smtpTimeoutMs ?? SMTP_VERIFY_TIMEOUT_MS));
  } else {
    checks.push({ name: 'SMTP relay', ok: false, required: false, detail: 'not configured: system mail stays in the outbox' });
  }

  if (config.secret) {
    checks.push({ name: 'secret present', ok: true, required: true, detail: 'ASSENT_SECRET is set' });
  } else if (config.database.kind === 'postgres') {
    checks.push({
      name: 'secret present',
      ok: false,
      required: true,
      detail: 'ASSENT_SECRET is required on PostgreSQL (every node signs with it)',
    });
  } else {
    const file = join(dirname(config.database.file), 'secret');
    checks.push({
      name: 'secret present',
      ok: true,
      required: true,
      detail: existsSync(file) ? `kept in ${file}` : `none yet: the embedded mode generates one in ${file} on first start`,
    });
  }
  return checks;
}

export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? '✓' : c.required ? '✗' : '!'} ${c.name}: ${c.detail}\n`).join('');
}

/** Prints the checklist; returns the exit code. */
export async function doctor(config: Config, write: (text: string) => void, options: DoctorOptions = {}): Promise<number> {
  const checks = await diagnose(config, options);
  write(formatChecks(checks));
  const failed = checks.filter((c) => c.required && !c.ok);
  write(failed.length === 0 ? 'all required checks passed\n' : `${failed.length} required check(s) failed\n`);
  return failed.length === 0 ? 0 : 1;
}

export async function run(_args: string[]): Promise<number> {
  const write = (text: string) => process.stdout.write(text);
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    write(`✗ configuration loads: ${err.message}\n1 required check(s) failed\n`);
    return 1;
  }
  return doctor(config, write);
}
