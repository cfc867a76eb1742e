// The cookie consent log (migration 0004, CK-05): one append-only row per choice.
import type { Generated } from 'kysely';

export interface CookieConsentsTable {
  /** Orders the log (bigserial / integer primary key). */
  seq: Generated<number>;
  id: string;
  /** The banner's consentId (UUID) kept in the visitor's cc_cookie. */
  consent_id: string;
  created_at: string;
  /** Cookie policy revision the choice answered (policy/cookies.ts). */
  revision: number;
  /** JSON array of accepted categories (always includes 'necessary'). */
  categories: string;
  /** JSON array of accepted service ids. */
  services: string;
  /** 'accept-all' | 'reject-all' | 'custom' | 'dismiss' */
  action: string;
  /** The language the banner or form was shown in (I18N-01). */
  language: string;
  /** 'banner' (JavaScript) | 'form' (the no-JS settings form) */
  source: string;
  user_agent: string;
  /** Truncated: IPv4 /24, IPv6 /48. Never the full address. */
  ip: string;
}

export interface CookieConsentTables {
  cookie_consents: CookieConsentsTable;
}
