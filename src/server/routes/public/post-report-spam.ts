// POST /report-spam: the report form of the public "Report spam" page (ABU-01), a plain
// urlencoded post that works without JavaScript. A valid report is handed to the inbound intake
// (receiveReport: stored, then queued for ABU-02's processing), then the browser is sent with a
// 303 to GET /report-spam?sent=1, which shows the thanks (post/redirect/get: reloading the
// thank-you page sends nothing twice). Bad input shows the form again with 400, a message per
// field and what was typed.
//
// Bot defences are the public forms' own (CON-11, src/core/forms/bot-defence.ts,
// src/server/routes/forms-public/), with the same outcomes:
//   - the honeypot field: filled in → the same answer as a success (the redirect to the thanks),
//     and nothing is stored;
//   - the signed start stamp of the page load: missing, forged or older than a day → the form
//     again (400); sent faster than a person can fill it in → the form again (400, FORM_TOO_FAST);
//   - a start stamp buys one report (used_start_stamps): a replay → the form again (409);
//   - the per-IP submission limit (submissionLimit, the forms' setting) → 429.
// CSRF: like the public forms (post-hosted-form.ts), `csrf: false`: the visitor has no session
// with us and the report changes nothing of theirs; the start stamp and the per-IP limit guard
// the endpoint instead of a CSRF token.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { HONEYPOT_FIELD, checkStartStamp, spendStartStamp } from '../../../core/forms/bot-defence.ts';
import { MAX_EMAIL_LENGTH, normalizeEmail } from '../../../core/suppression/address.ts';
import { createUsedStartStampStore } from '../../../db/repositories/used-start-stamps.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS_BY_KIND } from '../../errors.ts';
import { REPORT_SPAM, type ReportFormText } from '../../public/content/report-spam.ts';
import type { PageContext } from '../../public/layout.ts';
import {
  MAX_REPORT_COMMENT_CHARS,
  MAX_REPORT_MESSAGE_CHARS,
  REPORT_FIELDS,
  REPORT_SPAM_PATH,
  reportSpamPage,
  type ReportField,
} from '../../public/pages/report-spam.ts';
import type { SubmissionLimit } from '../forms-public/http.ts';
import { START_FIELD } from '../forms-public/render-form.ts';
import { REPORT_FORM_STAMP_ID } from './get-report-spam-page.ts';
import { requestPageContext, sendPage } from './page-context.ts';

/**
 * Worst case of an urlencoded body holding the longest message and comment: a UTF-16 code unit is
 * at most 3 UTF-8 bytes, each percent-encoded as 3 characters; plus room for the other fields.
 */
export const MAX_REPORT_BODY_BYTES = (MAX_REPORT_MESSAGE_CHARS + MAX_REPORT_COMMENT_CHARS) * 9 + 16_384;

