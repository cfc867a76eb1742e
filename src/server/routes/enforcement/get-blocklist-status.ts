// GET /api/v1/operator/blocklists — the blocklist status of every sending IP and domain checked in
// the latest daily run, zone by zone, and the listings still open (BL-01..03).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { BlocklistCheckSchema, ListingSchema, MAX_LISTINGS } from './shapes.ts';

export function registerGetBlocklistStatus(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/blocklists',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Blocklist status per IP and domain (the latest daily run) and the open listings',
        response: {
          200: z.object({
            checkedAt: z.string().nullable(),
            targets: z.array(
              z.object({
                target: z.string(),
                kind: z.enum(['ip', 'domain']),
                listed: z.boolean(),
                checks: z.array(BlocklistCheckSchema),
              }),
            ),
            open: z.array(ListingSchema),
          }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const [run, open] = await Promise.all([
        deps.services.blocklists.latestRun(),
        deps.services.blocklists.listings({ open: true, limit: MAX_LISTINGS }),
      ]);
      const byTarget = new Map<
        string,
        { target: string; kind: 'ip' | 'domain'; listed: boolean; checks: z.infer<typeof BlocklistCheckSchema>[] }
      >();
      for (const r of run?.rows ?? []) {
        const t = byTarget.get(r.target) ?? { target: r.target, kind: r.targetKind, listed: false, checks: [] };
        t.listed ||= r.outcome === 'listed';
        t.checks.push({
          zone: r.zone,
          outcome: r.outcome,
          answer: r.answer,
          reason: r.reason,
          error: r.error,
          checkedAt: r.checkedAt,
        });
        byTarget.set(r.target, t);
      }
      // Listed first, then by name.
      const targets = [...byTarget.values()].sort(
        (a, b) => Number(b.listed) - Number(a.listed) || a.target.localeCompare(b.target),
      );
      return { checkedAt: run?.checkedAt ?? null, targets, open };
    },
  );
}
