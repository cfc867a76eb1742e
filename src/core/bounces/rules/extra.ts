// Phrases of our own beside sisimai's tables (rules/phrases.ts): reasons whose sisimai rules are
// code rather than a list, and wording seen in the corpus. Lower case; matched with includes().
export const EXTRA_PHRASES: Readonly<Record<string, readonly string[]>> = {};
