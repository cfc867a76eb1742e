// The boot configuration: the only module that reads process.env. Everything else receives a
// Config value from the composition root (src/cli).
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { z } from 'zod';

export const DEFAULT_PORT = 8080;
export const DEFAULT_SQLITE_FILE = './data/assent.db';

/**
 * TRUST_PROXY: which hops in front of us may name the client in X-Forwarded-For (Fastify's
 * trustProxy). `false` (default): none, the socket address is the client. A hop count `N`: the
 * N proxies nearest to us are trusted and the address they saw is the client. A comma-separated
 * list of proxy addresses / CIDRs: only those are trusted. `true` means one hop (a single reverse
 * proxy): trusting every hop would let a client's own X-Forwarded-For choose its address and walk
 * around every per-IP limit.
 */
export type TrustProxy = false | number | string[];
/** More hops than any real chain of proxies: a larger count is almost certainly a mistake. */
export const MAX_TRUSTED_PROXY_HOPS = 10;

const CIDR = /^(.+?)(?:\/(\d{1,3}))?$/;
function isAddressOrCidr(entry: string): boolean {
  const m = CIDR.exec(entry);
  if (!m) return false;
  const family = isIP(m[1] ?? '');
  if (family === 0) return false;
  return m[2] === undefined || Number(m[2]) <= (family === 4 ? 32 : 128);
}

export const TrustProxySchema = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    const lower = v.toLowerCase();
    if (['false', '0', 'no', ''].includes(lower)) return false;
    if (['true', 'yes'].includes(lower)) return 1;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops <= MAX_TRUSTED_PROXY_HOPS) return hops;
    } else {
      const entries = v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (entries.length > 0 && entries.every(isAddressOrCidr)) return entries;
    }
    ctx.addIssue({
      code: 'custom',
      message: `expected false, a hop count (1-${MAX_TRUSTED_PROXY_HOPS}) or a comma-separated list of proxy addresses/CIDRs`,
    });
    return z.NEVER;
  });

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
  // Campaign relays (DEL-02): comma list of smtp:// URLs; falls back to SMTP_URL.
  SMTP_RELAYS: z.string().optional(),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DELIVERY_RELAY_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(8),
  DELIVERY_RELAY_RATE: z.coerce.number().min(1).max(100_000).default(5_000),
  DELIVERY_ACCOUNT_RATE: z.coerce.number().min(1).max(100_000).default(3_000),
  MAIL_FROM: z.string().default('Assent <no-reply@assent.localhost>'),
  // Sending domains (DEL-05): DNS servers for verification (comma list of ip[:port]; default the
  // system's), the SPF include host and the bounce host (defaults derive from PUBLIC_URL).
  DNS_SERVERS: z.string().optional(),
  SPF_INCLUDE: z.string().optional(),
  BOUNCE_HOST: z.string().optional(),
  // Blocklist monitoring (BL-01): the platform's sending IPs (comma list of IPv4/IPv6), checked daily.
  SENDING_IPS: z
    .string()
    .refine(
      (v) =>
        v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
          .every((x) => isIP(x) !== 0),
      'expected a comma-separated list of IPv4 / IPv6 addresses',
    )
    .optional(),
  // Content review's second opinion (issue 9 §4): SpamAssassin's spamd, spamd://host:port or
  // tcp://host:port (default port 783); a score over SPAMD_MAX_SCORE holds an allowed campaign.
  SPAMD_URL: z
    .string()
    .regex(/^(spamd|tcp):\/\/[^/\s]+$/, 'expected spamd://host[:port] or tcp://host[:port]')
    .optional(),
  SPAMD_MAX_SCORE: z.coerce.number().min(-100).max(1000).default(5),
  // Inbound mail (issue 10): the SMTP server for bounces, feedback loops, the unsubscribe mailto and
  // the abuse mailbox. `assent all` runs it unless INBOUND_SMTP=false; `assent inbound` runs only it.
  // Production: port 25 on a public address (the bounce host's MX); default 2525 on HOST.
  INBOUND_SMTP: bool.default(true),
  INBOUND_SMTP_HOST: z.string().optional(),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  // Relay webhooks (issue 10 §1): the SNS topic ARNs whose SES notifications we accept (comma
  // list; empty: POST /webhooks/ses answers 404), and SendGrid's event-webhook public key.
  SES_SNS_TOPIC_ARNS: z.string().optional(),
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().min(40).optional(),
  // SMS (issue 11): the provider as one URL — smpp://system_id:password@host:port (ssmpp:// for TLS),
  // twilio://ACCOUNT_SID:AUTH_TOKEN@api.twilio.com, or a generic JSON gateway's http(s):// URL
  // (then SMS_WEBHOOK_SECRET, the secret it signs its webhooks with, and SMS_GATEWAY_TOKEN, the
  // bearer token we send it). Unset: no SMS provider, the SMS webhooks answer 404.
  SMS_PROVIDER: z
    .string()
    .regex(
      /^(smpp|ssmpp|twilio|https?):\/\/\S+$/,
      'expected smpp://…, ssmpp://…, twilio://SID:TOKEN@api.twilio.com or http(s)://…',
    )
    .optional(),
  SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: TrustProxySchema.default(false),
  COOKIE_SECURE: bool.optional(),
  OPERATOR_EMAIL: z.string().email().optional(),
  // Where recipients report spam (the public /report-spam page names it). RFC 2142: abuse@domain.
  ABUSE_EMAIL: z.string().email().optional(),
  ALLOW_PRIVATE_WEBHOOKS: bool.default(false),
  // Bearer token for GET /metrics; without it /metrics answers only loopback callers.
  METRICS_TOKEN: z.string().min(16).optional(),
  // This worker's identity, stored with each job lease: a restarted worker with the same id
  // reclaims its dead predecessor's jobs at once. Unique per concurrently running worker process.
  WORKER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/)
    .optional(),
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
  trustProxy: TrustProxy;
  cookieSecure: boolean;
  operatorEmail: string | undefined;
  /** The address the public "Report spam" page tells recipients to write to. */
  abuseEmail: string;
  allowPrivateWebhooks: boolean;
  /** Bearer token that opens GET /metrics; undefined: loopback callers only. */
  metricsToken: string | undefined;
  /** Identity stored with job leases (default: the host name). */
  workerId: string;
  /** Campaign delivery (DEL-02): relays and limits; absent in tests that send no campaign. */
  delivery?: DeliveryConfig;
  /** Sending domains (DEL-05): DNS servers (ip[:port]) for verification, empty: the system's. */
  dnsServers?: string[];
  /** The SPF include host customers publish (default `_spf.<host of PUBLIC_URL>`). */
  spfInclude?: string;
  /** The Return-Path / bounce host (default `bounces.<host of PUBLIC_URL>`). */
  bounceHost?: string;
  /** The platform's sending IPs (SENDING_IPS), checked against the blocklists daily (BL-01). */
  sendingIps?: string[];
  /** The inbound SMTP server (INBOUND_SMTP, INBOUND_SMTP_HOST, INBOUND_SMTP_PORT); absent: not run. */
  inboundSmtp?: { enabled: boolean; host: string; port: number };
  /** SES_SNS_TOPIC_ARNS: SNS topics whose SES notifications the webhook accepts; empty: off. */
  sesSnsTopics?: string[];
  /** SENDGRID_WEBHOOK_PUBLIC_KEY (base64 DER or PEM); undefined: the SendGrid webhook is off. */
  sendgridWebhookKey?: string;
  /** SpamAssassin's spamd for the content review's second opinion (SPAMD_URL); undefined: none. */
  spamdUrl?: string;
  /** The policy's limit on spamd's score (SPAMD_MAX_SCORE, default 5.0): over it an allowed campaign is held. */
  spamdMaxScore?: number;
  /** SMS_PROVIDER and its webhook secret / gateway token; undefined: no SMS provider. */
  sms?: SmsConfig;
  /** Cookie policy revision in force; defaults to COOKIE_POLICY_REVISION in policy/cookies.ts (CK-06). Tests inject a bump. */
  cookiePolicyRevision?: number;
}

