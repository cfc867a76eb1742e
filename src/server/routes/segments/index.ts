// Segment routes: saved filters over attributes, consent and dates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerCreateSegment } from './create-segment.ts';
import { registerGetSegment } from './get-segment.ts';
import { registerListSegmentContacts } from './list-segment-contacts.ts';
import { registerListSegments } from './list-segments.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function segmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerCreateSegment(app, deps);
    registerListSegments(app, deps);
    registerGetSegment(app, deps);
    registerListSegmentContacts(app, deps);
  };
}
