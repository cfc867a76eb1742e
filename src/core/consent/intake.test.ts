// CON-13: the intake service on both engines, without HTTP: the declaration, the times, the
// confirmation evidence, double opt-in, the rate limit and the review by volume (IMP-05). The
// counts of the intake log are set through the store (a window of 1,000 intakes is not replayed),
// the confirmation mail and the audit log are recorded; everything else is the real repositories.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createIntakeStore } from '../../db/repositories/consent-intake.ts';
import { createConsentStore } from '../../db/repositories/consent.ts';
import { createImportStore } from '../../db/repositories/imports.ts';
import {
  createAccountRow,
  createFormRow,
  emailList,
  permissionServices,
  smsList,
} from '../../db/repositories/permission.testkit.ts';
import { ATTESTATION_VERSION } from '../../../policy/imports.ts';
import type { AuditEntryInput } from '../audit/types.ts';
import type { AppError } from '../errors.ts';
import {
  API_CONSENT_WRITES_PER_MINUTE,
  API_INTAKE_REVIEW_THRESHOLD,
  API_INTAKE_WINDOW_MS,
  createConsentIntake,
  type ApiConsentInput,
  type IntakeStore,
} from './intake.ts';

const TEXT = 'Yes, send me the monthly news.';
const NOW = '2026-11-22T10:00:00.000Z';

