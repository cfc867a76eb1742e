// Delivers one outbox row through the relay (ACC-07). Accepted → 'sent'; a permanent refusal
// (5xx) → 'failed'; a transient one (4xx, network) → attempts+1 and rethrow so the queue retries
// with back-off. Without a relay the row stays 'queued', visible to operators, never dropped.
import { AppError } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { AccountWriteGate } from '../standing/ports.ts';
import { MailSendError, type MailMessage, type MailTransport } from './ports.ts';
import {
  MAX_LAST_ERROR_LENGTH,
  SYSTEM_MAIL_RETRY_DELAY_SECONDS,
  SYSTEM_MAIL_RETRY_LIMIT,
  type OutboxRow,
  type SystemMailStore,
} from './types.ts';

export const NO_RELAY_NOTE = 'No SMTP relay is configured (SMTP_URL); the mail waits in the outbox.';
/** Mail sent in an account's name to its contacts (not platform mail to the account's people). */
export const ON_BEHALF_TEMPLATES: ReadonlySet<string> = new Set(['consent-confirm']);

/**
 * The message handed to the relay for one outbox row: the subject, text and HTML rendered (by
 * templates.ts) when the mail was queued, with the platform's From and our headers. The operator
 * outbox shows the same message (GET /api/v1/operator/outbox/:id).
 */
export function outboxMessage(row: OutboxRow, mailFrom: string): MailMessage {
  return {
    from: mailFrom,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    headers: { 'X-Assent-Mail': row.template, 'Auto-Submitted': 'auto-generated' },
  };
}

export interface SystemMailDelivery {
  /** `retriesLeft`: how many more times the queue will run this job after this try. */
  deliver(id: string, options?: { retriesLeft?: number }): Promise<'sent' | 'failed' | 'waiting' | 'skipped'>;
  readonly relayConfigured: boolean;
  /** Closes the relay connections (pooled). */
  close(): Promise<void>;
}

export function createSystemMailDelivery(deps: {
  store: SystemMailStore;
  transport: MailTransport | null;
  mailFrom: string;
  clock: Clock;
  logger: Logger;
  /** ACC-09: mail in a blocked or suspended account's name is not sent, even if queued before. */
  standing: AccountWriteGate;
}): SystemMailDelivery {
  const { store, transport, clock, logger } = deps;
  return {
    relayConfigured: transport !== null,
    close: async () => transport?.close(),
    async deliver(id, options = {}) {
      const row = await store.get(id);
      // Idempotent: a re-run after success (or for suppressed/held mail) does nothing.
      if (!row || row.status !== 'queued') return 'skipped';
      if (row.accountId && ON_BEHALF_TEMPLATES.has(row.template)) {
        try {
          await deps.standing.assertWriteAllowed(row.accountId);
        } catch (err) {
          // A standing that cannot be read throws on: the queue retries later (fail closed).
          if (!(err instanceof AppError) || err.kind !== 'forbidden') throw err;
          await store.markFailed(id, `Not sent: ${err.message}`.slice(0, MAX_LAST_ERROR_LENGTH));
          logger.warn({ id, accountId: row.accountId, code: err.code }, 'system mail not sent: account standing');
          return 'failed';
        }
      }
      if (!transport) {
        await store.markWaiting(id, NO_RELAY_NOTE);
        logger.warn({ id, template: row.template }, 'system mail waits: no SMTP relay configured');
        return 'waiting';
      }
      try {
        await transport.send(outboxMessage(row, deps.mailFrom));
      } catch (err) {
        const e =
          err instanceof MailSendError ? err : new MailSendError(String((err as Error)?.message ?? err), { permanent: false });
        const message = e.message.slice(0, MAX_LAST_ERROR_LENGTH);
        const retriesLeft = options.retriesLeft ?? SYSTEM_MAIL_RETRY_LIMIT;
        if (e.permanent || retriesLeft <= 0) {
          await store.markFailed(id, message);
          logger.warn({ id, code: e.responseCode }, 'system mail failed');
          return 'failed';
        }
        const attemptsSoFar = row.attempts + 1;
        const delayMs = SYSTEM_MAIL_RETRY_DELAY_SECONDS * 1000 * 2 ** Math.max(0, attemptsSoFar - 1);
        await store.markRetry(id, message, new Date(clock.now().getTime() + delayMs).toISOString());
        throw e;
      }
      await store.markSent(id, clock.now().toISOString());
      return 'sent';
    },
  };
}
