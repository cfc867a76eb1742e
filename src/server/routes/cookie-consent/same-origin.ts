// The no-JS settings form changes the visitor's consent cookie, so another site must not be able
// to submit it on the visitor's behalf (forcing an "accept all"). Modern browsers say where a
// request comes from in Sec-Fetch-Site (W3C Fetch Metadata); otherwise the Origin header, or a
// Referer, must name this host (our pages send Referrer-Policy: same-origin so it is there).
// Anything else fails closed.
import type { FastifyRequest } from 'fastify';
import { forbidden } from '../../../core/errors.ts';

export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin') return;
  if (site !== undefined) throw crossSite();
  const host = request.headers.host;
  const source = request.headers.origin ?? request.headers.referer;
  let same = false;
  try {
    if (host && source && source !== 'null') {
      const from = new URL(source);
      // Normalise the Host header the way URL does (a default port is dropped).
      same = from.host === new URL(`${from.protocol}//${host}`).host;
    }
  } catch {
    same = false;
  }
  if (!same) throw crossSite();
}

const crossSite = () =>
  forbidden('CROSS_SITE_FORM', 'This form can only be sent from our own cookie policy page; open /legal/cookies and try again.');
