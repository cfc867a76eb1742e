// The boot configuration: the only module that reads process.env. Everything else receives a
// Config value from the composition root (src/cli).
import { z } from 'zod';

export const DEFAULT_PORT = 8080;
export const DEFAULT_SQLITE_FILE = './data/assent.db';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  SQLITE_FILE: z.string().default(DEFAULT_SQLITE_FILE),
  PUBLIC_URL: z.string().url().optional(),
  // Secret for signed tokens (unsubscribe, confirm, preferences) and session signing. Generated
  // and kept in the data directory when absent in the embedded mode.
  ASSENT_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Assent <no-reply@assent.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  OPERATOR_EMAIL: z.string().email().optional(),
  // Where recipients report spam (the public /report-spam page names it). RFC 2142: abuse@domain.
  ABUSE_EMAIL: z.string().email().optional(),
  ALLOW_PRIVATE_WEBHOOKS: bool.default(false),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  secret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  cookieSecure: boolean;
  operatorEmail: string | undefined;
  /** The address the public "Report spam" page tells recipients to write to. */
  abuseEmail: string;
  allowPrivateWebhooks: boolean;
  /** Cookie policy revision in force; defaults to COOKIE_POLICY_REVISION in policy/cookies.ts (CK-06). Tests inject a bump. */
  cookiePolicyRevision?: number;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: e.SQLITE_FILE },
    publicUrl,
    secret: e.ASSENT_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    operatorEmail: e.OPERATOR_EMAIL,
    abuseEmail: e.ABUSE_EMAIL ?? `abuse@${new URL(publicUrl).hostname}`,
    allowPrivateWebhooks: e.ALLOW_PRIVATE_WEBHOOKS,
  };
}

/** A config for tests and benchmarks: no environment read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'sqlite', file: ':memory:' },
    publicUrl: 'http://assent.test',
    secret: 'test-secret-test-secret-test-secret-0123456789',
    smtpUrl: undefined,
    mailFrom: 'Assent <no-reply@assent.test>',
    logLevel: 'silent',
    trustProxy: false,
    cookieSecure: false,
    operatorEmail: undefined,
    abuseEmail: 'abuse@assent.test',
    allowPrivateWebhooks: false,
    ...overrides,
  };
}
