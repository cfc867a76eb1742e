// POST /api/v1/operator/incidents/:id/close — close an incident with a note (audited) (BL-03).
import { z } from 'zod';
import { MAX_AUDIT_REASON_LENGTH } from '../../../core/audit/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, operatorActor, type ZodApp } from '../operator/shapes.ts';
import { IdParams, IncidentSchema, toIncident } from './shapes.ts';
import { accountNameLookup } from '../operator/account-names.ts';

export function registerCloseIncident(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.post(
    '/api/v1/operator/incidents/:id/close',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Close an open incident (409 INCIDENT_CLOSED when closed already)',
        params: IdParams,
        body: z.object({ note: z.string().max(MAX_AUDIT_REASON_LENGTH) }).strict(),
        response: { 200: IncidentSchema },
      },
    },
    async (request) => {
      const auth = requireOperator(request, 'reviewer');
      const row = await deps.services.enforcement.closeIncident(request.params.id, request.body.note, operatorActor(auth));
      return toIncident(row, await names([row.accountId]));
    },
  );
}
