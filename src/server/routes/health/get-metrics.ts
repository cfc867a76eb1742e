// GET /metrics — Prometheus metrics of this process.
import type { FastifyInstance } from 'fastify';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppDeps } from '../../deps.ts';

export const SEND_REFUSALS_METRIC = 'assent_send_refusals_total';

export function getMetrics(app: FastifyInstance, deps: AppDeps): void {
  // One registry per app instance so tests can build many apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // DEL-01: the gate's recorded refusals by reason and channel, as decided in this process
  // (`assent all`; a separate worker's refusals are in send_refusals, not on this /metrics).
  const refusals = new Counter({
    name: SEND_REFUSALS_METRIC,
    help: 'Recipients the send gate refused, by reason',
    labelNames: ['reason', 'channel'] as const,
    registers: [registry],
  });
  deps.services.gate.onRefusals((e) => {
    for (const [reason, n] of Object.entries(e.counts)) refusals.inc({ reason, channel: e.channel }, n);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.type(registry.contentType);
    return registry.metrics();
  });
}
