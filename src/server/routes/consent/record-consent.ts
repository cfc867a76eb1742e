// POST /api/v1/contacts/:id/consent — consent obtained elsewhere, recorded by API. It REQUIRES
// evidence (CON-07, CON-10): the exact text the person agreed to and when, and meets the one
// intake policy (CON-13, src/core/consent/intake.ts): the source declared from the import
// catalogue with the attestation; on a double opt-in list a confirmation mail unless the
// confirmation evidence is given; review by volume; a per-account rate limit; no future times.
// Stored as source type 'api' with the caller (user or API key) as source id.
import { z } from 'zod';
import { MAX_SOURCE_DESCRIPTION_LENGTH } from '../../../../policy/imports.ts';
import { MAX_TEXT_SHOWN_LENGTH } from '../../../core/consent/ledger.ts';
import { clientIp, requireAccount, userAgent } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, IdParams } from '../contacts/schemas.ts';

export const RecordConsentBody = z
  .object({
    listId: z.string().min(1).max(100),
    /** The exact text the person agreed to. */
    textShown: z.string().trim().min(1).max(MAX_TEXT_SHOWN_LENGTH),
    /** Where the address came from, from the import catalogue (signup-form, event, customers, other). */
    source: z.string().trim().min(1).max(100),
    /** Where consent was given, in words ("paper form at the Berlin store"); required for 'other'. */
    sourceDescription: z.string().max(MAX_SOURCE_DESCRIPTION_LENGTH).optional(),
    /** The attestation every import ticks: no address bought, rented, borrowed, scraped … */
    attest: z.boolean(),
    /** When consent was given (ISO-8601); not in the future. */
    occurredAt: z.string().datetime({ offset: true }),
    ip: z.string().max(45).optional(),
    userAgent: z.string().max(512).optional(),
    language: z.string().max(35).optional(),
    partners: z.array(z.string().min(1).max(200)).max(10).optional(),
    formId: z.string().max(100).optional(),
    formVersion: z.number().int().min(1).optional(),
    /** Double opt-in evidence (like CONFIRM_TIME / CONFIRM_IP): both, or neither. */
    confirmedAt: z.string().datetime({ offset: true }).optional(),
    confirmIp: z.string().max(45).optional(),
    confirmUserAgent: z.string().max(512).optional(),
  })
  .strict();

export function registerRecordConsent(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts/:id/consent',
    { schema: { tags: ['consent'], summary: 'Record consent with its evidence', params: IdParams, body: RecordConsentBody } },
    async (request, reply) => {
      const auth = requireAccount(request, 'consent:write');
      const b = request.body;
      const result = await deps.services.consentIntake.recordApiConsent({
        accountId: auth.accountId,
        contactId: request.params.id,
        listId: b.listId,
        textShown: b.textShown,
        declaration: { source: b.source, sourceDescription: b.sourceDescription ?? null, attest: b.attest },
        who: {
          at: deps.clock.now().toISOString(),
          userId: auth.userId ?? null,
          ip: clientIp(request) || null,
          userAgent: userAgent(request) || null,
        },
        sourceId: actorSourceId(auth),
        occurredAt: b.occurredAt,
        ip: b.ip ?? null,
        userAgent: b.userAgent ?? null,
        language: b.language ?? null,
        partners: b.partners,
        formId: b.formId ?? null,
        formVersion: b.formVersion ?? null,
        confirmedAt: b.confirmedAt ?? null,
        confirmIp: b.confirmIp ?? null,
        confirmUserAgent: b.confirmUserAgent ?? null,
      });
      return reply.status(201).send(result);
    },
  );
}
