// POST /api/v1/contacts/:id/consent — consent obtained elsewhere, recorded by API. It REQUIRES
// evidence (CON-07, CON-10): the exact text the person agreed to, where it was given, and when.
// Stored as source type 'api' with the caller (user or API key) as source id.
import { z } from 'zod';
import { MAX_TEXT_SHOWN_LENGTH } from '../../../core/consent/ledger.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, IdParams } from '../contacts/schemas.ts';

export const RecordConsentBody = z
  .object({
    listId: z.string().min(1).max(100),
    /** The exact text the person agreed to. */
    textShown: z.string().trim().min(1).max(MAX_TEXT_SHOWN_LENGTH),
    /** Where consent was given, in words ("paper form at the Berlin store", "checkout page v3"). */
    source: z.string().trim().min(1).max(500),
    /** When consent was given (ISO-8601). */
    occurredAt: z.string().datetime({ offset: true }),
    ip: z.string().max(45).optional(),
    userAgent: z.string().max(512).optional(),
    language: z.string().max(35).optional(),
    partners: z.array(z.string().min(1).max(200)).max(10).optional(),
    formId: z.string().max(100).optional(),
    formVersion: z.number().int().min(1).optional(),
  })
  .strict();

export function registerRecordConsent(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts/:id/consent',
    { schema: { tags: ['consent'], summary: 'Record consent with its evidence', params: IdParams, body: RecordConsentBody } },
    async (request, reply) => {
      const auth = requireAccount(request, 'consent:write');
      const b = request.body;
      const list = await deps.services.lists.get(auth.accountId, b.listId);
      const [event] = await deps.services.consent.record(auth.accountId, [
        {
          contactId: request.params.id,
          listId: list.id,
          channel: list.channel,
          kind: 'granted',
          sourceType: 'api',
          sourceId: actorSourceId(auth),
          formId: b.formId ?? null,
          formVersion: b.formVersion ?? null,
          textShown: b.textShown,
          partners: b.partners,
          ip: b.ip ?? null,
          userAgent: b.userAgent ?? null,
          language: b.language ?? null,
          occurredAt: b.occurredAt,
          evidence: { source: b.source },
        },
      ]);
      return reply.status(201).send(event);
    },
  );
}
