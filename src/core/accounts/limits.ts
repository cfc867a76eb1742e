// Every bound of the account area, named (SEC-03).
export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length; the bound keeps a request from making us hash megabytes. */
export const PASSWORD_MAX_LENGTH = 256;
export const EMAIL_MAX_LENGTH = 254; // RFC 5321 §4.5.3.1.3 path limit minus the angle brackets
export const NAME_MAX_LENGTH = 200;
export const POSTAL_ADDRESS_MAX_LENGTH = 500;
export const DECLARED_SENDING_MAX_LENGTH = 2000;
export const PRIVACY_POLICY_URL_MAX_LENGTH = 2000;
export const TOKEN_MAX_LENGTH = 200;

export const TOKEN_BYTES = 32;
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const VERIFY_EMAIL_TTL_MS = 48 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const API_KEY_PREFIX = 'ak_';
/** Characters of the key kept in clear so a person can tell keys apart in a list. */
export const API_KEY_VISIBLE_CHARS = 11;
export const API_KEY_NAME_MAX_LENGTH = 100;
export const API_KEY_MAX_SCOPES = 30;
export const MAX_ACTIVE_API_KEYS_PER_ACCOUNT = 50;
/** last_used_at is written at most this often per key, so API traffic does not write on every call. */
export const API_KEY_TOUCH_INTERVAL_MS = 60 * 1000;
/**
 * Scope names: `area:action` (e.g. `contacts:write`), or `*` for every scope. Each area checks its
 * own scope with requireAccount(request, 'area:action'); there is no central list to keep in sync.
 */
export const API_KEY_SCOPE_PATTERN = /^(\*|[a-z][a-z0-9-]{0,39}:[a-z][a-z0-9-]{0,19})$/;

export const OPERATOR_PASSWORD_BYTES = 18;
export const DEFAULT_OPERATOR_EMAIL = 'admin@assent.localhost';
