// The second-opinion port (issue 9 §4): an independent content check beside the embedded screen,
// e.g. SpamAssassin's spamd (src/channels/spamd). Optional: without one the screen's verdict
// stands alone. An adapter never throws for an outage of its engine: it answers 'unavailable'
// with a classified reason, and the review records that the second opinion could not be had.

/** The content the second opinion looks at; the adapter builds its own message from it. */
export interface SecondOpinionInput {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

/** Why no second opinion: the engine could not be reached, did not answer in time, answered garbage, or the message was over its size cap (skipped, never truncated). */
export const SECOND_OPINION_UNAVAILABLE = ['unreachable', 'timeout', 'protocol-error', 'too-large'] as const;
export type SecondOpinionUnavailableReason = (typeof SECOND_OPINION_UNAVAILABLE)[number];

export type SecondOpinionResult =
  | {
      engine: 'spamassassin';
      /** The engine's score for the message. */
      score: number;
      /** The limit the verdict applied (SPAMD_MAX_SCORE): a score over it holds an allowed campaign. */
      threshold: number;
      /** The engine's own spam threshold (spamd's required_score), for the record. */
      engineThreshold: number;
      /** The rule names that hit, as the engine names them (e.g. GTUBE, MISSING_DATE). */
      rules: string[];
    }
  | { status: 'unavailable'; reason: SecondOpinionUnavailableReason; detail: string };

/** What an adapter answers: the check without the policy's limit (the review adds it). */
export type SecondOpinionCheck =
  | { engine: 'spamassassin'; score: number; engineThreshold: number; rules: string[] }
  | { status: 'unavailable'; reason: SecondOpinionUnavailableReason; detail: string };

export interface SecondOpinion {
  check(input: SecondOpinionInput): Promise<SecondOpinionCheck>;
}

/** The policy's default limit on the second opinion's score (spamd's own default required_score). */
export const DEFAULT_SECOND_OPINION_MAX_SCORE = 5.0;
