// The imports API end to end on both engines: multipart uploads, the worker running the
// import.process job, the operator review and the outcome mail through a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, signIn, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/helpers/smtp.ts';

const BOUNDARY = '----assent-import-test';

/** A multipart/form-data body: the fields first, then the file (as the UI and CLI send it). */
function multipart(fields: Record<string, string>, file: string | Buffer | null, name = 'contacts.csv') {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file !== null) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(typeof file === 'string' ? Buffer.from(file) : file);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

const PASSWORD = 'correct horse battery staple';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`imports API [${engine}]`, () => {
    let t: TestPlatform;
    let capture: SmtpCapture;
    let owner: SignedIn;
    let reviewer: SignedIn;
    let admin: SignedIn;
    let listId: string;

    beforeAll(async () => {
      capture = await startSmtpCapture();
      t = await createTestPlatform(engine, { config: { smtpUrl: capture.url }, worker: true });
      owner = await signUp(t.app);
      await t.platform.services.accounts.createOperator({
        email: `reviewer-imp-${engine}@assent.test`,
        role: 'reviewer',
        password: PASSWORD,
      });
      await t.platform.services.accounts.createOperator({
        email: `admin-imp-${engine}@assent.test`,
        role: 'admin',
        password: PASSWORD,
      });
      reviewer = await signIn(t.app, `reviewer-imp-${engine}@assent.test`, PASSWORD);
      admin = await signIn(t.app, `admin-imp-${engine}@assent.test`, PASSWORD);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/lists',
        headers: owner.headers,
        payload: {
          name: 'News',
          purposeText: 'Monthly product news by email.',
          channel: 'email',
          frequency: 'monthly',
          senderName: 'Shop',
        },
      });
      listId = res.json().id;
    });
    afterAll(async () => {
      await t?.close();
      await capture?.close();
    });

    const upload = (who: SignedIn, fields: Record<string, string>, file: string | Buffer | null) => {
      const m = multipart(fields, file);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { ...who.headers, ...m.headers },
        payload: m.payload,
      });
    };
    const get = (url: string, who: SignedIn = owner) => t.app.inject({ method: 'GET', url, headers: who.headers });
    const waitFor = async (id: string, statuses: string[]) => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const r = (await get(`/api/v1/imports/${id}`)).json();
        if (statuses.includes(r.status)) return r;
        if (Date.now() > deadline) throw new Error(`import ${id} stuck in ${r.status}`);
        t.clock.advance(1_000);
        await new Promise((res) => setTimeout(res, 50));
      }
    };
    const storedImports = async (accountId: string) =>
      (await t.platform.database.db.selectFrom('imports').select('id').where('account_id', '=', accountId).execute()).length;

    it('[IMP-01] refuses a bought or scraped source with 422 and the policy clause, a missing attestation with 400; nothing is stored', async () => {
      const before = await storedImports(owner.accountId);
      const blobsBefore = (await t.platform.database.db.selectFrom('import_blobs').select('seq').execute()).length;
      const refused = await upload(owner, { source: 'purchased', attest: 'true', listIds: listId }, 'email\na@example.com\n');
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('IMPORT_SOURCE_REFUSED');
      expect(refused.json().error.details.clause).toMatch(/no rented or purchased lists/);
      const linkedin = await upload(
        owner,
        { source: 'social-network', attest: 'true', listIds: listId },
        'email\na@example.com\n',
      );
      expect(linkedin.json().error.details.clause).toMatch(/LinkedIn/);
      const unattested = await upload(owner, { source: 'signup-form', listIds: listId }, 'email\na@example.com\n');
      expect(unattested.statusCode).toBe(400);
      expect(unattested.json().error.code).toBe('IMPORT_ATTESTATION_REQUIRED');
      const unknownField = await upload(
        owner,
        { source: 'signup-form', attest: 'true', listIds: listId, forceSubscribe: 'true' },
        'email\na@example.com\n',
      );
      expect(unknownField.statusCode).toBe(400);
      expect(await storedImports(owner.accountId)).toBe(before);
      expect((await t.platform.database.db.selectFrom('import_blobs').select('seq').execute()).length).toBe(blobsBefore);
    });

    it('[CON-13] a file-level consent date after today is refused with 400 CONSENT_TIME_IN_FUTURE; nothing is stored', async () => {
      const before = await storedImports(owner.accountId);
      const future = await upload(
        owner,
        { source: 'signup-form', attest: 'true', listIds: listId, consentDate: '2099-01-01' },
        'email\na@example.com\n',
      );
      expect(future.statusCode).toBe(400);
      expect(future.json().error.code).toBe('CONSENT_TIME_IN_FUTURE');
      expect(await storedImports(owner.accountId)).toBe(before);
    });

    it('[IMP-05] [IMP-06] a large upload is held, reviewed, approved; the customer is mailed; the report downloads', async () => {
      const preview = multipart({}, 'Email Address;First Name;OPTIN_TIME\nana@example.com;Ana;2026-01-02 10:00:00\n');
      const pv = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/preview',
        headers: { ...owner.headers, ...preview.headers },
        payload: preview.payload,
      });
      expect(pv.statusCode).toBe(200);
      expect(pv.json()).toMatchObject({
        delimiter: ';',
        encoding: 'utf-8',
        mapping: { email: 'Email Address', firstName: 'First Name', optinTime: 'OPTIN_TIME' },
        rows: [['ana@example.com', 'Ana', '2026-01-02 10:00:00']],
      });

      const rows = Array.from(
        { length: 1_001 },
        (_, i) => `client.${i}.${(i * 7919) % 997}@example.com,2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:${10 + (i % 50)}:00Z`,
      ).join('\n');
      const file = `email,optin_time\n${rows}\n`;
      const res = await upload(owner, { source: 'customers', attest: 'true', listIds: listId }, file);
      expect(res.statusCode).toBe(202);
      const id = res.json().id;
      expect(res.json().attestation).toMatchObject({ attested: true, userId: owner.userId, version: 1 });
      const held = await waitFor(id, ['held', 'failed', 'completed']);
      expect(held.status).toBe('held');
      expect(held.imported + held.quarantined + held.rejected).toBe(held.rowsRead);
      // Why, as data beside the stored sentence, for the app to word in the reader's language.
      expect(held.holdCauses).toContainEqual({ code: 'rows', params: { rows: 1_001, threshold: 1_000 } });
      expect(held.holdReasons).toHaveLength(held.holdCauses.length);

      const contact = await t.platform.services.contacts.findByAddress(owner.accountId, {
        email: `client.5.${(5 * 7919) % 997}@example.com`,
      });
      const gate = () =>
        t.platform.services.gate.authorizeSend({
          accountId: owner.accountId,
          listId,
          channel: 'email',
          contactIds: [contact!.id],
        });
      expect((await gate()).get(contact!.id)).toEqual({ allowed: false, reason: 'list-unapproved' });

      const dup = await upload(owner, { source: 'customers', attest: 'true', listIds: listId }, file);
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('IMPORT_DUPLICATE_FILE');

      expect((await get('/api/v1/operator/imports?status=held', owner)).statusCode).toBe(403);
      const queue = await get('/api/v1/operator/imports?status=held', reviewer);
      const item = queue.json().items.find((x: { id: string }) => x.id === id);
      expect(item.forensics).toHaveProperty('reasons');
      expect(item.accountId).toBe(owner.accountId);
      const approve = await t.app.inject({
        method: 'POST',
        url: `/api/v1/operator/imports/${id}/review`,
        headers: reviewer.headers,
        payload: { decision: 'approve', reason: 'Shop customers with varied dates.' },
      });
      expect(approve.statusCode).toBe(200);
      expect((await gate()).get(contact!.id)).toEqual({ allowed: true });
      expect((await get(`/api/v1/imports/${id}`)).json().review).toMatchObject({
        decision: 'approved',
        reason: 'Shop customers with varied dates.',
      });

      const deadline = Date.now() + 20_000;
      while (!capture.messages.some((m) => m.envelope.to.includes(owner.email) && /approved/.test(m.parsed.subject ?? ''))) {
        if (Date.now() > deadline) throw new Error('no review-outcome mail');
        t.clock.advance(1_000);
        await new Promise((r) => setTimeout(r, 50));
      }

      const report = await get(`/api/v1/imports/${id}/report.csv`);
      expect(report.headers['content-type']).toMatch(/text\/csv/);
      const lines = report.body.trim().split('\r\n');
      expect(lines[0]).toBe('row,email,outcome,reason');
      expect(lines).toHaveLength(1_002);
      expect(lines[1]).toBe('1,client.0.0@example.com,imported,');

      // Another account sees none of it (ACC-03: 404, never 403).
      const other = await signUp(t.app);
      expect((await get(`/api/v1/imports/${id}`, other)).statusCode).toBe(404);
      expect((await get(`/api/v1/imports/${id}/report.csv`, other)).statusCode).toBe(404);
    });

    it('[IMP-04] the customer sees the progress and each risk reason with its count, share, points and weight', async () => {
      const roles = ['info', 'sales', 'support', 'office', 'contact', 'marketing'];
      const people = Array.from(
        { length: 24 },
        (_, i) => `${['ana', 'ion', 'eva', 'dan'][i % 4]}.${['pop', 'rus', 'toma'][i % 3]}${i}@posta.ro`,
      );
      const lines = [...roles.map((r) => `${r}@magazin.ro`), ...people].map(
        (e, i) => `${e},2026-01-${String(1 + (i % 28)).padStart(2, '0')}T1${i % 10}:${10 + i}:00Z`,
      );
      const res = await upload(
        owner,
        { source: 'customers', attest: 'true', listIds: listId },
        `email,optin_time\n${lines.join('\n')}\n`,
      );
      expect(res.statusCode).toBe(202);
      expect(res.json().progress).toMatchObject({ rowsProcessed: 0, totalRows: null, percent: null });
      const done = await waitFor(res.json().id, ['completed', 'held', 'failed']);
      expect(done.progress).toEqual({ stage: 'finished', rowsProcessed: 30, totalRows: 30, percent: 100, at: done.updatedAt });
      const role = done.risk.reasons.find((r: { reason: string }) => r.reason === 'role-addresses');
      // 6 of 30 addresses (20 %) against a saturation of 30 %: two thirds of the weight 25.
      expect(role).toEqual({ reason: 'role-addresses', count: 6, share: 0.2, points: 16.7, weight: 25 });
      expect(done.risk.score).toBe(done.riskScore);
      expect(done.risk.score).toBeGreaterThanOrEqual(17);
      // The reviewer's samples stay with the reviewer.
      expect(JSON.stringify(done)).not.toContain('samples');
    });

    it('[IMP-06] a bad file ends failed with its reason; a restricted import service answers 403 SERVICE_RESTRICTED', async () => {
      const res = await upload(
        owner,
        { source: 'event', attest: 'true', listIds: listId },
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      );
      expect(res.statusCode).toBe(202);
      const failed = await waitFor(res.json().id, ['failed', 'completed', 'held']);
      expect(failed).toMatchObject({ status: 'failed', error: { code: 'IMPORT_NOT_CSV' } });

      const restrict = await t.app.inject({
        method: 'POST',
        url: `/api/v1/operator/accounts/${owner.accountId}/standing`,
        headers: admin.headers,
        payload: { action: 'restrict', reason: 'Imported a scraped list', services: ['import'] },
      });
      expect(restrict.statusCode).toBe(200);
      const before = await storedImports(owner.accountId);
      const refused = await upload(owner, { source: 'signup-form', attest: 'true', listIds: listId }, 'email\nnew@example.com\n');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('SERVICE_RESTRICTED');
      expect(await storedImports(owner.accountId)).toBe(before);
    });
  });
}
