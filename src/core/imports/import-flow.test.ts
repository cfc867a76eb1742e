// The import job end to end over both real engines: real CSV bytes, the real consent ledger,
// suppression and gate, the audit log. Queue and system mail are recorded at the port (the
// HTTP test sends the review mail through SMTP).
import { describe, expect, it } from 'vitest';
import { describeEachEngine, type TestDatabase } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { createConsentStore } from '../../db/repositories/consent.ts';
import { createImportStore } from '../../db/repositories/imports.ts';
import { allowAll, createAccountRow, emailList, permissionServices, smsList } from '../../db/repositories/permission.testkit.ts';
import { silentLogger, type Queue } from '../ports.ts';
import type { SystemMailRequest } from '../system-mail/ports.ts';
import { addressHash } from '../suppression/address.ts';
import { createImportService } from './service.ts';
import type { ImportStore } from './types.ts';

async function* bytesOf(s: string | Buffer): AsyncGenerator<Uint8Array> {
  yield typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
}

function setup(database: TestDatabase, options: { batchRows?: number; store?: ImportStore } = {}) {
  const clock = manualClock('2026-11-22T10:00:00.000Z');
  const perm = permissionServices(database, clock);
  const sent: Array<{ name: string; data: unknown }> = [];
  const queue = { send: async (name: string, data: unknown) => (sent.push({ name, data }), 'job') } as unknown as Queue;
  const mails: SystemMailRequest[] = [];
  const audit = createAuditLog({ store: createAuditRepository(database.db), clock });
  const store = options.store ?? createImportStore(database);
  const imports = createImportService({
    store,
    consentStore: createConsentStore(database),
    queue,
    clock,
    logger: silentLogger,
    standing: allowAll,
    audit,
    systemMail: { enqueue: async (m) => (mails.push(m), 'mail') },
    gate: perm.gate,
    batchRows: options.batchRows,
  });
  return { clock, perm, imports, sent, mails, audit, store };
}

const who = { at: '2026-11-22T10:00:00.000Z', userId: null, ip: '203.0.113.9', userAgent: 'vitest' };
const MC_HEADER = 'Email Address,First Name,Last Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE\n';

async function counts(database: TestDatabase, accountId: string) {
  const c = await database.db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  const e = await database.db
    .selectFrom('consent_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { contacts: Number(c.n), events: Number(e.n) };
}

async function reportOf(imports: ReturnType<typeof setup>['imports'], accountId: string, id: string) {
  let csv = '';
  for await (const part of imports.reportCsv(accountId, id)) csv += part;
  return csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));
}

