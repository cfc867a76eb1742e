// Shared bits of the public form routes.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BotDefenceSettings } from '../../../core/forms/bot-defence.ts';
import type { RequestContext } from '../../../core/forms/signup.ts';
import { clientIp, userAgent } from '../../auth.ts';

export const FormParamsSchema = z.object({ formId: z.string().min(1).max(100) });

export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: clientIp(request), userAgent: userAgent(request) };
}

/** CON-11: the per-IP limit as @fastify/rate-limit route config; none when the setting is off. */
export function submissionRateLimit(settings: BotDefenceSettings) {
  return settings.submissionsPerIpPerMinute === null
    ? {}
    : { rateLimit: { max: settings.submissionsPerIpPerMinute, timeWindow: 60_000 } };
}
