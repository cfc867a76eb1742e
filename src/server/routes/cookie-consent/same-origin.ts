// The no-JS settings form changes the visitor's consent cookie, so another site must not be able
// to submit it on the visitor's behalf (forcing an "accept all"). Browsers send Origin on every
// form POST (Fetch standard); we also accept a same-origin Referer, and fail closed otherwise.
import type { FastifyRequest } from 'fastify';
import { forbidden } from '../../../core/errors.ts';

export function assertSameOrigin(request: FastifyRequest): void {
  const host = request.headers.host;
  const source = request.headers.origin ?? request.headers.referer;
  let sourceHost: string | null = null;
  try {
    sourceHost = source && source !== 'null' ? new URL(source).host : null;
  } catch {
    sourceHost = null;
  }
  if (!host || !sourceHost || sourceHost !== host) {
    throw forbidden('CROSS_SITE_FORM', 'This form can only be sent from our own cookie policy page; open /legal/cookies and try again.');
  }
}
