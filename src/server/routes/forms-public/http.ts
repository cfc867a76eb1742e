// Shared bits of the public form routes.
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import type { BotDefenceSettings } from '../../../core/forms/bot-defence.ts';
import type { RequestContext } from '../../../core/forms/signup.ts';
import { clientIp, userAgent } from '../../auth.ts';

export const FormParamsSchema = z.object({ formId: z.string().min(1).max(100) });

export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: clientIp(request), userAgent: userAgent(request) };
}

/** Route options that apply the one per-IP submission limit (see `submissionLimit`). */
export interface SubmissionLimit {
  onRequest?: preHandlerAsyncHookHandler;
}

/**
 * CON-11: ONE per-IP submission limit for the hosted page and the JSON endpoint together — a bot
 * must not get the allowance twice by alternating them. Created once (forms-public/index.ts) and
 * given to both routes: one limiter is one counter. None when the setting is off (benchmarks).
 */
export function submissionLimit(app: FastifyInstance, settings: BotDefenceSettings): SubmissionLimit {
  if (settings.submissionsPerIpPerMinute === null) return {};
  return { onRequest: app.rateLimit({ max: settings.submissionsPerIpPerMinute, timeWindow: 60_000 }) };
}
