// Versions of the policy documents a customer accepts at signup (ACC-01). Bump a version when the
// text changes: acceptances store the version that was accepted.
export const TERMS_VERSION = '2026-11-01';
export const ANTI_SPAM_VERSION = '2026-11-01';
