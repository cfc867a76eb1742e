// Who may read GET /metrics. The figures (process, queue, refusals by reason) are operational
// detail an outsider has no business with. With METRICS_TOKEN set, the scraper sends
// `Authorization: Bearer <token>` (compared in constant time). Without it, only a caller on this
// machine is answered: the socket is loopback and no proxy forwarded the request (a reverse proxy
// on the same host connects from loopback too, and adds X-Forwarded-For).
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../../../core/errors.ts';
import { safeEqual } from '../../../core/tokens/constant-time.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

/** An onRequest hook for the /metrics route. */
export function metricsAccess(token: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    if (token) {
      const given = BEARER.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
      if (!safeEqual(given, token))
        throw unauthenticated('METRICS_TOKEN_INVALID', 'Send the metrics token as Authorization: Bearer <token>.');
      return;
    }
    const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    if (forwarded || !isLoopback(request.socket.remoteAddress)) {
      throw forbidden(
        'METRICS_LOOPBACK_ONLY',
        'Metrics are served to this machine only; set METRICS_TOKEN to scrape them remotely.',
      );
    }
  };
}