export interface SmsConfig {
  /** The provider URL: smpp:// ssmpp:// twilio:// or a generic gateway's http(s):// URL. */
  provider: string;
  /** The generic gateway's webhook signing secret (required for http(s)://). */
  webhookSecret?: string;
  /** The bearer token sent to the generic gateway. */
  gatewayToken?: string;
}

/** The checks the URL's pattern cannot make: Twilio's SID and token, the generic gateway's secret. */
function smsConfig(e: z.infer<typeof EnvSchema>): SmsConfig | undefined {
  if (!e.SMS_PROVIDER) return undefined;
  const url = new URL(e.SMS_PROVIDER);
  if (url.protocol === 'twilio:' && (!url.username || !url.password))
    throw new ConfigError('Invalid configuration:\n  SMS_PROVIDER: expected twilio://ACCOUNT_SID:AUTH_TOKEN@api.twilio.com');
  if (/^https?:$/.test(url.protocol) && !e.SMS_WEBHOOK_SECRET)
    throw new ConfigError(
      'Invalid configuration:\n  SMS_WEBHOOK_SECRET: required with an http(s):// SMS_PROVIDER (the gateway signs its webhooks with it)',
    );
  return {
    provider: e.SMS_PROVIDER,
    ...(e.SMS_WEBHOOK_SECRET ? { webhookSecret: e.SMS_WEBHOOK_SECRET } : {}),
    ...(e.SMS_GATEWAY_TOKEN ? { gatewayToken: e.SMS_GATEWAY_TOKEN } : {}),
  };
}

export interface DeliveryConfig {
  relays: string[];
  maxAttempts: number;
  relayConnections: number;
  /** Messages per second per relay. */
  relayRatePerSecond: number;
  /** Messages per second per account, shared by every worker (the token bucket). */
  accountRatePerSecond: number;
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
    metricsToken: e.METRICS_TOKEN,
    workerId: e.WORKER_ID ?? hostname(),
    dnsServers: (e.DNS_SERVERS ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
    spfInclude: e.SPF_INCLUDE,
    bounceHost: e.BOUNCE_HOST,
    sendingIps: (e.SENDING_IPS ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
    inboundSmtp: { enabled: e.INBOUND_SMTP, host: e.INBOUND_SMTP_HOST ?? e.HOST, port: e.INBOUND_SMTP_PORT },
    sesSnsTopics: (e.SES_SNS_TOPIC_ARNS ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
    sendgridWebhookKey: e.SENDGRID_WEBHOOK_PUBLIC_KEY,
    spamdUrl: e.SPAMD_URL,
    spamdMaxScore: e.SPAMD_MAX_SCORE,
    sms: smsConfig(e),
    delivery: {
      relays: (e.SMTP_RELAYS ?? e.SMTP_URL ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u.length > 0),
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      relayConnections: e.DELIVERY_RELAY_CONNECTIONS,
      relayRatePerSecond: e.DELIVERY_RELAY_RATE,
      accountRatePerSecond: e.DELIVERY_ACCOUNT_RATE,
    },
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
    metricsToken: undefined,
    workerId: 'test-worker',
    ...overrides,
  };
}
