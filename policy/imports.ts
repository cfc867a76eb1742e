// The import policy as data (IMP-01, IMP-04, IMP-05): declared sources, refused sources with the
// policy clause each one breaks, the attestation text, and every review / risk threshold. The
// import service reads only this file for these numbers; change them here.

/** Sources a customer may declare (IMP-01). 'other' must be described. */
export const ALLOWED_SOURCES = ['signup-form', 'event', 'customers', 'other'] as const;
export type ImportSource = (typeof ALLOWED_SOURCES)[number];

/** Sources refused outright, each with the clause of the anti-spam policy it breaks (IMP-01). */
export const REFUSED_SOURCES = {
  purchased:
    'Assent Anti-Spam Policy, section 4 (/legal/anti-spam#no-rented-lists): no rented or purchased lists; and section 3, item 2: no address bought from anyone.',
  rented: 'Assent Anti-Spam Policy, section 4 (/legal/anti-spam#no-rented-lists): no rented or purchased lists.',
  borrowed:
    'Assent Anti-Spam Policy, section 3, item 2 (/legal/anti-spam#list-sources): no address borrowed or obtained from a third party.',
  'third-party':
    'Assent Anti-Spam Policy, section 3, item 2 (/legal/anti-spam#list-sources): no address obtained from a third party, whatever it says about permission.',
  'web-scraped':
    'Assent Anti-Spam Policy, section 3, item 3 (/legal/anti-spam#list-sources): no address copied from websites or collected from the internet in any other way.',
  'social-network':
    'Assent Anti-Spam Policy, section 8 (/legal/anti-spam#high-risk): no contacts taken from LinkedIn or another professional social network.',
} as const satisfies Record<string, string>;
export type RefusedSource = keyof typeof REFUSED_SOURCES;

/** 'other' needs a description at least this long, so a reviewer can judge it. */
export const MIN_SOURCE_DESCRIPTION_LENGTH = 20;
export const MAX_SOURCE_DESCRIPTION_LENGTH = 2_000;

/** The attestation the customer ticks (a separate, unticked box). Bump the version when the text changes. */
export const ATTESTATION_VERSION = 1;
export const ATTESTATION_TEXT =
  'I confirm that every address in this file gave us its permission directly. None was bought, rented, ' +
  'borrowed, taken from a third party, copied from the web or taken from a professional social network.';

/** IMP-05: imports with more rows than this are held for review. */
export const IMPORT_REVIEW_ROW_THRESHOLD = 1_000;
/** IMP-05: imports larger than this multiple of the account's verified (sendable) contacts are held … */
export const IMPORT_REVIEW_GROWTH_FACTOR = 5;
/** … when they also have at least this many rows (a first small import is not "large"). */
export const IMPORT_REVIEW_GROWTH_MIN_ROWS = 200;
/** IMP-05: imports whose risk score reaches this are held. */
export const IMPORT_REVIEW_RISK_SCORE = 40;

/** IMP-04: consent older than this is "old consent". */
export const OLD_CONSENT_MONTHS = 24;
/** IMP-04: this many consent times within one second counts as "many in one second". */
export const SAME_SECOND_CLUSTER = 20;

/**
 * IMP-04 risk weights: each reason contributes weight × strength (strength 0..1, from the share
 * of rows showing it); the score is the capped sum, 0..100.
 */
export const RISK_WEIGHTS = {
  'role-addresses': 25,
  'disposable-addresses': 25,
  'sequential-local-parts': 35,
  'identical-consent-dates': 20,
  'missing-consent-dates': 15,
  'implausible-consent-dates': 20,
  'consent-predates-account': 10,
  'suppressed-elsewhere': 30,
  'scraping-artefacts': 35,
  'generic-mailboxes-many-domains': 20,
  'old-consent': 15,
} as const;
export type RiskReason = keyof typeof RISK_WEIGHTS;

/**
 * The share of rows at which a reason gives its full weight; below it the points grow linearly.
 * (Size against verified contacts is a hold reason of its own, IMP-05, and scores no points:
 * one fact is counted once.)
 */
export const RISK_SATURATION: Record<RiskReason, number> = {
  'role-addresses': 0.3,
  'disposable-addresses': 0.1,
  'sequential-local-parts': 0.2,
  'identical-consent-dates': 0.5,
  'missing-consent-dates': 1,
  'implausible-consent-dates': 0.1,
  'consent-predates-account': 0.5,
  'suppressed-elsewhere': 0.05,
  'scraping-artefacts': 0.05,
  'generic-mailboxes-many-domains': 0.3,
  'old-consent': 0.5,
};

/** Below this share of rows a signal is noise and scores nothing. */
export const RISK_MIN_SHARE = 0.02;
/** Consent claimed before this time is implausible (a default or epoch value, not a sign-up). */
export const MIN_PLAUSIBLE_CONSENT_TIME = '1995-01-01T00:00:00.000Z';
/** Consent claimed later than this after the upload is "in the future" (clock skew allowance). */
export const FUTURE_CONSENT_TOLERANCE_MS = 24 * 3600 * 1000;
/** A local-part group (prefix + number within one domain) of at least this size can be "sequential". */
export const SEQUENTIAL_MIN_GROUP = 5;
/**
 * … and is sequential when its numbers span at most this many times its size: client3, client17,
 * client40 … drawn from 0–799 is a generated list as much as client1, client2, client3 is.
 */
export const SEQUENTIAL_MAX_SPREAD = 20;
/** Generic mailboxes (info@, webmaster@ …) across at least this many domains are "many unrelated domains". */
export const GENERIC_MIN_DOMAINS = 10;

/**
 * IMP-01: words in a source description that say the addresses were acquired rather than given,
 * in English and Romanian, per refused source. Matched on the description lower-cased with
 * diacritics removed: a single word matches any word that starts with it (a stem: "purchas"
 * matches purchased, purchasing), a phrase of several words matches those words in order.
 * A description naming one is refused like the source itself, whatever source was declared.
 */
export const REFUSED_DESCRIPTION_TERMS: Record<RefusedSource, readonly string[]> = {
  purchased: ['bought', 'purchas', 'cumparat', 'achizitionat'],
  rented: ['rent', 'leased', 'inchiri'],
  borrowed: ['borrow', 'loaned', 'imprumut'],
  'third-party': [
    'broker',
    'list vendor',
    'data vendor',
    'list provider',
    'data provider',
    'third party',
    'furnizor de liste',
    'terti',
    'terta parte',
  ],
  'web-scraped': [
    'scrape',
    'scraping',
    'harvest',
    'crawled',
    'crawler',
    'extracted from',
    'colectat de pe',
    'colectate de pe',
    'extrase de pe',
  ],
  'social-network': ['linkedin', 'sales navigator'],
};
