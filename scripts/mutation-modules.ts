// The rule modules under mutation testing (stryker.config.mjs, scripts/mutation.ts): what is
// mutated, and the test files that exercise it (its unit tests and the closest integration tests;
// the whole suite would take hours per module).
export interface MutationModule {
  mutate: string[];
  tests: string[];
}

export const MUTATION_MODULES: Record<string, MutationModule> = {
  gate: {
    mutate: ['src/core/gate/**/*.ts'],
    tests: ['src/core/gate/**/*.test.ts', 'src/core/contacts/contacts.test.ts'],
  },
  consent: {
    mutate: ['src/core/consent/**/*.ts'],
    // Fast tests only (with the CLI proof tests and the HTTP intake test a run was on course for 40+ min):
    // the pure rules in unit tests, the ledger and the intake service on both engines in process.
    tests: [
      'src/core/consent/canonical.test.ts',
      'src/core/consent/verify.test.ts',
      'src/core/consent/projection.test.ts',
      'src/core/consent/proof-verify.test.ts',
      'src/core/consent/ledger-rules.test.ts',
      'src/core/consent/ledger.test.ts',
      'src/core/consent/ledger-proof.test.ts',
      'src/core/consent/intake.test.ts',
      'src/core/consent/growth.test.ts',
    ],
  },
  'sms-rules': {
    mutate: ['src/core/sms/keywords.ts', 'src/core/sms/quiet-hours.ts', 'src/core/sms/local-time.ts', 'src/core/sms/numbers.ts'],
    tests: [
      'src/core/sms/keywords.test.ts',
      'src/core/sms/quiet-hours.test.ts',
      'src/core/sms/local-time.test.ts',
      'src/core/sms/numbers.test.ts',
    ],
  },
  'sms-segments': {
    mutate: ['src/core/sms/segments.ts', 'src/core/sms/replies.ts'],
    tests: ['src/core/sms/segments.test.ts', 'src/core/sms/replies.test.ts'],
  },
  'forms-text': {
    mutate: ['src/core/forms/render-text.ts'],
    tests: ['src/core/forms/render-text.test.ts'],
  },
  'forms-rules': {
    mutate: ['src/core/forms/rules.ts'],
    tests: ['src/core/forms/rules.test.ts'],
  },
  provenance: {
    mutate: ['src/core/imports/provenance.ts'],
    tests: [
      'src/core/imports/provenance.test.ts',
      'src/core/imports/provenance.declaration.test.ts',
      'src/core/imports/imports.unit.test.ts',
    ],
  },
  review: {
    mutate: ['src/core/imports/review.ts'],
    tests: ['src/core/imports/review.test.ts', 'src/core/imports/import-flow.test.ts', 'src/core/imports/imports.unit.test.ts'],
  },
  standing: {
    mutate: ['src/core/standing/**/*.ts'],
    tests: ['src/core/standing/**/*.test.ts', 'src/server/standing-guard.test.ts', 'src/worker/import-standing.test.ts'],
  },
  blocklists: {
    mutate: ['src/core/blocklists/query.ts'],
    tests: [
      'src/core/blocklists/query.test.ts',
      'src/core/blocklists/query-edges.test.ts',
      'src/channels/dns/blocklist-client.test.ts',
    ],
  },
  reputation: {
    mutate: ['src/core/reputation/rates.ts'],
    tests: ['src/core/reputation/rates.unit.test.ts'],
  },
  trace: {
    mutate: [
      'src/core/enforcement/trace.ts',
      'src/core/enforcement/trace-keys.ts',
      'src/core/enforcement/mailboxes.ts',
      'src/core/enforcement/forwarded.ts',
    ],
    tests: ['src/core/enforcement/trace.unit.test.ts'],
  },
  'listing-response': {
    mutate: ['src/core/enforcement/listings.ts'],
    tests: ['src/core/enforcement/listings.unit.test.ts'],
  },
  tokens: {
    mutate: ['src/core/tokens/**/*.ts'],
    tests: ['src/core/tokens/**/*.test.ts', 'src/security/**/*.test.ts'],
  },
};
