// The ContentReview seam (issue 9, CNT-01..05) over the content screen: the verdict binds to a
// hash of exactly what was screened, so any later byte of subject, preheader, body or format
// no longer matches it and the gate refuses 'content-unapproved' (CNT-05).
// With a second opinion configured (SpamAssassin's spamd, issue 9 §4) its result is recorded on
// the verdict; a score over the policy's limit turns 'allow' into 'hold' (never 'reject' into
// anything milder) with a 'spam-score' finding; unavailable, the screen's verdict stands.
import { createHash } from 'node:crypto';
import type { Clock } from '../ports.ts';
import { screenContent, type ContentPolicy, type Finding } from '../content/screen.ts';
import {
  DEFAULT_SECOND_OPINION_MAX_SCORE,
  type SecondOpinion,
  type SecondOpinionInput,
  type SecondOpinionResult,
} from '../content/second-opinion.ts';
import type { Campaign, ContentReview, ContentVerdict } from './types.ts';

/** sha256 hex over the content fields, each length-prefixed so no two contents collide by concatenation. */
export function contentHash(c: Pick<Campaign, 'subject' | 'preheader' | 'body' | 'format'>): string {
  const h = createHash('sha256');
  for (const part of [c.format, c.subject, c.preheader, c.body]) {
    h.update(`${Buffer.byteLength(part, 'utf8')}:`);
    h.update(part, 'utf8');
  }
  return h.digest('hex');
}

/** The finding a second opinion over the policy's limit adds: the reviewer sees the score, the limit and the engine's rules. */
export interface SpamScoreFinding extends Finding {
  category: 'spam-score';
  rule: 'spamassassin';
  threshold: number;
  rules: string[];
}

export function createContentReview(deps: {
  clock: Clock;
  /** The policy to screen with (default: policy/content, or the operator's tuned one, read from its store). */
  policy?: () => ContentPolicy | undefined | Promise<ContentPolicy | undefined>;
  /** The account's declared industry (ACC-02 where it meets content). */
  declaredIndustry?: (accountId: string) => Promise<string | null>;
  /** An independent second opinion (spamd); absent: the embedded screen alone. */
  secondOpinion?: SecondOpinion;
  /** The policy's limit on the second opinion's score (SPAMD_MAX_SCORE; default 5.0). */
  secondOpinionMaxScore?: number;
}): ContentReview {
  const maxScore = deps.secondOpinionMaxScore ?? DEFAULT_SECOND_OPINION_MAX_SCORE;
  async function askSecondOpinion(port: SecondOpinion, input: SecondOpinionInput): Promise<SecondOpinionResult> {
    try {
      const r = await port.check(input);
      return 'engine' in r ? { ...r, threshold: maxScore } : r;
    } catch (err) {
      // The port promises not to throw; if an adapter does, the screen's verdict still stands.
      return { status: 'unavailable', reason: 'protocol-error', detail: `the second opinion failed: ${String(err)}` };
    }
  }

  return {
    async review(c): Promise<ContentVerdict> {
      const declaredIndustry = deps.declaredIndustry ? await deps.declaredIndustry(c.accountId) : null;
      const policy = await deps.policy?.();
      // An SMS campaign is screened as its text alone, with the same policy: the lexicons, the
      // link rules (shorteners, look-alike and blocked domains) over the bare URLs in the text and
      // the deception rules that apply to text. SpamAssassin judges email only.
      const sms = c.channel === 'sms';
      const result = screenContent(
        sms
          ? { channel: 'sms', text: c.body, declaredIndustry }
          : {
              channel: 'email',
              subject: c.subject,
              preheader: c.preheader,
              html: c.html,
              text: c.text,
              links: c.links,
              declaredIndustry,
            },
        policy,
      );
      let decision = result.verdict;
      const findings: (Finding | SpamScoreFinding)[] = [...result.findings];
      const secondOpinion =
        deps.secondOpinion && !sms
          ? await askSecondOpinion(deps.secondOpinion, { subject: c.subject, preheader: c.preheader, html: c.html, text: c.text })
          : undefined;
      if (secondOpinion && 'engine' in secondOpinion && secondOpinion.score > maxScore) {
        if (decision === 'allow') decision = 'hold';
        findings.push({
          category: 'spam-score',
          rule: secondOpinion.engine,
          spans: [],
          score: secondOpinion.score,
          threshold: maxScore,
          rules: secondOpinion.rules,
        });
      }
      return {
        decision,
        contentHash: contentHash(c),
        policyRevision: result.policyRevision,
        findings,
        decidedAt: deps.clock.now().toISOString(),
        decidedBy: 'screen',
        ...(secondOpinion ? { secondOpinion } : {}),
      };
    },
  };
}
