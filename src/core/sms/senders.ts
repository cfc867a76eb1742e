// SMS senders per account (issue 11 §1, SMS-02, SMS-04): the numbers, short codes and alphanumeric
// sender IDs an account sends from, and the reverse question the inbound path asks — which account
// is a text sent TO this number for? A sender belongs to one account at most (the store's unique
// index), so an inbound STOP can never act on another account's contacts.
//
// Decisions: an E.164 number must be a valid number (libphonenumber, as contacts' phones); a short
// code is 3–8 digits (national short codes; an SMSC gives them without a country); an alphanumeric
// sender ID is 1–11 characters of the set every SMSC and GSM-7 carry (letters, digits, space . - &)
// with at least one letter (an all-digit ID would read as a number). Alphanumeric IDs cannot receive
// replies, but they are still the account's (a campaign may send from them).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { AuditLog, Actor } from '../audit/types.ts';
import { conflict, invalid, notFound, unprocessable } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { newId } from '../ids.ts';

export const MAX_ALPHANUMERIC_SENDER_LENGTH = 11;
/** A typed sender longer than this is refused before it is parsed. */
export const MAX_SENDER_INPUT_LENGTH = 32;
/** Senders one account may have: far above any real account's numbers and IDs. */
export const MAX_SMS_SENDERS_PER_ACCOUNT = 50;

export type SmsSenderKind = 'number' | 'short-code' | 'alphanumeric';

export interface SmsSender {
  id: string;
  accountId: string;
  sender: string;
  kind: SmsSenderKind;
  createdAt: string;
}

export interface SmsSenderRow {
  id: string;
  accountId: string;
  sender: string;
  createdAt: string;
}

export interface SmsSenderStore {
  /** false when the sender already belongs to an account (this one or another). */
  insert(row: SmsSenderRow): Promise<boolean>;
  list(accountId: string): Promise<SmsSenderRow[]>;
  remove(accountId: string, id: string): Promise<SmsSenderRow | null>;
  /** The sender stored under any of these spellings of one address, with its account. */
  find(senders: string[]): Promise<{ accountId: string; sender: string } | null>;
}

export interface SmsSenderService {
  add(accountId: string, input: { sender: string }, actor: Actor): Promise<SmsSender>;
  list(accountId: string): Promise<SmsSender[]>;
  remove(accountId: string, id: string, actor: Actor): Promise<void>;
  /** The account a text sent to `to` is for, and that sender as stored; null when no account has it. */
  accountFor(to: string): Promise<{ accountId: string; sender: string } | null>;
}

const SHORT_CODE = /^\d{3,8}$/;
const ALPHANUMERIC = new RegExp(`^[A-Za-z0-9 .\\-&]{1,${MAX_ALPHANUMERIC_SENDER_LENGTH}}$`);

export function senderKind(sender: string): SmsSenderKind {
  if (sender.startsWith('+')) return 'number';
  return SHORT_CODE.test(sender) ? 'short-code' : 'alphanumeric';
}

/** The stored spelling of a typed sender, or throws SMS_SENDER_INVALID. */
export function normaliseSender(input: string): string {
  const refuse = () =>
    invalid(
      'SMS_SENDER_INVALID',
      `A sender is a phone number with its country code (+40 722 123 456), a short code of 3 to 8 digits, or a name of 1 to ${MAX_ALPHANUMERIC_SENDER_LENGTH} letters, digits, spaces, dots, hyphens or &.`,
      { field: 'sender' },
    );
  if (input.length > MAX_SENDER_INPUT_LENGTH) throw refuse();
  const value = input.trim();
  if (value.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(value);
    if (!parsed || !parsed.isValid()) throw refuse();
    return parsed.number;
  }
  if (SHORT_CODE.test(value)) return value;
  if (ALPHANUMERIC.test(value) && /[A-Za-z]/.test(value) && value === value.replace(/\s{2,}/g, ' ')) return value;
  throw refuse();
}

/**
 * The spellings under which an inbound `to` may be stored: as given, and for a bare run of digits
 * long enough to be an international number, with its '+' (an SMSC that sends the destination
 * without TON 1 drops it).
 */
export function senderSpellings(to: string): string[] {
  const t = to.trim();
  if (t.length === 0 || t.length > MAX_SENDER_INPUT_LENGTH) return [];
  const out = [t];
  if (/^\d{9,15}$/.test(t)) out.push(`+${t}`);
  return out;
}

export function createSmsSenderService(deps: { store: SmsSenderStore; audit: AuditLog; clock: Clock }): SmsSenderService {
  const view = (r: SmsSenderRow): SmsSender => ({ ...r, kind: senderKind(r.sender) });
  return {
    async add(accountId, input, actor) {
      const sender = normaliseSender(input.sender);
      const existing = await deps.store.list(accountId);
      if (existing.some((s) => s.sender === sender))
        throw conflict('SMS_SENDER_TAKEN', `${sender} is already one of this account's senders.`);
      if (existing.length >= MAX_SMS_SENDERS_PER_ACCOUNT)
        throw unprocessable('SMS_SENDERS_TOO_MANY', `An account has at most ${MAX_SMS_SENDERS_PER_ACCOUNT} SMS senders.`);
      const row: SmsSenderRow = { id: newId(deps.clock), accountId, sender, createdAt: deps.clock.now().toISOString() };
      // One account per sender: the unique index decides a race, and another account's sender is
      // answered like this one's (which account has it is not told).
      if (!(await deps.store.insert(row))) throw conflict('SMS_SENDER_TAKEN', `${sender} is already in use.`);
      await deps.audit.append({
        actor,
        accountId,
        action: 'sms.sender.added',
        reason: 'SMS sender added',
        details: { senderId: row.id, sender },
      });
      return view(row);
    },
    async list(accountId) {
      return (await deps.store.list(accountId)).map(view);
    },
    async remove(accountId, id, actor) {
      const removed = await deps.store.remove(accountId, id);
      if (!removed) throw notFound('SMS_SENDER_NOT_FOUND', 'No such SMS sender in this account.');
      await deps.audit.append({
        actor,
        accountId,
        action: 'sms.sender.removed',
        reason: 'SMS sender removed',
        details: { senderId: id, sender: removed.sender },
      });
    },
    async accountFor(to) {
      const spellings = senderSpellings(to);
      return spellings.length === 0 ? null : deps.store.find(spellings);
    },
  };
}
