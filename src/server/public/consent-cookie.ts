// The consent cookie (cc_cookie) in vanilla-cookieconsent v3's own format, so a choice made with
// the no-JS form is honoured by the banner on later visits, and the form can show the current
// choice. The browser keeps the cookie; the server never trusts it for anything but display.
import { z } from 'zod';
import {
  COOKIE_CATEGORIES,
  COOKIE_CATEGORY_INFO,
  COOKIE_SERVICES,
  CONSENT_MAX_AGE_DAYS,
  type CookieCategory,
} from '../../../policy/cookies.ts';

/** Longer cookie values are ignored unread (bounded input). */
export const MAX_CONSENT_COOKIE_LENGTH = 4096;

const ConsentCookieSchema = z.object({
  categories: z.array(z.string()).max(20),
  revision: z.number().int(),
  consentId: z.string().max(64),
  consentTimestamp: z.string().max(40).optional(),
  lastConsentTimestamp: z.string().max(40).optional(),
});

export interface ParsedConsentCookie {
  consentId: string;
  revision: number;
  categories: CookieCategory[];
  consentTimestamp: string | null;
}

/** The cookie as Fastify hands it over (already URI-decoded); null when absent or malformed. */
export function parseConsentCookie(value: string | undefined): ParsedConsentCookie | null {
  if (!value || value.length > MAX_CONSENT_COOKIE_LENGTH) return null;
  try {
    const parsed = ConsentCookieSchema.safeParse(JSON.parse(value));
    if (!parsed.success) return null;
    const categories = COOKIE_CATEGORIES.filter((c) => parsed.data.categories.includes(c));
    const first = parsed.data.consentTimestamp;
    const consentTimestamp = first && !Number.isNaN(Date.parse(first)) ? new Date(first).toISOString() : null;
    return { consentId: parsed.data.consentId, revision: parsed.data.revision, categories, consentTimestamp };
  } catch {
    return null;
  }
}

/** The JSON vanilla-cookieconsent writes (categories, services per category, timestamps…). */
export function buildConsentCookieValue(input: {
  consentId: string;
  revision: number;
  categories: CookieCategory[];
  language: string;
  firstConsentAt: string | null;
  now: Date;
}): string {
  const services = Object.fromEntries(
    COOKIE_CATEGORY_INFO.map((c) => [
      c.id,
      input.categories.includes(c.id) ? COOKIE_SERVICES.filter((s) => s.category === c.id).map((s) => s.id) : [],
    ]),
  );
  const nowIso = input.now.toISOString();
  return JSON.stringify({
    categories: input.categories,
    revision: input.revision,
    data: null,
    consentTimestamp: input.firstConsentAt ?? nowIso,
    consentId: input.consentId,
    services,
    languageCode: input.language,
    lastConsentTimestamp: nowIso,
    expirationTime: input.now.getTime() + CONSENT_MAX_AGE_DAYS * 86_400_000,
  });
}
