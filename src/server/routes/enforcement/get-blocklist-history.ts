// GET /api/v1/operator/blocklists/:target — one IP's or domain's check history, newest first, and
// every listing it had (open and cleared) (BL-01..03).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { BlocklistCheckSchema, ListingSchema, MAX_HISTORY_CHECKS, MAX_LISTINGS } from './shapes.ts';

export function registerGetBlocklistHistory(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/blocklists/:target',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: "One IP's or domain's blocklist checks and listings over time",
        params: z.object({ target: z.string().min(1).max(255) }),
        response: {
          200: z.object({ target: z.string(), checks: z.array(BlocklistCheckSchema), listings: z.array(ListingSchema) }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const target = request.params.target.toLowerCase();
      const [checks, listings] = await Promise.all([
        deps.services.blocklists.history(target, MAX_HISTORY_CHECKS),
        deps.services.blocklists.listings({ target, limit: MAX_LISTINGS }),
      ]);
      return {
        target,
        checks: checks.map((r) => ({
          zone: r.zone,
          outcome: r.outcome,
          answer: r.answer,
          reason: r.reason,
          error: r.error,
          checkedAt: r.checkedAt,
        })),
        listings,
      };
    },
  );
}
