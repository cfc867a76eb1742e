// Route options shared by the public cookie-consent endpoints.
//
// CSRF exemption, on purpose: these endpoints act for no session and change nothing that belongs
// to the caller's account — they append a row to the consent log (and the form sets the visitor's
// own consent cookie). The JSON endpoint cannot be posted cross-site without a CORS preflight
// (application/json), and the no-JS form checks that the request comes from our own pages
// (same-origin.ts). The opt-out is the route config `csrf: false` that
// src/server/routes/auth/resolve-auth.ts honours.

/** CK-05 bodies are a few hundred bytes; anything much larger is refused with 413. */
export const MAX_COOKIE_CONSENT_BODY_BYTES = 2048;
/** Choices per IP per minute (a person makes a handful; a loop makes thousands). */
export const COOKIE_CONSENT_RATE_LIMIT_PER_MINUTE = 60;

export const publicConsentRouteConfig = {
  csrf: false,
  rateLimit: { max: COOKIE_CONSENT_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
} as const;
