// Response shapes of the operator console API (api-contract.md "Standing, audit, system mail,
// operator console"), shared by its endpoint files.
import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, AuditEntry } from '../../../core/audit/types.ts';
import { RESTRICTABLE_SERVICES } from '../../../core/standing/ports.ts';
import { STANDINGS } from '../../../core/standing/machine.ts';
import { ACCOUNT_REVIEWS, type OperatorAccountRow } from '../../../core/standing/types.ts';
import type { OutboxRow } from '../../../core/system-mail/types.ts';
import type { AuthContext } from '../../auth.ts';
import { AccountNameField, nameOf, type AccountNames } from './account-names.ts';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const TAGS = ['operator'];
export const SECURITY = [{ session: [] }];

export const AccountIdParams = z.object({ id: z.string().min(1).max(100) });

export const OperatorAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  standing: z.enum(STANDINGS),
  review: z.enum(ACCOUNT_REVIEWS),
  restrictedServices: z.array(z.enum(RESTRICTABLE_SERVICES)),
  refundEligible: z.boolean(),
  createdAt: z.string(),
  ownerEmail: z.string().nullable(),
});

/** One account in the operator console's answers (the web app reads this type). */
export type OperatorAccount = z.infer<typeof OperatorAccountSchema>;

export function toOperatorAccount(a: OperatorAccountRow): z.infer<typeof OperatorAccountSchema> {
  return {
    id: a.id,
    name: a.name,
    standing: a.standing,
    review: a.review,
    restrictedServices: a.restrictedServices,
    refundEligible: a.refundEligible,
    createdAt: a.createdAt,
    ownerEmail: a.ownerEmail,
  };
}

export const AuditEntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string(),
  accountId: z.string().nullable(),
  accountName: AccountNameField,
  action: z.string(),
  reason: z.string(),
  rule: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export type AuditEntryAnswer = z.infer<typeof AuditEntrySchema>;

export function toAuditEntry(e: AuditEntry, names: AccountNames): z.infer<typeof AuditEntrySchema> {
  return {
    id: e.id,
    seq: e.seq,
    at: e.at,
    actorType: e.actorType,
    actorId: e.actorId,
    accountId: e.accountId,
    accountName: nameOf(names, e.accountId),
    action: e.action,
    reason: e.reason,
    rule: e.rule,
    details: e.details,
  };
}

export const OutboxEntrySchema = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  accountName: AccountNameField,
  to: z.string(),
  template: z.string(),
  subject: z.string(),
  category: z.string(),
  language: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export function toOutboxEntry(r: OutboxRow, names: AccountNames): z.infer<typeof OutboxEntrySchema> {
  return {
    id: r.id,
    accountId: r.accountId,
    accountName: nameOf(names, r.accountId),
    to: r.to,
    template: r.template,
    subject: r.subject,
    category: r.category,
    language: r.language,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  };
}

export function operatorActor(auth: AuthContext & { userId: string }): Actor {
  return { type: 'operator', id: auth.userId };
}
