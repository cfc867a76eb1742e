// How each event moves the consent state (the projection), and the intake policy's time rule:
// pure functions, no database.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './canonical.ts';
import { linkedEvent } from './consent.testkit.ts';
import { CONSENT_CLOCK_SKEW_MS, checkConsentTime, consentTimeAt } from './intake-policy.ts';
import { applyEvent } from './projection.ts';
import type { ConsentEvent, ConsentKind, ConsentState } from './types.ts';

const at = (seq: number, kind: ConsentKind, extra: Partial<ConsentEvent> = {}) =>
  linkedEvent(seq, GENESIS_HASH, { kind, occurredAt: `2026-01-0${seq}T00:00:00.000Z`, ...extra });

const state = (patch: Partial<ConsentState>): ConsentState => ({
  accountId: 'acct-1',
  contactId: 'contact-1',
  listId: 'list-1',
  channel: 'email',
  status: 'active',
  grantedAt: '2025-12-01T00:00:00.000Z',
  confirmedAt: null,
  lastEventSeq: 1,
  lastSentAt: '2025-12-20T00:00:00.000Z',
  hold: 'import-1',
  ...patch,
});

describe('consent state: the projection of events', () => {
  it('[CON-07] a first grant creates the state from the event: active, granted at its time, nothing sent, no hold', () => {
    expect(applyEvent(undefined, at(3, 'granted', { channel: 'sms', listId: 'list-9' }))).toEqual({
      accountId: 'acct-1',
      contactId: 'contact-1',
      listId: 'list-9',
      channel: 'sms',
      status: 'active',
      grantedAt: '2026-01-03T00:00:00.000Z',
      confirmedAt: null,
      lastEventSeq: 3,
      lastSentAt: null,
      hold: null,
    });
  });

  it('[CON-06] a request is pending; it never downgrades active consent, and restarts after a withdrawal', () => {
    expect(applyEvent(undefined, at(2, 'requested'))).toMatchObject({
      status: 'pending',
      grantedAt: '2026-01-02T00:00:00.000Z',
      confirmedAt: null,
      lastEventSeq: 2,
    });
    const active = state({ confirmedAt: '2025-12-02T00:00:00.000Z' });
    expect(applyEvent(active, at(2, 'requested'))).toEqual({ ...active, lastEventSeq: 2 });
    const withdrawn = state({ status: 'withdrawn', confirmedAt: '2025-12-02T00:00:00.000Z' });
    expect(applyEvent(withdrawn, at(4, 'requested'))).toEqual({
      ...withdrawn,
      status: 'pending',
      grantedAt: '2026-01-04T00:00:00.000Z',
      confirmedAt: null,
      lastEventSeq: 4,
    });
  });

  it('[CON-06] a confirmation activates a pending request, keeping the time of the request', () => {
    const pending = state({ status: 'pending', grantedAt: '2026-01-02T00:00:00.000Z' });
    expect(applyEvent(pending, at(5, 'confirmed', { confirmedAt: '2026-01-05T12:00:00.000Z' }))).toEqual({
      ...pending,
      status: 'active',
      grantedAt: '2026-01-02T00:00:00.000Z',
      confirmedAt: '2026-01-05T12:00:00.000Z',
      lastEventSeq: 5,
    });
    // Without a request time the confirmation's own time is the grant; without a confirmation time, its occurrence.
    expect(applyEvent(state({ status: 'pending', grantedAt: null }), at(6, 'confirmed'))).toMatchObject({
      status: 'active',
      grantedAt: '2026-01-06T00:00:00.000Z',
      confirmedAt: '2026-01-06T00:00:00.000Z',
    });
  });

  it('[CON-06] a second confirmation of active consent keeps its grant time; one without a request is refused', () => {
    const active = state({});
    expect(applyEvent(active, at(7, 'confirmed', { confirmedAt: '2026-01-07T01:00:00.000Z' }))).toMatchObject({
      status: 'active',
      grantedAt: '2025-12-01T00:00:00.000Z',
      confirmedAt: '2026-01-07T01:00:00.000Z',
    });
    for (const current of [undefined, state({ status: 'withdrawn' })]) {
      expect(() => applyEvent(current, at(8, 'confirmed'))).toThrow(
        expect.objectContaining({ code: 'CONSENT_NOT_PENDING', kind: 'conflict' }),
      );
    }
  });

  it('[CON-07] a grant restarts the consent without a confirmation; a reconfirmation is its own confirmation', () => {
    const old = state({ confirmedAt: '2025-12-02T00:00:00.000Z' });
    expect(applyEvent(old, at(2, 'granted'))).toMatchObject({
      status: 'active',
      grantedAt: '2026-01-02T00:00:00.000Z',
      confirmedAt: null,
    });
    expect(applyEvent(state({ status: 'withdrawn' }), at(3, 'reconfirmed'))).toMatchObject({
      status: 'active',
      grantedAt: '2026-01-03T00:00:00.000Z',
      confirmedAt: '2026-01-03T00:00:00.000Z',
    });
  });

  it('[CON-08] a withdrawal changes the status only: the earlier times, the delivery fact and the hold stay', () => {
    const active = state({ confirmedAt: '2025-12-02T00:00:00.000Z' });
    expect(applyEvent(active, at(9, 'withdrawn'))).toEqual({ ...active, status: 'withdrawn', lastEventSeq: 9 });
  });
});

describe('intake policy: consent times', () => {
  const now = new Date('2026-11-22T10:00:00.000Z');
  const plus = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('[CON-13] a past time is kept; a time up to the skew allowance ahead is recorded as now; later is future', () => {
    expect(consentTimeAt('2026-11-20T08:30:00.000Z', now)).toEqual({ ok: true, at: '2026-11-20T08:30:00.000Z' });
    expect(consentTimeAt(plus(1), now)).toEqual({ ok: true, at: now.toISOString() });
    expect(consentTimeAt(plus(CONSENT_CLOCK_SKEW_MS), now)).toEqual({ ok: true, at: now.toISOString() });
    expect(consentTimeAt(plus(CONSENT_CLOCK_SKEW_MS + 1), now)).toEqual({ ok: false, reason: 'future' });
    expect(CONSENT_CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
  });

  it('[CON-13] a future time is refused naming the field, the claimed time and now', () => {
    expect(checkConsentTime('occurredAt', '2026-11-20T08:30:00.000Z', now)).toBe('2026-11-20T08:30:00.000Z');
    let err: unknown;
    try {
      checkConsentTime('confirmedAt', '2099-01-01T00:00:00.000Z', now);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'CONSENT_TIME_IN_FUTURE',
      kind: 'invalid',
      details: { field: 'confirmedAt', claimed: '2099-01-01T00:00:00.000Z', now: now.toISOString() },
    });
    expect((err as Error).message).toBe(
      'confirmedAt (2099-01-01T00:00:00.000Z) is in the future; consent can only be recorded for a time that has passed (CON-13).',
    );
  });
});
