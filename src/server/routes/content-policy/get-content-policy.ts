// GET /api/v1/operator/content-policy — the content policy in effect: its revision, the operator's
// overrides, and the built-in categories (ids, names, default thresholds) a settings screen shows (CNT-01).
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { ContentPolicyAnswerSchema, SECURITY, TAGS, toContentPolicyAnswer } from './schemas.ts';

export function registerGetContentPolicy(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api/v1/operator/content-policy',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'The content policy in effect, its overrides and the built-in categories',
        response: { 200: ContentPolicyAnswerSchema },
      },
      config: { standing: 'not-account' },
    },
    async (request) => {
      requireOperator(request);
      const settings = deps.services.contentPolicy;
      return toContentPolicyAnswer(await settings.current(), settings.base());
    },
  );
}
