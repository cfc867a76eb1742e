// The SecondOpinion port over spamd (issue 9 §4): builds an RFC 5322 message from the campaign's
// content with nodemailer's MailComposer (multipart/alternative text + HTML, Date, Message-ID,
// MIME headers, so spamd does not score a bare fragment for missing headers) and asks spamd for
// SYMBOLS. Never throws for an outage: the client answers 'unavailable' with a reason. The
// preheader is not added again: the compiled HTML the review passes already carries it.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { SecondOpinion, SecondOpinionInput } from '../../core/content/second-opinion.ts';
import { createSpamdClient, parseSpamdUrl, type SpamdClient, type SpamdClientOptions } from './client.ts';

/** The envelope the composed message carries: a fixed reviewer identity, not the customer's. */
export const REVIEW_FROM = 'Assent content review <content-review@assent.localhost>';
export const REVIEW_TO = 'recipient@assent.localhost';

export async function composeReviewMessage(input: SecondOpinionInput, from: string = REVIEW_FROM): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: REVIEW_TO,
    subject: input.subject,
    ...(input.text ? { text: input.text } : {}),
    ...(input.html ? { html: input.html } : {}),
  });
  return composer.compile().build();
}

export function createSpamAssassinSecondOpinion(
  options: { url: string; from?: string } & Partial<Omit<SpamdClientOptions, 'host' | 'port'>>,
  client: SpamdClient = createSpamdClient({ ...parseSpamdUrl(options.url), ...options }),
): SecondOpinion {
  return {
    async check(input) {
      let message: Buffer;
      try {
        message = await composeReviewMessage(input, options.from);
      } catch (err) {
        return { status: 'unavailable', reason: 'protocol-error', detail: `could not compose the message: ${String(err)}` };
      }
      const result = await client.check(message);
      if (result.status !== 'checked') return result;
      return { engine: 'spamassassin', score: result.score, engineThreshold: result.threshold, rules: result.rules };
    },
  };
}
