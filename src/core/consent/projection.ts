// How one event moves the derived consent state (consent_state). Pure: the store applies it in
// the same transaction as the append, so the projection never diverges from the ledger.
import { conflict } from '../errors.ts';
import type { ConsentEvent, ConsentState } from './types.ts';

export function applyEvent(current: ConsentState | undefined, e: ConsentEvent): ConsentState {
  const base: ConsentState = current ?? {
    accountId: e.accountId,
    contactId: e.contactId,
    listId: e.listId,
    channel: e.channel,
    status: 'withdrawn',
    grantedAt: null,
    confirmedAt: null,
    lastEventSeq: 0,
    lastSentAt: null,
    hold: null,
  };
  const next: ConsentState = { ...base, lastEventSeq: e.seq };
  switch (e.kind) {
    case 'requested':
      // A new double opt-in request never downgrades consent that is already active.
      if (current?.status !== 'active') {
        next.status = 'pending';
        next.grantedAt = e.occurredAt;
        next.confirmedAt = null;
      }
      return next;
    case 'granted':
    case 'reconfirmed':
      next.status = 'active';
      next.grantedAt = e.occurredAt;
      next.confirmedAt = e.kind === 'reconfirmed' ? e.occurredAt : null;
      return next;
    case 'confirmed':
      // CON-06: only a pending request can be confirmed; a link clicked after a withdrawal must
      // not subscribe the person again.
      if (!current || (current.status !== 'pending' && current.status !== 'active')) {
        throw conflict('CONSENT_NOT_PENDING', 'There is no pending sign-up to confirm for this contact and list.');
      }
      next.status = 'active';
      next.grantedAt = current.status === 'pending' ? (current.grantedAt ?? e.occurredAt) : current.grantedAt;
      next.confirmedAt = e.confirmedAt ?? e.occurredAt;
      return next;
    case 'withdrawn':
      next.status = 'withdrawn';
      return next;
  }
}
