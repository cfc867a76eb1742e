// The ContentReview seam (issue 9, CNT-01..05) over the content screen: the verdict binds to a
// hash of exactly what was screened, so any later byte of subject, preheader, body or format
// no longer matches it and the gate refuses 'content-unapproved' (CNT-05).
import { createHash } from 'node:crypto';
import type { Clock } from '../ports.ts';
import { screenContent, type ContentPolicy } from '../content/screen.ts';
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

export function createContentReview(deps: {
  clock: Clock;
  /** The policy to screen with (default: policy/content, or the operator's tuned one). */
  policy?: () => ContentPolicy | undefined;
  /** The account's declared industry (ACC-02 where it meets content). */
  declaredIndustry?: (accountId: string) => Promise<string | null>;
}): ContentReview {
  return {
    async review(c): Promise<ContentVerdict> {
      const declaredIndustry = deps.declaredIndustry ? await deps.declaredIndustry(c.accountId) : null;
      const result = screenContent(
        {
          channel: 'email',
          subject: c.subject,
          preheader: c.preheader,
          html: c.html,
          text: c.text,
          links: c.links,
          declaredIndustry,
        },
        deps.policy?.(),
      );
      return {
        decision: result.verdict,
        contentHash: contentHash(c),
        policyRevision: result.policyRevision,
        findings: result.findings,
        decidedAt: deps.clock.now().toISOString(),
        decidedBy: 'screen',
      };
    },
  };
}
