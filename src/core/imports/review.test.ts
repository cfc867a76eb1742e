// IMP-05: a reviewer's decision on a held import, on both engines, with the import and its held
// consent set up directly (import-flow.test.ts reaches the same state through a whole import):
// the reason's bounds, which imports can be reviewed, what approve and reject do to consent, the
// audit entry and the customer's mail. The audit log, the mail outbox and the logger are recorded.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createConsentStore } from '../../db/repositories/consent.ts';
import { createImportStore } from '../../db/repositories/imports.ts';
import { createAccountRow, emailList, permissionServices, smsList } from '../../db/repositories/permission.testkit.ts';
import type { AuditEntryInput } from '../audit/types.ts';
import type { AppError } from '../errors.ts';
import type { SystemMailRequest } from '../system-mail/ports.ts';
import { holdingConsent } from './processor.ts';
import { checkDeclaration } from './provenance.ts';
import { MAX_REVIEW_REASON_LENGTH, MIN_REVIEW_REASON_LENGTH, reviewImport, type ReviewDeps } from './review.ts';
import { REVIEW_REJECTION_DECISION, type ImportRecord } from './types.ts';

const NOW = '2026-11-22T10:00:00.000Z';
const TEXT = 'Yes, send me the monthly news.';

describeEachEngine('imports: review of a held import', (db) => {
  const clock = manualClock(NOW);

  async function setup(
    opts: { owner?: { email: string; language: string | null; accountName: string } | null; fileName?: string | null } = {},
  ) {
    clock.set(NOW);
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const importStore = createImportStore(db());
    const consentStore = createConsentStore(db());
    const email = await s.lists.create(accountId, { ...emailList('News'), doubleOptIn: false });
    const sms = await s.lists.create(accountId, { ...smsList(), doubleOptIn: false });
    const { contact: ana } = await s.contacts.upsert(accountId, { email: 'ana@example.com', phone: '+40 721 234 567' });
    const { contact: ion } = await s.contacts.upsert(accountId, { email: 'ion@example.com' });
    const declared = checkDeclaration({ source: 'event', attest: true }, { at: NOW, userId: null, ip: null, userAgent: null });
    const id = `import-${accountId}`;
    const rec: ImportRecord = {
      id,
      accountId,
      status: 'held',
      phase: 'done',
      fileName: opts.fileName === undefined ? 'fair-2026.csv' : opts.fileName,
      fileSha256: 'ab'.repeat(32),
      fileBytes: 100,
      source: declared.source,
      sourceDescription: null,
      attestation: declared.attestation,
      listIds: [email.id, sms.id],
      mapping: null,
      encoding: null,
      delimiter: null,
      consentDate: null,
      rowsRead: 0,
      imported: 0,
      quarantined: 0,
      rejected: 0,
      withoutEvidence: 0,
      totalRows: null,
      lastCommittedRow: 0,
      riskScore: null,
      forensics: null,
      holdReasons: null,
      error: null,
      reviewReason: null,
      reviewedBy: null,
      reviewedAt: null,
      createdBy: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    await importStore.insert(rec);
    await importStore.update(id, {
      status: 'held',
      phase: 'done',
      holdReasons: ['rows: 1200 (review threshold 1000)'],
      riskScore: 35,
    });
    await importStore.commitBatch(id, [], { rowsRead: 5, imported: 5, quarantined: 0, rejected: 0, withoutEvidence: 2 }, 5, NOW);
    const grant = (contactId: string, listId: string, channel: 'email' | 'sms') => ({
      contactId,
      listId,
      channel,
      kind: 'granted' as const,
      sourceType: 'import' as const,
      sourceId: id,
      textShown: TEXT,
    });
    await holdingConsent(consentStore, clock, id).record(accountId, [
      grant(ana.id, email.id, 'email'),
      grant(ion.id, email.id, 'email'),
      grant(ana.id, sms.id, 'sms'),
    ]);
    const audits: AuditEntryInput[] = [];
    const mails: SystemMailRequest[] = [];
    const warnings: unknown[] = [];
    const owner =
      opts.owner === undefined ? { email: 'owner@shop.example', language: 'ro', accountName: 'Shop SRL' } : opts.owner;
    const deps: ReviewDeps = {
      store: { ...importStore, accountOwner: async () => owner },
      consentStore,
      clock,
      audit: { append: async (e) => (audits.push(e), {} as never), list: async () => [] },
      systemMail: { enqueue: async (m) => (mails.push(m), `mail-${mails.length}`) },
      gate: s.gate,
      logger: { info() {}, debug() {}, error() {}, warn: (obj: unknown, msg?: string) => void warnings.push([obj, msg]) },
    };
    const sendable = async (listId: string, channel: 'email' | 'sms', ids: string[]) => [
      ...(await s.gate.authorizeSend({ accountId, listId, channel, contactIds: ids })).values(),
    ];
    return { s, accountId, id, deps, importStore, email, sms, ana, ion, audits, mails, warnings, sendable };
  }

  async function failure(p: Promise<unknown>): Promise<AppError> {
    try {
      await p;
    } catch (e) {
      return e as AppError;
    }
    throw new Error('expected a refusal');
  }

  it('[IMP-05] a decision needs a reason of 3 to 1,000 characters, counted without surrounding spaces', async () => {
    const { id, deps, importStore } = await setup();
    for (const reason of ['  ab  ', 'x'.repeat(MAX_REVIEW_REASON_LENGTH + 1), '']) {
      const err = await failure(reviewImport(deps, id, { userId: 'op-1' }, 'approve', reason));
      expect(err).toMatchObject({ code: 'REVIEW_REASON_REQUIRED', kind: 'invalid' });
      expect(err.message).toBe(`Give a reason (${MIN_REVIEW_REASON_LENGTH}–${MAX_REVIEW_REASON_LENGTH} characters).`);
    }
    expect((await importStore.get(null, id))?.status).toBe('held');
    expect((await reviewImport(deps, id, { userId: 'op-1' }, 'approve', ' abc ')).reviewReason).toBe('abc');
    const other = await setup();
    const long = 'y'.repeat(MAX_REVIEW_REASON_LENGTH);
    expect((await reviewImport(other.deps, other.id, { userId: 'op-1' }, 'reject', long)).reviewReason).toBe(long);
  });

  it('[IMP-05] only a held import can be reviewed: a missing one is not found, a reviewed one is a conflict', async () => {
    const { id, deps } = await setup();
    expect(await failure(reviewImport(deps, 'no-such-import', { userId: 'op-1' }, 'approve', 'fine'))).toMatchObject({
      code: 'IMPORT_NOT_FOUND',
      message: 'No import no-such-import.',
    });
    await reviewImport(deps, id, { userId: 'op-1' }, 'approve', 'Sign-up sheets seen');
    expect(await failure(reviewImport(deps, id, { userId: 'op-2' }, 'reject', 'second thoughts'))).toMatchObject({
      code: 'IMPORT_NOT_HELD',
      kind: 'conflict',
      message: `Import ${id} is approved, not waiting for review.`,
    });
  });

  it('[IMP-05] approval releases the hold: the contacts become sendable; audited, and the owner told how many got consent', async () => {
    const { accountId, id, deps, importStore, email, sms, ana, ion, audits, mails, warnings, sendable } = await setup();
    expect(await sendable(email.id, 'email', [ana.id, ion.id])).toEqual([
      { allowed: false, reason: 'list-unapproved' },
      { allowed: false, reason: 'list-unapproved' },
    ]);
    clock.set('2026-11-22T11:00:00.000Z');
    const r = await reviewImport(deps, id, { userId: 'op-1' }, 'approve', ' Sign-up sheets seen ');
    const reviewed = {
      status: 'approved',
      reviewReason: 'Sign-up sheets seen',
      reviewedBy: 'op-1',
      reviewedAt: '2026-11-22T11:00:00.000Z',
    };
    expect(r).toMatchObject({ ...reviewed, id, updatedAt: '2026-11-22T11:00:00.000Z', imported: 5 });
    expect(await importStore.get(null, id)).toMatchObject(reviewed);
    expect(await sendable(email.id, 'email', [ana.id, ion.id])).toEqual([{ allowed: true }, { allowed: true }]);
    expect(await sendable(sms.id, 'sms', [ana.id])).toEqual([{ allowed: true }]);
    expect(audits).toEqual([
      {
        actor: { type: 'operator', id: 'op-1' },
        accountId,
        action: 'import.approved',
        reason: 'Sign-up sheets seen',
        rule: 'IMP-05',
        details: { importId: id, riskScore: 35, holdReasons: ['rows: 1200 (review threshold 1000)'], released: 3, withdrawn: 0 },
      },
    ]);
    expect(mails).toEqual([
      {
        to: 'owner@shop.example',
        template: 'import-review-outcome',
        data: {
          accountName: 'Shop SRL',
          importName: 'fair-2026.csv',
          decision: 'approve',
          reason: 'Sign-up sheets seen',
          contacts: 3,
        },
        language: 'ro',
        accountId,
        category: 'critical',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('[IMP-05] rejection withdraws every held consent on its own channel with a new operator event naming the import', async () => {
    const { s, accountId, id, deps, email, sms, ana, ion, audits, mails, sendable } = await setup({
      owner: { email: 'owner@shop.example', language: null, accountName: 'Shop SRL' },
      fileName: null,
    });
    const r = await reviewImport(deps, id, { userId: 'op-2' }, 'reject', 'Looks bought');
    expect(r).toMatchObject({ status: 'rejected', reviewReason: 'Looks bought', reviewedBy: 'op-2' });
    const events = [...(await s.consent.eventsFor(accountId, ana.id)), ...(await s.consent.eventsFor(accountId, ion.id))];
    const withdrawals = events.filter((e) => e.kind === 'withdrawn');
    expect(withdrawals).toHaveLength(3);
    for (const w of withdrawals) {
      expect(w).toMatchObject({
        sourceType: 'operator',
        sourceId: 'op-2',
        textShown: '',
        occurredAt: NOW,
        evidence: { importId: id, decision: REVIEW_REJECTION_DECISION, reason: 'Looks bought' },
      });
    }
    expect(withdrawals.map((w) => `${w.contactId}|${w.listId}|${w.channel}`).sort()).toEqual(
      [`${ana.id}|${email.id}|email`, `${ion.id}|${email.id}|email`, `${ana.id}|${sms.id}|sms`].sort(),
    );
    expect(await sendable(email.id, 'email', [ana.id, ion.id])).toEqual([
      { allowed: false, reason: 'withdrawn' },
      { allowed: false, reason: 'withdrawn' },
    ]);
    expect(audits[0]).toMatchObject({ action: 'import.rejected', details: { released: 3, withdrawn: 3 } });
    expect(mails).toEqual([
      {
        to: 'owner@shop.example',
        template: 'import-review-outcome',
        data: { accountName: 'Shop SRL', importName: id, decision: 'refuse', reason: 'Looks bought', contacts: 5 },
        language: undefined,
        accountId,
        category: 'critical',
      },
    ]);
  });

  it('[IMP-05] an account without an owner gets no mail; the review says so in the log', async () => {
    const { accountId, id, deps, mails, warnings } = await setup({ owner: null });
    await reviewImport(deps, id, { userId: 'op-1' }, 'approve', 'Fine');
    expect(mails).toEqual([]);
    expect(warnings).toEqual([[{ importId: id, accountId }, 'import review: the account has no owner to tell']]);
  });
});