describeEachEngine('imports: the import job', (db) => {
  it('[IMP-02] [IMP-03] [IMP-06] every row ends imported, quarantined or rejected with its reason; evidence becomes consent events', async () => {
    const { perm, imports, sent } = setup(db());
    const acct = await createAccountRow(db());
    const other = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    // An existing contact (merged), one who withdrew (must not be re-subscribed), and platform facts from ANOTHER account.
    const existing = (await perm.contacts.upsert(acct, { email: 'old@example.com' })).contact;
    const quitter = (await perm.contacts.upsert(acct, { email: 'quit@example.com' })).contact;
    await perm.consent.record(acct, [
      { contactId: quitter.id, listId: list.id, channel: 'email', kind: 'granted', sourceType: 'api', textShown: 'Subscribe' },
    ]);
    await perm.consent.withdraw(acct, quitter.id, 'all', { sourceType: 'unsubscribe' });
    await perm.suppression.addHash(other, addressHash('complainer@example.com'), 'complaint');
    await perm.suppression.addHash(other, addressHash('erased@example.com'), 'erased');
    const before = await counts(db(), acct);

    const file =
      MC_HEADER +
      'ana@example.com,Ana,Pop,2026-01-03 10:00:00,198.51.100.1,2026-01-03 10:05:00,198.51.100.2,44.4\n' + // 1 imported (confirmed)
      'ion@example.com,Ion,Ionescu,2025-12-01 08:00:00,198.51.100.3,,,44.4\n' + // 2 imported (granted)
      'nodate@example.com,No,Date,,,,,\n' + // 3 imported, no evidence
      'not-an-address,X,Y,2026-01-01 00:00:00,,,,\n' + // 4 rejected invalid-syntax
      'x@mailinator.com,D,E,2026-01-01 00:00:00,,,,\n' + // 5 quarantined disposable
      'info@firma.ro,I,F,2026-01-01 00:00:00,,,,\n' + // 6 quarantined role
      'ANA@example.com,Ana,Dup,2026-01-01 00:00:00,,,,\n' + // 7 rejected duplicate-in-file
      'complainer@example.com,C,D,2026-01-01 00:00:00,,,,\n' + // 8 rejected suppressed
      'erased@example.com,E,R,2026-01-01 00:00:00,,,,\n' + // 9 rejected suppressed (erased elsewhere)
      'old@example.com,O,L,2026-02-02 00:00:00,,,,\n' + // 10 imported, merged + consent added
      'quit@example.com,Q,U,2026-02-02 00:00:00,,,,\n' + // 11 rejected previously-withdrawn
      'ragged@example.com,R\n' + // 12 rejected ragged-row
      'a@localhost,L,H,2026-01-01 00:00:00,,,,\n'; // 13 rejected invalid-domain
    const rec = await imports.start({
      accountId: acct,
      declaration: { source: 'signup-form', attest: true },
      listIds: [list.id],
      who,
      file: bytesOf(file),
      fileName: 'audience.csv',
    });
    expect(sent).toEqual([{ name: 'import.process', data: { importId: rec.id } }]);
    const held = await imports.process(rec.id);
    // Role, disposable and suppressed-elsewhere rows in a small file make it risky: held (IMP-05).
    expect(held?.status).toBe('held');
    expect(held?.holdReasons?.join()).toMatch(/risk score/);
    await imports.review(rec.id, { userId: 'reviewer-0' }, 'approve', 'Checked with the customer.');
    const done = await imports.get(acct, rec.id);
    expect(done.imported + done.quarantined + done.rejected).toBe(13);
    expect(done!.rowsRead).toBe(13);
    expect([done!.imported, done!.quarantined, done!.rejected, done!.withoutEvidence]).toEqual([4, 2, 7, 1]);

    const report = await reportOf(imports, acct, rec.id);
    expect(report.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['1', 'imported', ''],
      ['2', 'imported', ''],
      ['3', 'imported', 'no-consent-evidence'],
      ['4', 'rejected', 'invalid-syntax'],
      ['5', 'quarantined', 'disposable-domain'],
      ['6', 'quarantined', 'role-address'],
      ['7', 'rejected', 'duplicate-in-file'],
      ['8', 'rejected', 'suppressed'],
      ['9', 'rejected', 'suppressed'],
      ['10', 'imported', 'merged'],
      ['11', 'rejected', 'previously-withdrawn'],
      ['12', 'rejected', 'ragged-row'],
      ['13', 'rejected', 'invalid-domain'],
    ]);

    const id = async (email: string) => (await perm.contacts.findByAddress(acct, { email }))?.id ?? null;
    const [ana, ion, nodate, role, quit] = await Promise.all(
      ['ana@example.com', 'ion@example.com', 'nodate@example.com', 'info@firma.ro', 'quit@example.com'].map(id),
    );
    expect(await id('complainer@example.com')).toBeNull();
    const decisions = await perm.gate.authorizeSend({
      accountId: acct,
      listId: list.id,
      channel: 'email',
      contactIds: [ana!, ion!, nodate!, role!, existing.id, quit!],
    });
    expect(decisions.get(ana!)).toEqual({ allowed: true });
    expect(decisions.get(ion!)).toEqual({ allowed: true });
    expect(decisions.get(existing.id)).toEqual({ allowed: true });
    expect(decisions.get(nodate!)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(decisions.get(role!)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(decisions.get(quit!)).toEqual({ allowed: false, reason: 'withdrawn' });

    // The proof bundle shows exactly what the customer claimed (Mailchimp columns), with the import id.
    const proof = await perm.consent.proofBundle(acct, ana!);
    expect(proof.events.map((e) => e.kind)).toEqual(['requested', 'confirmed']);
    const confirmed = proof.events[1]!;
    expect(confirmed.sourceType).toBe('import');
    expect(confirmed.sourceId).toBe(rec.id);
    expect(confirmed.evidence).toMatchObject({
      importId: rec.id,
      claimed: {
        OPTIN_TIME: '2026-01-03 10:00:00',
        OPTIN_IP: '198.51.100.1',
        CONFIRM_TIME: '2026-01-03 10:05:00',
        CONFIRM_IP: '198.51.100.2',
      },
    });
    expect(confirmed.confirmedAt).toBe('2026-01-03T10:05:00.000Z');
    expect(confirmed.confirmIp).toBe('198.51.100.2');
    const ionEvents = await perm.consent.eventsFor(acct, ion!);
    expect(ionEvents.map((e) => [e.kind, e.occurredAt, e.ip])).toEqual([['granted', '2025-12-01T08:00:00.000Z', '198.51.100.3']]);
    expect(await verifyOk(perm, acct)).toBe(true);

    const after = await counts(db(), acct);
    // New contacts: ana, ion, nodate, disposable, role (the merged and withdrawn ones existed).
    expect(after.contacts - before.contacts).toBe(5);
    expect(after.events - before.events).toBe(4); // ana (2), ion (1), old (1)
  });

  it('[IMP-05] a large import is held: the gate says list-unapproved until a reviewer approves; the customer is told', async () => {
    const { perm, imports, mails, audit } = setup(db());
    const acct = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    const rows = Array.from(
      { length: 1_001 },
      (_, i) => `person.${i}.${(i * 7919) % 1000}@example.com,2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:${10 + (i % 50)}:00Z`,
    ).join('\n');
    const rec = await imports.start({
      accountId: acct,
      declaration: { source: 'customers', attest: true },
      listIds: [list.id],
      who,
      file: bytesOf(`email,consent date\n${rows}\n`),
    });
    const done = await imports.process(rec.id);
    expect(done?.status).toBe('held');
    expect(done?.holdReasons?.[0]).toMatch(/more than 1000 rows/);
    const someone = (await perm.contacts.findByAddress(acct, { email: 'person.1.919@example.com' }))!.id;
    expect(
      (await perm.gate.authorizeSend({ accountId: acct, listId: list.id, channel: 'email', contactIds: [someone] })).get(someone),
    ).toEqual({ allowed: false, reason: 'list-unapproved' });
    expect((await imports.queue('held')).map((r) => r.id)).toContain(rec.id);

    const approved = await imports.review(
      rec.id,
      { userId: 'reviewer-1' },
      'approve',
      'Customer list from the shop, dates vary, low risk.',
    );
    expect(approved.status).toBe('approved');
    expect(
      (await perm.gate.authorizeSend({ accountId: acct, listId: list.id, channel: 'email', contactIds: [someone] })).get(someone),
    ).toEqual({ allowed: true });
    const entries = await audit.list({ accountId: acct, actionPrefix: 'import.' });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['import.approved', 'import.started']));
    expect((await imports.get(acct, rec.id)).reviewReason).toMatch(/low risk/);
    expect(mails).toHaveLength(0); // createAccountRow has no owner: nobody to tell (logged)
  });

  it('[IMP-05] a rejected import withdraws its consent with new events (nothing deleted) and stays unsendable', async () => {
    const { perm, imports } = setup(db());
    const acct = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    const rows = Array.from({ length: 250 }, (_, i) => `user${i + 1}@bulk-example.com,2026-05-05 12:00:00`).join('\n');
    const rec = await imports.start({
      accountId: acct,
      declaration: { source: 'other', sourceDescription: 'A list from a trade fair partner', attest: true },
      listIds: [list.id],
      who,
      file: bytesOf(`email,optin_time\n${rows}\n`),
    });
    const done = await imports.process(rec.id);
    expect(done?.status).toBe('held');
    expect(done!.riskScore).toBeGreaterThanOrEqual(40);
    // The same review batch may hold SMS consent (an API intake batch, CON-13): its withdrawal is on SMS.
    const sms = await perm.lists.create(acct, smsList());
    const phone = (await perm.contacts.upsert(acct, { phone: '+40721000111' })).contact.id;
    await perm.consent.record(acct, [
      { contactId: phone, listId: sms.id, channel: 'sms', kind: 'granted', sourceType: 'api', textShown: 'SMS deals' },
    ]);
    await db().db.updateTable('consent_state').set({ hold: rec.id }).where('contact_id', '=', phone).execute();
    const before = await counts(db(), acct);
    const rejected = await imports.review(
      rec.id,
      { userId: 'reviewer-2' },
      'reject',
      'Sequential addresses with identical dates: a bought list.',
    );
    expect(rejected.status).toBe('rejected');
    const after = await counts(db(), acct);
    expect(after.events - before.events).toBe(251);
    expect((await perm.consent.eventsFor(acct, phone)).map((e) => [e.kind, e.channel])).toEqual([
      ['granted', 'sms'],
      ['withdrawn', 'sms'],
    ]);
    const c = (await perm.contacts.findByAddress(acct, { email: 'user7@bulk-example.com' }))!.id;
    const events = await perm.consent.eventsFor(acct, c);
    expect(events.map((e) => e.kind)).toEqual(['granted', 'withdrawn']);
    expect(events[1]!.evidence).toMatchObject({ importId: rec.id, decision: 'import-rejected' });
    expect(
      (await perm.gate.authorizeSend({ accountId: acct, listId: list.id, channel: 'email', contactIds: [c] })).get(c),
    ).toEqual({ allowed: false, reason: 'withdrawn' });
    await expect(imports.review(rec.id, { userId: 'reviewer-2' }, 'approve', 'changed my mind')).rejects.toMatchObject({
      code: 'IMPORT_NOT_HELD',
    });
  });

  it('[IMP-05] after a rejection, an approved re-upload of the same file makes its contacts sendable; a small re-upload is held', async () => {
    const { perm, imports } = setup(db());
    const acct = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    const rows = Array.from(
      { length: 1_001 },
      (_, i) => `person.${i}.${(i * 7919) % 1000}@example.com,2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:${10 + (i % 50)}:00Z`,
    );
    const file = `email,consent date\n${rows.join('\n')}\n`;
    const declaration = { source: 'customers', attest: true };
    const first = await imports.start({ accountId: acct, declaration, listIds: [list.id], who, file: bytesOf(file) });
    expect((await imports.process(first.id))?.status).toBe('held');
    await imports.review(first.id, { userId: 'reviewer-1' }, 'reject', 'Asked for the sign-up source first.');
    const someone = (await perm.contacts.findByAddress(acct, { email: 'person.1.919@example.com' }))!.id;
    const gate = async () =>
      (await perm.gate.authorizeSend({ accountId: acct, listId: list.id, channel: 'email', contactIds: [someone] })).get(someone);
    expect(await gate()).toEqual({ allowed: false, reason: 'withdrawn' });

    // A small part of the rejected file is not below review: it is held, whatever its size.
    const part = await imports.start({
      accountId: acct,
      declaration,
      listIds: [list.id],
      who,
      file: bytesOf(`email,consent date\n${rows.slice(0, 20).join('\n')}\n`),
    });
    const partDone = await imports.process(part.id);
    expect(partDone?.status).toBe('held');
    expect(partDone?.holdReasons).toContain('20 addresses were in an import a reviewer rejected');
    expect(await gate()).toEqual({ allowed: false, reason: 'list-unapproved' });
    await imports.review(part.id, { userId: 'reviewer-1' }, 'reject', 'Same list, still no source.');

    const again = await imports.start({
      accountId: acct,
      declaration,
      listIds: [list.id],
      who,
      file: bytesOf(file),
      allowDuplicate: true,
    });
    const held = await imports.process(again.id);
    expect(held).toMatchObject({ status: 'held', imported: 1_001, rejected: 0 });
    const approved = await imports.review(
      again.id,
      { userId: 'reviewer-1' },
      'approve',
      'Sign-up source shown: the shop checkout.',
    );
    expect(approved.status).toBe('approved');
    expect(await gate()).toEqual({ allowed: true });
    const events = await perm.consent.eventsFor(acct, someone);
    expect(events.map((e) => e.kind)).toEqual(['granted', 'withdrawn', 'granted', 'withdrawn', 'granted']);

    // A person's own withdrawal still blocks every later import.
    await perm.consent.record(acct, [
      { contactId: someone, listId: list.id, channel: 'email', kind: 'withdrawn', sourceType: 'api', textShown: 'Unsubscribe' },
    ]);
    const third = await imports.start({
      accountId: acct,
      declaration,
      listIds: [list.id],
      who,
      file: bytesOf(file),
      allowDuplicate: true,
    });
    await imports.process(third.id);
    const report = await reportOf(imports, acct, third.id);
    expect(report.find((r) => r[1] === 'person.1.919@example.com')?.slice(2)).toEqual(['rejected', 'previously-withdrawn']);
  });

  it('[IMP-06] a crash mid-import resumes from the last committed batch without duplicating contacts or events', async () => {
    const base = createImportStore(db());
    let failCommits = 1;
    // Crash AFTER the batch's contacts and consent events were written but BEFORE its rows were committed.
    const flaky: ImportStore = {
      ...base,
      commitBatch: async (...args) => {
        if (args[3] > 20 && failCommits-- > 0) throw new Error('simulated crash');
        return base.commitBatch(...args);
      },
    };
    const { perm, imports } = setup(db(), { batchRows: 10, store: flaky });
    const acct = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    const rows = Array.from(
      { length: 35 },
      (_, i) =>
        `${['ana', 'ion', 'eva', 'dan', 'ilie'][i % 5]}.${['pop', 'rus', 'stan', 'moga', 'vlad', 'toma', 'suciu'][i % 7]}@example.com,2026-0${1 + (i % 8)}-0${1 + (i % 9)}T10:${10 + i}:00Z`,
    ).join('\n');
    const rec = await imports.start({
      accountId: acct,
      declaration: { source: 'event', attest: true },
      listIds: [list.id],
      who,
      file: bytesOf(`email,optin_time\n${rows}\n`),
    });
    await expect(imports.process(rec.id)).rejects.toThrow('simulated crash');
    const mid = await imports.get(acct, rec.id);
    expect(mid.status).toBe('processing');
    expect(mid.lastCommittedRow).toBe(20);
    const done = await imports.process(rec.id);
    expect(done?.status).toBe('completed');
    expect([done!.rowsRead, done!.imported]).toEqual([35, 35]);
    const after = await counts(db(), acct);
    expect(after).toEqual({ contacts: 35, events: 35 });
    expect(await reportOf(imports, acct, rec.id)).toHaveLength(35);
    // A job delivered twice does nothing the second time.
    expect((await imports.process(rec.id))?.status).toBe('completed');
    expect(await counts(db(), acct)).toEqual({ contacts: 35, events: 35 });
  });

  it('[IMP-06] the same file again is detected (409) unless allowDuplicate', async () => {
    const { perm, imports } = setup(db());
    const acct = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    const file = 'email\nsame@example.com\n';
    const start = (allowDuplicate?: boolean) =>
      imports.start({
        accountId: acct,
        declaration: { source: 'signup-form', attest: true },
        listIds: [list.id],
        who,
        file: bytesOf(file),
        allowDuplicate,
      });
    const first = await start();
    await expect(start()).rejects.toMatchObject({
      code: 'IMPORT_DUPLICATE_FILE',
      kind: 'conflict',
      details: { importId: first.id },
    });
    expect((await start(true)).fileSha256).toBe(first.fileSha256);
  });

  it('[IMP-06] bad files fail with a clear error and change nothing already in the account', async () => {
    const { perm, imports } = setup(db());
    const acct = await createAccountRow(db());
    const list = await perm.lists.create(acct, emailList());
    const keep = (await perm.contacts.upsert(acct, { email: 'keep@example.com' })).contact;
    await perm.consent.record(acct, [
      { contactId: keep.id, listId: list.id, channel: 'email', kind: 'granted', sourceType: 'api', textShown: 'Subscribe' },
    ]);
    const before = await counts(db(), acct);
    const bad: Array<[string | Buffer, string]> = [
      [Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x0a]), 'IMPORT_NOT_CSV'],
      ['email\n', 'IMPORT_NO_ROWS'],
      [`${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(',')}\n`, 'IMPORT_TOO_MANY_COLUMNS'],
      [`email,note\nkeep@example.com,x\nz@example.com,${'y'.repeat(10 * 1024 * 1024)}\n`, 'IMPORT_ROW_TOO_LONG'],
      ['email,name\nkeep@example.com,A\nq@example.com,"a quote never closed\n', 'IMPORT_MALFORMED'],
      ['name,city\nAna,Cluj\n', 'IMPORT_NO_EMAIL_COLUMN'],
    ];
    for (const [file, code] of bad) {
      const rec = await imports.start({
        accountId: acct,
        declaration: { source: 'signup-form', attest: true },
        listIds: [list.id],
        who,
        file: bytesOf(file),
        allowDuplicate: true,
      });
      const done = await imports.process(rec.id);
      expect([done?.status, done?.error?.code]).toEqual(['failed', code]);
    }
    await expect(
      imports.start({
        accountId: acct,
        declaration: { source: 'signup-form', attest: true },
        listIds: [list.id],
        who,
        file: bytesOf(''),
      }),
    ).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    expect(await counts(db(), acct)).toEqual(before);
    const mine = (await imports.list(acct)).map((r) => r.id);
    const blobs = await db().db.selectFrom('import_blobs').select('import_id').where('import_id', 'in', mine).execute();
    expect(blobs).toHaveLength(0);
  });
});

async function verifyOk(perm: ReturnType<typeof permissionServices>, acct: string) {
  return (await perm.consent.verifyChain(acct)).ok;
}

describe('imports: policy files', () => {
  it('policy/imports.ts holds the review thresholds', async () => {
    const policy = await import('../../../policy/imports.ts');
    expect(policy.IMPORT_REVIEW_ROW_THRESHOLD).toBe(1_000);
    expect(policy.IMPORT_REVIEW_RISK_SCORE).toBeGreaterThan(0);
  });
});
