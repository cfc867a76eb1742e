// The operator's enforcement API: the complaint review queue, incidents, bounce events, inbound
// counts, blocklist status per IP and domain with its history.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerCloseIncident } from './close-incident.ts';
import { registerGetBlocklistHistory } from './get-blocklist-history.ts';
import { registerGetBlocklistStatus } from './get-blocklist-status.ts';
import { registerGetComplaint } from './get-complaint.ts';
import { registerGetInboundCounts } from './get-inbound-counts.ts';
import { registerListBounces } from './list-bounces.ts';
import { registerListComplaints } from './list-complaints.ts';
import { registerListIncidents } from './list-incidents.ts';
import { registerReviewComplaint } from './review-complaint.ts';

export function enforcementRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerListComplaints(app, deps);
    registerGetComplaint(app, deps);
    registerReviewComplaint(app, deps);
    registerListIncidents(app, deps);
    registerCloseIncident(app, deps);
    registerListBounces(app, deps);
    registerGetInboundCounts(app, deps);
    registerGetBlocklistStatus(app, deps);
    registerGetBlocklistHistory(app, deps);
  };
}
