// Stores every system mail in the outbox, then queues its delivery (ACC-07). Feature news to an
// account that turned it off is stored as 'suppressed' and never queued; critical mail always goes.
import { z } from 'zod';
import type { AuditLog } from '../audit/types.ts';
import { invalid, notFound } from '../errors.ts';
import type { Clock, Logger, Queue } from '../ports.ts';
import type { SystemMailCategory, SystemMailRequest } from './ports.ts';
import { DEFAULT_CATEGORY, isTemplateId, mailLanguage, type TemplateRenderer } from './templates.ts';
import {
  MAX_NOTICE_BODY_LENGTH,
  MAX_NOTICE_SUBJECT_LENGTH,
  MAX_OUTBOX_PAGE,
  SYSTEM_MAIL_DELIVER_JOB,
  SYSTEM_MAIL_RETRY_DELAY_SECONDS,
  SYSTEM_MAIL_RETRY_LIMIT,
  SWEEP_AFTER_MS,
  SWEEP_BATCH,
  type OutboxRow,
  type SystemMailService,
  type SystemMailStore,
} from './types.ts';
import { newId as uuidV7 } from '../ids.ts';

export interface SystemMailDeps {
  store: SystemMailStore;
  queue: Queue;
  renderer: TemplateRenderer;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/** The delivery job's payload (jobs are data: versioned, validated when they run). */
export const DeliverJobSchema = z.object({ v: z.literal(1), id: z.string().min(1).max(100) });
export type DeliverJob = z.infer<typeof DeliverJobSchema>;

export function deliverJobKey(id: string): string {
  return `${SYSTEM_MAIL_DELIVER_JOB}:${id}`;
}

const Address = z.email().max(320);

export function createSystemMailService(deps: SystemMailDeps): SystemMailService {
  const { store, clock } = deps;

  async function queueDelivery(id: string) {
    await deps.queue.send<DeliverJob>(
      SYSTEM_MAIL_DELIVER_JOB,
      { v: 1, id },
      {
        singletonKey: deliverJobKey(id),
        retryLimit: SYSTEM_MAIL_RETRY_LIMIT,
        retryDelaySeconds: SYSTEM_MAIL_RETRY_DELAY_SECONDS,
      },
    );
  }

  async function enqueue(
    mail: SystemMailRequest,
    prefs?: { featureNewsOptOut: boolean; language: string } | null,
  ): Promise<OutboxRow> {
    // Sanitize at the assignment: one address, no header injection (CR/LF cannot pass z.email).
    const to = Address.safeParse(mail.to.trim());
    if (!to.success) throw invalid('RECIPIENT_INVALID', 'The recipient address is not valid.');
    if (!isTemplateId(mail.template)) throw invalid('UNKNOWN_TEMPLATE', `No system mail template "${mail.template}".`);
    const category: SystemMailCategory = mail.category ?? DEFAULT_CATEGORY[mail.template];
    const accountId = mail.accountId ?? null;
    const accountPrefs = prefs !== undefined ? prefs : accountId ? await store.accountPrefs(accountId) : null;
    const language = mailLanguage(mail.language ?? accountPrefs?.language);
    const rendered = deps.renderer.render(mail.template, mail.data, language, category);
    // ACC-07: feature news can be turned off by the customer; account-critical notices cannot.
    const suppressed = category === 'feature-news' && accountPrefs?.featureNewsOptOut === true;
    const row: OutboxRow = {
      id: uuidV7(clock),
      accountId,
      to: to.data,
      template: mail.template,
      category,
      language,
      ...rendered,
      status: suppressed ? 'suppressed' : 'queued',
      attempts: 0,
      lastError: suppressed ? 'The account turned feature news off.' : null,
      createdAt: clock.now().toISOString(),
      sentAt: null,
      nextAttemptAt: null,
    };
    await store.insert(row);
    if (!suppressed) await queueDelivery(row.id);
    return row;
  }

  const service: SystemMailService = {
    async enqueue(mail) {
      return (await enqueue(mail)).id;
    },

    async enqueueToOwners(mail) {
      const owners = await store.owners(mail.accountId);
      if (mail.accountId !== null && owners.length === 0)
        deps.logger.warn({ accountId: mail.accountId }, 'account has no owner to mail');
      const ids: string[] = [];
      let suppressed = 0;
      for (const owner of owners) {
        const row = await enqueue(
          {
            to: owner.email,
            template: mail.template,
            data: { accountName: owner.accountName, ...mail.data },
            language: owner.language,
            accountId: owner.accountId,
            ...(mail.category ? { category: mail.category } : {}),
          },
          { featureNewsOptOut: owner.featureNewsOptOut, language: owner.language },
        );
        ids.push(row.id);
        if (row.status === 'suppressed') suppressed++;
      }
      return { ids, queued: ids.length - suppressed, suppressed };
    },

    async sendNotice(input) {
      const subject = input.subject.replace(/[\r\n]+/g, ' ').trim();
      const body = input.body.trim();
      if (subject === '' || subject.length > MAX_NOTICE_SUBJECT_LENGTH) {
        throw invalid('NOTICE_SUBJECT_INVALID', `A notice subject is 1-${MAX_NOTICE_SUBJECT_LENGTH} characters.`);
      }
      if (body === '' || body.length > MAX_NOTICE_BODY_LENGTH) {
        throw invalid('NOTICE_BODY_INVALID', `A notice body is 1-${MAX_NOTICE_BODY_LENGTH} characters.`);
      }
      if (Boolean(input.all) === Boolean(input.accountId)) {
        throw invalid(
          'NOTICE_AUDIENCE_INVALID',
          'Send a notice either to one account (accountId) or to all accounts (all: true).',
        );
      }
      const accountId = input.all ? null : (input.accountId ?? null);
      if (accountId !== null && !(await store.accountPrefs(accountId))) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
      const template = input.category === 'feature-news' ? 'feature-news' : 'notice';
      const result = await service.enqueueToOwners({ accountId, template, category: input.category, data: { subject, body } });
      await deps.audit.append({
        actor: input.actor,
        accountId,
        action: 'notice.sent',
        reason: subject,
        details: { category: input.category, all: accountId === null, queued: result.queued, suppressed: result.suppressed },
      });
      return { queued: result.queued, suppressed: result.suppressed };
    },

    async listOutbox(filter = {}) {
      const limit = Math.min(Math.max(1, filter.limit ?? MAX_OUTBOX_PAGE), MAX_OUTBOX_PAGE);
      return store.list({ ...filter, limit });
    },

    get: (id) => store.get(id),

    async requeueStale() {
      const before = new Date(clock.now().getTime() - SWEEP_AFTER_MS).toISOString();
      const ids = await store.dueQueued(before, SWEEP_BATCH);
      for (const id of ids) await queueDelivery(id);
      return ids.length;
    },
  };
  return service;
}