// Lenient on purpose: each value is checked below, so a wrong one shows the form with a message
// instead of a bare 400. A repeated name (an array) counts by its first value.
const Value = z.union([z.string(), z.array(z.string()).max(10)]).optional();
const ReportBodySchema = z.object({
  [REPORT_FIELDS.message]: Value,
  [REPORT_FIELDS.email]: Value,
  [REPORT_FIELDS.comment]: Value,
  [REPORT_FIELDS.lang]: Value,
  [START_FIELD]: Value,
  [HONEYPOT_FIELD]: Value,
});

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** Which notice the form shows again for a refused start stamp (the public forms' codes). */
const STAMP_NOTICE: Record<string, keyof Pick<ReportFormText, 'tooFast' | 'startInvalid' | 'startUsed'>> = {
  FORM_TOO_FAST: 'tooFast',
  FORM_START_INVALID: 'startInvalid',
  FORM_START_EXPIRED: 'startInvalid',
  FORM_START_USED: 'startUsed',
};

export function fieldErrors(
  t: ReportFormText,
  v: Record<ReportField, string>,
): { errors: Partial<Record<ReportField, string>>; email: string | null } {
  const errors: Partial<Record<ReportField, string>> = {};
  if (v.message.trim() === '') errors.message = t.errors.messageRequired;
  else if (v.message.length > MAX_REPORT_MESSAGE_CHARS) errors.message = t.errors.messageTooLong(MAX_REPORT_MESSAGE_CHARS);
  const email = v.email.length > MAX_EMAIL_LENGTH * 2 ? null : normalizeEmail(v.email);
  if (v.email.trim() === '') errors.email = t.errors.emailRequired;
  else if (!email) errors.email = t.errors.emailInvalid;
  if (v.comment.length > MAX_REPORT_COMMENT_CHARS) errors.comment = t.errors.commentTooLong(MAX_REPORT_COMMENT_CHARS);
  return { errors, email };
}

export function postReportSpam(app: FastifyInstance, deps: AppDeps, limit: SubmissionLimit): void {
  const forms = deps.services.forms;
  const usedStartStamps = createUsedStartStampStore(deps.database);
  app.withTypeProvider<ZodTypeProvider>().post(
    REPORT_SPAM_PATH,
    {
      config: { csrf: false },
      ...limit,
      bodyLimit: MAX_REPORT_BODY_BYTES,
      schema: { hide: true, body: ReportBodySchema },
    },
    async (request, reply) => {
      const body = request.body;
      const lang = one(body[REPORT_FIELDS.lang]);
      const ctx = requestPageContext(request, { lang: lang || undefined });
      const t = REPORT_SPAM[ctx.lang].form;
      const values: Record<ReportField, string> = {
        message: one(body[REPORT_FIELDS.message]),
        email: one(body[REPORT_FIELDS.email]),
        comment: one(body[REPORT_FIELDS.comment]),
      };
      const sent = () => reply.redirect(`${REPORT_SPAM_PATH}?sent=1&lang=${ctx.lang}#report-form`, 303);
      const again = (status: number, extra: { errors?: Partial<Record<ReportField, string>>; notice?: string }) =>
        showForm(reply, status, ctx, deps.config.abuseEmail, {
          startStamp: forms.startStamp(REPORT_FORM_STAMP_ID),
          values,
          ...extra,
        });

      // CON-11: honeypot first, so a bot learns nothing from the other checks; it gets a success.
      if (one(body[HONEYPOT_FIELD]) !== '') return sent();
      const secret = deps.config.secret;
      if (!secret) throw new Error('report-spam: the signing secret is not resolved (compose.ts)');
      const now = deps.clock.now();
      const stamp = one(body[START_FIELD]);
      let expiresAt: string;
      try {
        ({ expiresAt } = checkStartStamp(secret, forms.botDefence, REPORT_FORM_STAMP_ID, stamp, now));
      } catch (err) {
        return refused(err);
      }
      const { errors, email } = fieldErrors(t, values);
      if (Object.keys(errors).length > 0 || !email) return again(400, { errors });
      try {
        // Spent only by a valid report: fixing the fields and sending again works. (Not in one
        // unit of work with the intake: a failed store leaves the page spent; reloading fixes it.)
        await spendStartStamp(usedStartStamps, forms.botDefence, { stamp, formId: REPORT_FORM_STAMP_ID, expiresAt }, now);
      } catch (err) {
        return refused(err);
      }
      await deps.services.inbound.receiveReport({
        message: values.message,
        reporterEmail: email,
        comment: values.comment.trim(),
        remoteAddress: request.ip,
      });
      return sent();

      function refused(err: unknown) {
        const notice = err instanceof AppError ? STAMP_NOTICE[err.code] : undefined;
        if (!(err instanceof AppError) || !notice) throw err;
        return again(STATUS_BY_KIND[err.kind], { notice: t[notice] });
      }
    },
  );
}

function showForm(
  reply: FastifyReply,
  status: number,
  ctx: PageContext,
  abuseEmail: string,
  state: Parameters<typeof reportSpamPage>[2],
): FastifyReply {
  return sendPage(reply.status(status).header('cache-control', 'no-store'), reportSpamPage(ctx, abuseEmail, state));
}
