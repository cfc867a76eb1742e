// PUT /api/v1/operator/content-policy — save new overrides as a new revision (append-only, audited
// as 'content-policy.updated'); in effect for the next screen. Platform admins only: it changes what
// every account may send. Bad overrides: 400 CONTENT_POLICY_INVALID, nothing stored (CNT-01).
import { z } from 'zod';
import { CONTENT_POLICY_LIMITS } from '../../../core/content/policy-settings.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { ContentPolicyAnswerSchema, SECURITY, TAGS, toContentPolicyAnswer } from './schemas.ts';

export function registerUpdateContentPolicy(app: ZodApp, deps: AppDeps): void {
  app.put(
    '/api/v1/operator/content-policy',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Save content policy overrides (weights, thresholds, extra terms) as a new revision',
        // The overrides are checked by the settings service, so a bad one answers CONTENT_POLICY_INVALID.
        body: z.object({ overrides: z.unknown(), note: z.string().max(CONTENT_POLICY_LIMITS.maxNoteLength * 2) }).strict(),
        response: { 200: ContentPolicyAnswerSchema },
      },
      config: { standing: 'not-account' },
    },
    async (request) => {
      const auth = requireOperator(request, 'admin');
      const settings = deps.services.contentPolicy;
      const saved = await settings.update(auth.userId, request.body.overrides ?? {}, request.body.note);
      return toContentPolicyAnswer(saved, settings.base());
    },
  );
}