describeEachEngine('consent intake (API)', (db) => {
  const clock = manualClock(NOW);

  async function setup(opts: { recent?: number; unbatched?: number; contactLanguage?: string } = {}) {
    const counts = { recent: opts.recent ?? null, unbatched: opts.unbatched ?? null };
    clock.set(NOW);
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const real = createIntakeStore(db());
    const seen = { countSince: [] as string[], countUnbatchedSince: [] as string[], holdUnbatched: [] as string[] };
    const store: IntakeStore = {
      ...real,
      countSince: async (a, since) => (seen.countSince.push(since), counts.recent ?? real.countSince(a, since)),
      countUnbatchedSince: async (a, since) => (
        seen.countUnbatchedSince.push(since),
        counts.unbatched ?? real.countUnbatchedSince(a, since)
      ),
      holdUnbatched: async (a, b, since) => (seen.holdUnbatched.push(since), real.holdUnbatched(a, b, since)),
    };
    const importStore = createImportStore(db());
    const commits: Array<{ id: string; imported: number; rowsRead: number; at: string }> = [];
    const imports = {
      insert: importStore.insert,
      update: importStore.update,
      commitBatch: async (...args: Parameters<typeof importStore.commitBatch>) => {
        commits.push({ id: args[0], imported: args[2].imported, rowsRead: args[2].rowsRead, at: args[4] });
        return importStore.commitBatch(...args);
      },
    };
    const mails: Array<{ accountId: string; contactId: string; email: string; lists: unknown[]; language: string }> = [];
    const audits: AuditEntryInput[] = [];
    const intake = createConsentIntake({
      store,
      consentStore: createConsentStore(db()),
      imports,
      lists: s.lists,
      contacts: s.contacts,
      confirmations: {
        requestConfirmation: async (r) => (mails.push(r), `confirmation-${mails.length}`),
      },
      audit: { append: async (e) => (audits.push(e), {} as never), list: async () => [] },
      clock,
    });
    const single = await s.lists.create(accountId, { ...emailList('Single'), doubleOptIn: false });
    const doi = await s.lists.create(accountId, { ...emailList('Double'), doubleOptIn: true });
    const sms = await s.lists.create(accountId, { ...smsList(), doubleOptIn: false });
    const { contact } = await s.contacts.upsert(accountId, {
      email: 'ana@example.com',
      ...(opts.contactLanguage ? { language: opts.contactLanguage } : {}),
    });
    const input = (listId: string, extra: Partial<ApiConsentInput> = {}): ApiConsentInput => ({
      accountId,
      contactId: contact.id,
      listId,
      textShown: TEXT,
      declaration: { source: 'event', sourceDescription: 'Paper sign-up sheet at our Cluj store', attest: true },
      who: { at: NOW, userId: null, ip: '192.0.2.9', userAgent: 'curl/8' },
      sourceId: 'api-key:k1',
      occurredAt: '2026-11-20T10:00:00.000Z',
      ...extra,
    });
    return { s, accountId, intake, input, single, doi, sms, contact, counts, seen, commits, mails, audits, importStore };
  }

  async function failure(p: Promise<unknown>): Promise<AppError> {
    try {
      await p;
    } catch (e) {
      return e as AppError;
    }
    throw new Error('expected a refusal');
  }

  it('[CON-13] API consent on a single opt-in list is one granted event with the declaration as evidence, active, logged', async () => {
    const { s, accountId, intake, input, single, contact } = await setup();
    const r = await intake.recordApiConsent(
      input(single.id, { ip: '198.51.100.1', userAgent: 'Shop CRM', language: 'ro', partners: ['Partner SRL'] }),
    );
    expect(r).toMatchObject({ status: 'active', confirmationId: null, heldFor: null });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      kind: 'granted',
      sourceType: 'api',
      sourceId: 'api-key:k1',
      contactId: contact.id,
      listId: single.id,
      channel: 'email',
      textShown: TEXT,
      partners: ['Partner SRL'],
      ip: '198.51.100.1',
      userAgent: 'Shop CRM',
      language: 'ro',
      formId: null,
      formVersion: null,
      occurredAt: '2026-11-20T10:00:00.000Z',
      confirmedAt: null,
    });
    expect(r.events[0]!.evidence).toEqual({
      source: 'event',
      sourceDescription: 'Paper sign-up sheet at our Cluj store',
      attestation: { version: ATTESTATION_VERSION, at: NOW },
      listVersion: 1,
    });
    const states = await s.consent.stateFor(accountId, contact.id);
    expect(states.find((x) => x.listId === single.id)).toMatchObject({ status: 'active', hold: null });
    const log = await db().db.selectFrom('consent_intake_log').selectAll().where('account_id', '=', accountId).execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      contact_id: contact.id,
      list_id: single.id,
      source_id: 'api-key:k1',
      recorded_at: NOW,
      batch_id: null,
    });
  });

  it('[CON-13] without a source description the evidence carries none; absent optional fields are stored as null', async () => {
    const { intake, input, single } = await setup();
    const r = await intake.recordApiConsent(input(single.id, { declaration: { source: 'customers', attest: true } }));
    expect(r.events[0]!.evidence).toEqual({
      source: 'customers',
      attestation: { version: ATTESTATION_VERSION, at: NOW },
      listVersion: 1,
    });
    expect(r.events[0]).toMatchObject({ ip: null, userAgent: null, language: null, partners: [] });
  });

  it('[CON-07] [CON-13] API consent naming a form of the account records the form and its version', async () => {
    const { accountId, intake, input, single } = await setup();
    const formId = await createFormRow(db(), accountId, `form-${accountId}`, 2);
    const r = await intake.recordApiConsent(input(single.id, { formId, formVersion: 2 }));
    expect(r.events[0]).toMatchObject({ formId, formVersion: 2 });
  });

  it('[CON-13] a refused source, a missing attestation or a future time is refused before anything is written', async () => {
    const { accountId, intake, input, single } = await setup();
    expect(
      (await failure(intake.recordApiConsent(input(single.id, { declaration: { source: 'purchased', attest: true } })))).code,
    ).toBe('IMPORT_SOURCE_REFUSED');
    expect(
      (await failure(intake.recordApiConsent(input(single.id, { declaration: { source: 'event', attest: false } })))).code,
    ).toBe('IMPORT_ATTESTATION_REQUIRED');
    const future = await failure(intake.recordApiConsent(input(single.id, { occurredAt: '2026-11-22T10:06:00.000Z' })));
    expect(future).toMatchObject({ code: 'CONSENT_TIME_IN_FUTURE', details: { field: 'occurredAt' } });
    const log = await db().db.selectFrom('consent_intake_log').select('id').where('account_id', '=', accountId).execute();
    expect(log).toEqual([]);
  });

  it('[CON-13] confirmation evidence needs both a time and an IP, a time not in the future and not before the sign-up', async () => {
    const { intake, input, doi } = await setup();
    const at = '2026-11-21T10:00:00.000Z';
    for (const extra of [
      { confirmedAt: at },
      { confirmIp: '192.0.2.1' },
      { confirmedAt: at, confirmIp: '' },
      { confirmedAt: '2026-11-20T09:59:59.999Z', confirmIp: '192.0.2.1' },
    ]) {
      const err = await failure(intake.recordApiConsent(input(doi.id, extra)));
      expect(err.code, JSON.stringify(extra)).toBe('CONSENT_CONFIRMATION_INCOMPLETE');
      expect(err.message).toBe(
        (extra.confirmedAt ?? '9') < '2026-11-20T10:00:00.000Z'
          ? 'confirmedAt is earlier than occurredAt: a confirmation follows the sign-up.'
          : 'Confirmation evidence needs both confirmedAt and confirmIp (like CONFIRM_TIME and CONFIRM_IP).',
      );
    }
    const future = await failure(
      intake.recordApiConsent(input(doi.id, { confirmedAt: '2026-11-22T10:06:00.000Z', confirmIp: '192.0.2.1' })),
    );
    expect(future).toMatchObject({ code: 'CONSENT_TIME_IN_FUTURE', details: { field: 'confirmedAt' } });
  });

  it('[CON-06] [CON-13] with confirmation evidence a double opt-in list records requested + confirmed, active, and sends no mail', async () => {
    const { intake, input, doi, mails } = await setup();
    // A confirmation at the very time of the sign-up is possible (same second).
    const r = await intake.recordApiConsent(
      input(doi.id, { confirmedAt: '2026-11-20T10:00:00.000Z', confirmIp: '192.0.2.1', confirmUserAgent: 'Mail app' }),
    );
    expect(r.status).toBe('active');
    expect(r.confirmationId).toBeNull();
    expect(mails).toEqual([]);
    expect(r.events.map((e) => e.kind)).toEqual(['requested', 'confirmed']);
    expect(r.events[0]).toMatchObject({ confirmedAt: null, confirmIp: null, occurredAt: '2026-11-20T10:00:00.000Z' });
    expect(r.events[1]).toMatchObject({
      occurredAt: '2026-11-20T10:00:00.000Z',
      confirmedAt: '2026-11-20T10:00:00.000Z',
      confirmIp: '192.0.2.1',
      confirmUserAgent: 'Mail app',
    });
    const later = await intake.recordApiConsent(
      input(doi.id, { confirmedAt: '2026-11-21T08:00:00.000Z', confirmIp: '192.0.2.2' }),
    );
    expect(later.events[1]).toMatchObject({ confirmedAt: '2026-11-21T08:00:00.000Z', confirmUserAgent: null });
  });

  it('[CON-06] [CON-13] without evidence a double opt-in list is pending and the confirmation mail goes to the contact in its language', async () => {
    const { intake, input, doi, mails, contact, accountId } = await setup({ contactLanguage: 'ro' });
    const r = await intake.recordApiConsent(input(doi.id));
    expect(r).toMatchObject({ status: 'pending', confirmationId: 'confirmation-1', heldFor: null });
    expect(r.events.map((e) => e.kind)).toEqual(['requested']);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ accountId, contactId: contact.id, email: 'ana@example.com', language: 'ro' });
    expect(mails[0]!.lists).toEqual([{ list: expect.objectContaining({ id: doi.id }), textShown: TEXT }]);
    await intake.recordApiConsent(input(doi.id, { language: 'de' }));
    expect(mails[1]!.language).toBe('de');
  });

  it('[CON-13] the confirmation mail falls back to English; no second mail once the consent is active', async () => {
    const { intake, input, doi, single, mails } = await setup();
    // Active consent on another list does not stand in for this one's confirmation.
    await intake.recordApiConsent(input(single.id));
    expect((await intake.recordApiConsent(input(doi.id))).status).toBe('pending');
    expect(mails[0]!.language).toBe('en');
    expect((await intake.recordApiConsent(input(single.id))).status).toBe('active');
    await intake.recordApiConsent(input(doi.id, { confirmedAt: '2026-11-21T08:00:00.000Z', confirmIp: '192.0.2.2' }));
    const again = await intake.recordApiConsent(input(doi.id));
    expect(mails).toHaveLength(1);
    expect(again).toMatchObject({ status: 'active', confirmationId: null });
  });

  it('[CON-13] a double opt-in needs the evidence on an SMS list and for a contact without an email address', async () => {
    const { s, accountId, intake, input, sms } = await setup();
    const { contact: phoneOnly } = await s.contacts.upsert(accountId, { phone: '+40 721 234 567' });
    const smsDoi = await s.lists.create(accountId, { ...smsList('SMS double'), doubleOptIn: true });
    const emailDoi = await s.lists.create(accountId, { ...emailList('Double 2'), doubleOptIn: true });
    const smsErr = await failure(intake.recordApiConsent(input(smsDoi.id)));
    expect(smsErr.code).toBe('CONSENT_CONFIRMATION_INCOMPLETE');
    expect(smsErr.message).toMatch(/^This list asks for double opt-in and the confirmation goes by email/);
    expect((await failure(intake.recordApiConsent(input(emailDoi.id, { contactId: phoneOnly.id })))).code).toBe(
      'CONSENT_CONFIRMATION_INCOMPLETE',
    );
    // Single opt-in SMS consent for a phone-only contact needs no confirmation.
    const r = await intake.recordApiConsent(input(sms.id, { contactId: phoneOnly.id }));
    expect(r).toMatchObject({ status: 'active', events: [{ kind: 'granted', channel: 'sms' }] });
  });

  it('[CON-13] the rate limit counts the last minute: one below it passes, at it the answer is 429 with the retry time', async () => {
    const below = await setup({ recent: API_CONSENT_WRITES_PER_MINUTE - 1 });
    await below.intake.recordApiConsent(below.input(below.single.id));
    expect(below.seen.countSince).toEqual([new Date(Date.parse(NOW) - 60_000).toISOString()]);

    const at = await setup({ recent: API_CONSENT_WRITES_PER_MINUTE });
    const err = await failure(at.intake.recordApiConsent(at.input(at.single.id)));
    expect(err).toMatchObject({
      code: 'CONSENT_RATE_LIMITED',
      kind: 'rate-limited',
      details: { limit: API_CONSENT_WRITES_PER_MINUTE, retryAfterSeconds: 60 },
    });
    expect(err.message).toContain(`${API_CONSENT_WRITES_PER_MINUTE} consents per minute`);
    expect(await at.s.consent.stateFor(at.accountId, at.contact.id)).toEqual([]);
  });

  it('[IMP-05] [CON-13] the intake that reaches the threshold is not held; the one past it opens a held review batch holding the window', async () => {
    const t = await setup();
    const { s, accountId, intake, input, single, counts, seen, commits, audits, importStore } = t;
    const contact = async (email: string) => (await s.contacts.upsert(accountId, { email })).contact.id;
    const [a, b, c, d] = [
      t.contact.id,
      await contact('b@example.com'),
      await contact('c@example.com'),
      await contact('d@example.com'),
    ];
    const since = new Date(Date.parse(NOW) - API_INTAKE_WINDOW_MS).toISOString();

    expect((await intake.recordApiConsent(input(single.id, { contactId: a }))).heldFor).toBeNull();
    counts.unbatched = API_INTAKE_REVIEW_THRESHOLD - 1; // this intake is the 1,000th of the window
    expect((await intake.recordApiConsent(input(single.id, { contactId: b }))).heldFor).toBeNull();
    expect(seen.countUnbatchedSince).toEqual([since, since]);
    expect(audits).toEqual([]);

    counts.unbatched = API_INTAKE_REVIEW_THRESHOLD; // the 1,001st
    const who = { at: NOW, userId: 'user-1', ip: '192.0.2.9', userAgent: 'browser' };
    const held = await intake.recordApiConsent(input(single.id, { contactId: c, who }));
    const batchId = held.heldFor!;
    expect(batchId).toEqual(expect.any(String));
    expect(seen.holdUnbatched).toEqual([since]);
    // The window's two earlier intakes move into the batch, then this one is counted.
    expect(commits).toEqual([
      { id: batchId, imported: 2, rowsRead: 2, at: NOW },
      { id: batchId, imported: 1, rowsRead: 1, at: NOW },
    ]);
    const reason = `api-volume: ${API_INTAKE_REVIEW_THRESHOLD + 1} consents recorded through the API within 24 h (review threshold ${API_INTAKE_REVIEW_THRESHOLD})`;
    expect(await importStore.get(accountId, batchId)).toMatchObject({
      status: 'held',
      phase: 'done',
      fileName: 'API consent, 2026-11-22',
      fileSha256: '',
      source: 'event',
      sourceDescription: 'Paper sign-up sheet at our Cluj store',
      listIds: [single.id],
      imported: 3,
      holdReasons: [reason],
      createdBy: 'user-1',
      attestation: { attested: true, userId: 'user-1' },
    });
    expect(audits).toEqual([
      {
        actor: { type: 'user', id: 'user-1' },
        accountId,
        action: 'import.held',
        reason,
        rule: 'IMP-05',
        details: { importId: batchId, source: 'event', origin: 'api' },
      },
    ]);

    // A later intake joins the open batch whatever the window holds: no second batch, no second audit entry.
    expect((await intake.recordApiConsent(input(single.id, { contactId: d }))).heldFor).toBe(batchId);
    expect(audits).toHaveLength(1);
    expect(commits.at(-1)).toEqual({ id: batchId, imported: 1, rowsRead: 1, at: NOW });
    for (const id of [a, b, c, d]) {
      const state = (await s.consent.stateFor(accountId, id)).find((x) => x.listId === single.id);
      expect(state, id).toMatchObject({ status: 'active', hold: batchId });
    }
    const log = await db()
      .db.selectFrom('consent_intake_log')
      .select(['contact_id', 'batch_id'])
      .where('account_id', '=', accountId)
      .execute();
    expect(new Map(log.map((l) => [l.contact_id, l.batch_id]))).toEqual(new Map([a, b, c, d].map((id) => [id, batchId])));
  });

  it('[IMP-05] a review batch opened by an API key names the intake service as the actor', async () => {
    const { intake, input, single, audits } = await setup({ unbatched: API_INTAKE_REVIEW_THRESHOLD });
    expect((await intake.recordApiConsent(input(single.id))).heldFor).not.toBeNull();
    expect(audits[0]!.actor).toEqual({ type: 'system', id: 'consent-intake' });
  });
});
