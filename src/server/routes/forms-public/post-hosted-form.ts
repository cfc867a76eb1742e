// POST /f/<form>: a person's submission of the hosted page (or the embedded snippet's first step).
// Errors show the page again with the message, the values typed and the boxes ticked (in the same
// version; after a stale version every box comes back unchecked, to be read again).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { STATUS_BY_KIND } from '../../errors.ts';
import type { AppDeps } from '../../deps.ts';
import { FormParamsSchema, requestContext, type SubmissionLimit } from './http.ts';
import { formPage } from './render-form.ts';
import { messagePage, sendErrorPage, sendPage } from './shell.ts';
import { PAGE_STRINGS, pageLanguage } from './strings.ts';
import { UrlencodedBodySchema, fromUrlencoded } from './submission-input.ts';

const RE_SHOW_NOTICE: Record<string, 'staleVersion' | 'tooFast' | 'startInvalid'> = {
  FORM_VERSION_STALE: 'staleVersion',
  FORM_VERSION_REQUIRED: 'staleVersion',
  FORM_TOO_FAST: 'tooFast',
  FORM_START_INVALID: 'startInvalid',
  FORM_START_EXPIRED: 'startInvalid',
  FORM_START_USED: 'startInvalid',
};

export function postHostedForm(app: FastifyInstance, deps: AppDeps, limit: SubmissionLimit): void {
  const forms = deps.services.forms;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/f/:formId',
    {
      // A public form: the visitor has no session with us; the signed start stamp and the
      // per-IP limit guard it instead of a CSRF token.
      config: { csrf: false },
      ...limit,
      schema: { hide: true, params: FormParamsSchema, body: UrlencodedBodySchema },
    },
    async (request, reply) => {
      const { formId } = request.params;
      let published;
      try {
        published = await forms.published(formId);
      } catch (err) {
        return sendErrorPage(reply, 'en', PAGE_STRINGS.en.notFoundTitle, err);
      }
      const lang = pageLanguage(published.version.definition.language);
      const t = PAGE_STRINGS[lang];
      const { input, step, values, ticked } = fromUrlencoded(request.body);
      const sameVersion = input.version === published.version.version;
      const again = (status: number, extra: { errors?: Record<string, string>; notice?: string }) =>
        sendPage(
          reply,
          status,
          formPage({
            formId,
            version: published.version,
            startStamp: forms.startStamp(formId),
            values,
            ticked: sameVersion ? ticked : new Set(),
            sender: published.sender,
            ...extra,
          }),
        );

      if (step === 'continue') {
        // The embedded snippet's first step: the boxes are ticked here, on the hosted page.
        if ((input.honeypot ?? '') !== '') return sendPage(reply, 200, messagePage(lang, t.checkInboxTitle, t.checkInbox));
        return again(200, {});
      }
      try {
        const result = await forms.submit(formId, input, requestContext(request));
        if (result.kind === 'discarded' || result.doubleOptIn)
          return sendPage(reply, 200, messagePage(lang, t.checkInboxTitle, t.checkInbox));
        return sendPage(reply, 200, messagePage(lang, t.thanksTitle, t.thanks));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const status = STATUS_BY_KIND[err.kind];
        if (err.code === 'FORM_FIELDS_INVALID')
          return again(status, { errors: (err.details?.fields ?? {}) as Record<string, string> });
        const notice = RE_SHOW_NOTICE[err.code];
        if (notice) return again(status, { notice: t[notice] });
        return sendErrorPage(reply, lang, t.badRequestTitle, err);
      }
    },
  );
}
