// The cookie consent log (CK-05): every choice a visitor makes on the banner, the preferences
// modal or the no-JS settings form, refusals and dismissals included, stored append-only with
// the policy revision, categories, language, user agent and a truncated IP, and produced on
// request for an operator (JSON or CSV).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { invalid } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { COOKIE_CATEGORIES, COOKIE_CATEGORY_INFO, COOKIE_SERVICES, type CookieCategory } from '../../../policy/cookies.ts';
import { truncateIp } from './truncate-ip.ts';

export const CONSENT_ACTIONS = ['accept-all', 'reject-all', 'custom', 'dismiss'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];
export const CONSENT_LANGUAGES = ['en', 'ro'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];
export const CONSENT_SOURCES = ['banner', 'form'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** Export page size bounds (GET /api/v1/operator/cookie-consents). */
export const DEFAULT_CONSENT_EXPORT_LIMIT = 100;
export const MAX_CONSENT_EXPORT_LIMIT = 5_000;

const SERVICE_IDS = COOKIE_SERVICES.map((s) => s.id) as [string, ...string[]];
const READ_ONLY = COOKIE_CATEGORY_INFO.filter((c) => c.readOnly).map((c) => c.id);

/** A choice as the banner reports it (the HTTP body of POST /api/v1/cookie-consent). */
export const ConsentChoiceSchema = z
  .object({
    // vanilla-cookieconsent's consentId is a UUIDv4; the no-JS form gets one from the server.
    consentId: z.uuid(),
    revision: z.number().int().min(0).max(1_000_000),
    categories: z.array(z.enum(COOKIE_CATEGORIES)).max(COOKIE_CATEGORIES.length * 2),
    services: z
      .array(z.enum(SERVICE_IDS))
      .max(SERVICE_IDS.length * 2)
      .optional(),
    language: z.enum(CONSENT_LANGUAGES),
    action: z.enum(CONSENT_ACTIONS),
  })
  .strict();
export type ConsentChoice = z.infer<typeof ConsentChoiceSchema>;

export interface ConsentRecord {
  id: string;
  consentId: string;
  at: string;
  revision: number;
  categories: CookieCategory[];
  services: string[];
  action: ConsentAction;
  language: ConsentLanguage;
  source: ConsentSource;
  userAgent: string;
  /** Truncated: IPv4 /24, IPv6 /48. */
  ip: string;
}

/** The store port; src/db/repositories/cookie-consent.ts implements it on both engines. */
export interface CookieConsentStore {
  insert(record: ConsentRecord): Promise<void>;
  /** Newest first. */
  list(query: { limit: number; consentId?: string }): Promise<ConsentRecord[]>;
}

export interface CookieConsentService {
  /** The cookie policy revision in force (CK-06). */
  readonly revision: number;
  record(choice: ConsentChoice, context: { ip: string; userAgent: string; source: ConsentSource }): Promise<ConsentRecord>;
  list(query: { limit?: number; consentId?: string }): Promise<ConsentRecord[]>;
}

export function createCookieConsentService(deps: {
  store: CookieConsentStore;
  clock: Clock;
  revision: number;
}): CookieConsentService {
  return {
    revision: deps.revision,
    async record(choice, context) {
      const normalized = normalizeChoice(choice, deps.revision);
      const record: ConsentRecord = {
        id: randomUUID(),
        consentId: normalized.consentId,
        at: deps.clock.now().toISOString(),
        revision: normalized.revision,
        categories: normalized.categories,
        services: normalized.services,
        action: normalized.action,
        language: normalized.language,
        source: context.source,
        userAgent: context.userAgent,
        ip: truncateIp(context.ip),
      };
      await deps.store.insert(record);
      return record;
    },
    async list(query) {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_CONSENT_EXPORT_LIMIT, 1), MAX_CONSENT_EXPORT_LIMIT);
      return deps.store.list({ limit, consentId: query.consentId });
    },
  };
}

/**
 * Dedupes, adds the always-on categories, and refuses choices that contradict themselves: a
 * refusal (reject-all, dismiss) accepts nothing optional, and a service belongs to an accepted
 * category. A revision newer than ours cannot have been shown by this server.
 */
export function normalizeChoice(
  choice: ConsentChoice,
  currentRevision: number,
): ConsentChoice & { services: string[]; categories: CookieCategory[] } {
  if (choice.revision > currentRevision) {
    throw invalid(
      'CONSENT_REVISION_UNKNOWN',
      `Cookie policy revision ${choice.revision} does not exist; the current one is ${currentRevision}.`,
    );
  }
  const categories = COOKIE_CATEGORIES.filter((c) => READ_ONLY.includes(c) || choice.categories.includes(c));
  const optional = categories.filter((c) => !READ_ONLY.includes(c));
  if ((choice.action === 'reject-all' || choice.action === 'dismiss') && optional.length > 0) {
    throw invalid(
      'CONSENT_INCONSISTENT',
      `A "${choice.action}" choice cannot accept the optional categories ${optional.join(', ')}.`,
    );
  }
  const services = COOKIE_SERVICES.filter((s) => (choice.services ?? []).includes(s.id));
  const stray = services.filter((s) => !categories.includes(s.category));
  if (stray.length > 0) {
    throw invalid(
      'CONSENT_INCONSISTENT',
      `Services ${stray.map((s) => s.id).join(', ')} belong to categories that were not accepted.`,
    );
  }
  return { ...choice, categories, services: services.map((s) => s.id) };
}

const CSV_COLUMNS = [
  'id',
  'consentId',
  'at',
  'revision',
  'action',
  'categories',
  'services',
  'language',
  'source',
  'ip',
  'userAgent',
] as const;

/** RFC 4180 CSV; cells starting with = + - @ are prefixed with ' so spreadsheets do not run them. */
export function consentRecordsToCsv(records: ConsentRecord[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: r.id,
      consentId: r.consentId,
      at: r.at,
      revision: String(r.revision),
      action: r.action,
      categories: r.categories.join(' '),
      services: r.services.join(' '),
      language: r.language,
      source: r.source,
      ip: r.ip,
      userAgent: r.userAgent,
    };
    lines.push(CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
