// GET /api/v1/public/forms/<form>: the published version for a custom front end — the exact
// texts it must show, their hashes, and a signed start stamp for the minimum fill time.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HONEYPOT_FIELD } from '../../../core/forms/bot-defence.ts';
import type { AppDeps } from '../../deps.ts';
import { FormParamsSchema } from './http.ts';
import { isHttpUrl } from '../../../core/forms/definition.ts';

const TextBox = z.object({ key: z.string(), text: z.string(), textHash: z.string() });
export const PublicFormSchema = z.object({
  formId: z.string(),
  version: z.number().int(),
  name: z.string(),
  language: z.string(),
  fields: z.array(z.object({ key: z.string(), required: z.boolean(), label: z.string().optional() })),
  boxes: z.array(TextBox.extend({ channel: z.enum(['email', 'sms']) })),
  partners: z.array(TextBox.extend({ name: z.string() })),
  terms: z.object({ key: z.literal('terms'), text: z.string(), url: z.string().nullable() }).nullable(),
  /** The account: a custom front end names it and links its privacy policy, as the hosted page does. */
  sender: z.object({ name: z.string(), privacyPolicyUrl: z.string().nullable() }).nullable(),
  startToken: z.string(),
  honeypotField: z.string(),
  minFillTimeMs: z.number().int(),
});

export function getPublicForm(app: FastifyInstance, deps: AppDeps): void {
  const forms = deps.services.forms;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/public/forms/:formId',
    {
      schema: {
        tags: ['forms (public)'],
        summary: 'The published form version for a custom front end',
        params: FormParamsSchema,
        response: { 200: PublicFormSchema },
      },
    },
    async (request, reply) => {
      const { formId } = request.params;
      const { version: v, sender } = await forms.published(formId);
      void reply.header('cache-control', 'no-store');
      return {
        formId,
        version: v.version,
        name: v.definition.name,
        language: v.definition.language,
        fields: v.definition.fields,
        boxes: v.rendered.boxes.map(({ key, channel, text, textHash }) => ({ key, channel, text, textHash })),
        partners: v.rendered.partners,
        // Only http(s) links leave the server, even from a version saved before that rule.
        terms: v.rendered.terms && {
          ...v.rendered.terms,
          url: v.rendered.terms.url && isHttpUrl(v.rendered.terms.url) ? v.rendered.terms.url : null,
        },
        sender: sender && {
          name: sender.name,
          privacyPolicyUrl: sender.privacyPolicyUrl && isHttpUrl(sender.privacyPolicyUrl) ? sender.privacyPolicyUrl : null,
        },
        startToken: forms.startStamp(formId),
        honeypotField: HONEYPOT_FIELD,
        minFillTimeMs: forms.botDefence.minFillTimeMs,
      };
    },
  );
}
