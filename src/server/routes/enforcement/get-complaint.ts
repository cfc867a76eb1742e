// GET /api/v1/operator/complaints/:id — one complaint with the delivery it traced to, the campaign
// it is about and the start of the stored report, for the reviewer's decision (REP-03).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { CAMPAIGN_BODY_EXCERPT_CHARS, ComplaintSchema, IdParams, toComplaint } from './shapes.ts';
import { accountNameLookup } from '../operator/account-names.ts';

export function registerGetComplaint(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/complaints/:id',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'One complaint with the traced delivery, the campaign it is about and the report excerpt',
        params: IdParams,
        response: {
          200: z.object({
            complaint: ComplaintSchema,
            delivery: z
              .object({
                accountId: z.string(),
                campaignId: z.string(),
                contactId: z.string(),
                status: z.string(),
                bounceType: z.string().nullable(),
                messageId: z.string().nullable(),
                relay: z.string().nullable(),
                address: z.string().nullable(),
                fromDomain: z.string(),
                campaignName: z.string(),
              })
              .nullable(),
            campaign: z
              .object({
                id: z.string(),
                name: z.string(),
                subject: z.string(),
                fromEmail: z.string(),
                version: z.number(),
                bodyExcerpt: z.string(),
                bodyTruncated: z.boolean(),
              })
              .nullable(),
            report: z.object({ source: z.string(), receivedAt: z.string(), excerpt: z.string() }).nullable(),
          }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const { complaint, delivery, campaign, report } = await deps.services.enforcement.complaintDetail(request.params.id);
      return {
        complaint: toComplaint(complaint, await names([complaint.accountId])),
        delivery: delivery
          ? {
              accountId: delivery.accountId,
              campaignId: delivery.campaignId,
              contactId: delivery.contactId,
              status: delivery.status,
              bounceType: delivery.bounceType,
              messageId: delivery.messageId,
              relay: delivery.relay,
              address: delivery.address,
              fromDomain: delivery.fromDomain,
              campaignName: delivery.campaignName,
            }
          : null,
        campaign: campaign
          ? {
              id: campaign.id,
              name: campaign.name,
              subject: campaign.subject,
              fromEmail: campaign.fromEmail,
              version: campaign.version,
              bodyExcerpt: campaign.body.slice(0, CAMPAIGN_BODY_EXCERPT_CHARS),
              bodyTruncated: campaign.body.length > CAMPAIGN_BODY_EXCERPT_CHARS,
            }
          : null,
        report: report ? { source: report.source, receivedAt: report.receivedAt, excerpt: report.excerpt } : null,
      };
    },
  );
}
