// Shared rules for emails, passwords and single-use tokens.
import { invalid } from '../errors.ts';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits.ts';
import type { PasswordHasher } from './ports.ts';

/** Emails are compared lower-cased and trimmed; users.email is stored that way (unique). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function assertEmailShape(email: string): void {
  // The HTTP schema validates the syntax; this guards other callers (CLI, bootstrap).
  if (email.length > EMAIL_MAX_LENGTH || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw invalid('EMAIL_INVALID', 'This is not a valid email address.');
  }
}

export function assertPasswordRules(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalid('PASSWORD_TOO_SHORT', `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw invalid('PASSWORD_TOO_LONG', `A password may have at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
}

/**
 * A hash to verify against when the user does not exist, so that a wrong email and a wrong
 * password take the same time and get the same answer (SEC-01, no user enumeration).
 */
export function dummyHashOnce(hasher: PasswordHasher): () => Promise<string> {
  let pending: Promise<string> | null = null;
  return () => (pending ??= hasher.hash('assent-dummy-password-for-equal-timing'));
}

export function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}
