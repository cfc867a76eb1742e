import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.ts';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import {
  createAccountRow,
  createFormRow,
  dropLedgerTriggers,
  emailList,
  permissionServices,
} from '../../db/repositories/permission.testkit.ts';
import { verifyProofBundle } from './proof.ts';

const dir = mkdtempSync(join(tmpdir(), 'assent-proof-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = runCli;

describeEachEngine('proof of opt-in', (db, engine) => {
  const clock = manualClock('2026-05-01T10:00:00.000Z');
  async function bundleFor() {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const news = await s.lists.create(accountId, emailList('News'));
    const deals = await s.lists.create(accountId, emailList('Deals'));
    const { contact } = await s.contacts.upsert(accountId, { email: 'proof@example.com' });
    const { contact: other } = await s.contacts.upsert(accountId, { email: 'other@example.com' });
    await s.consent.record(accountId, [
      {
        contactId: contact.id,
        listId: news.id,
        channel: 'email',
        kind: 'requested',
        sourceType: 'form',
        formId: await createFormRow(db(), accountId, `f1-${accountId}`, 2),
        formVersion: 2,
        textShown: 'Yes, send me News (monthly). Unsubscribe any time. — Ünïcødé ✓',
        ip: '203.0.113.9',
        userAgent: 'Firefox',
        partners: ['Partner A'],
      },
    ]);
    // Another contact's event sits between this contact's events in the account chain.
    await s.consent.record(accountId, [
      {
        contactId: other.id,
        listId: deals.id,
        channel: 'email',
        kind: 'granted',
        sourceType: 'import',
        sourceId: 'imp-1',
        textShown: 'Deals',
        evidence: { OPTIN_TIME: '2025-01-01' },
      },
    ]);
    await s.consent.record(accountId, [
      {
        contactId: contact.id,
        listId: news.id,
        channel: 'email',
        kind: 'confirmed',
        sourceType: 'form',
        textShown: 'Confirm News',
        confirmedAt: '2026-05-01T10:05:00.000Z',
        confirmIp: '203.0.113.10',
        confirmUserAgent: 'Mail',
      },
      {
        contactId: contact.id,
        listId: deals.id,
        channel: 'email',
        kind: 'granted',
        sourceType: 'operator',
        sourceId: 'operator-7',
        textShown: 'Operator override: customer phoned in consent for Deals',
      },
    ]);
    return { s, accountId, contact, bundle: await s.consent.proofBundle(accountId, contact.id) };
  }

  it("[CON-09] a proof bundle carries the contact's events, exact texts and chain links, and the CLI accepts it", async () => {
    const { bundle, contact } = await bundleFor();
    expect(bundle.contactId).toBe(contact.id);
    expect(bundle.events.map((e) => e.kind)).toEqual(['requested', 'confirmed', 'granted']);
    expect(bundle.events.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(bundle.events[0]!.textShown).toContain('Ünïcødé');
    expect(bundle.events[2]).toMatchObject({ sourceType: 'operator', sourceId: 'operator-7' }); // CON-10: an override shows as such
    expect(bundle.chainHead).toEqual({ seq: 4, hash: bundle.events[2]!.hash });
    expect(verifyProofBundle(bundle)).toEqual({ ok: true, events: 3 });
    const file = join(dir, `ok-${engine}.json`);
    writeFileSync(file, JSON.stringify(bundle, null, 2));
    const r = await cli(['proof', 'verify', file]);
    expect(r.out).toContain('valid: 3');
    expect(r.code).toBe(0);
  });

  it('[CON-09] one altered byte in an event, a text or a link makes the CLI exit 1 naming the first bad event', async () => {
    const { bundle } = await bundleFor();
    const pretty = JSON.stringify(bundle, null, 2);
    const target = bundle.events[1]!;
    const cases: Array<[string, string]> = [
      ['ip', pretty.replace('"203.0.113.10"', '"203.0.113.11"')],
      ['text', pretty.replace('Confirm News', 'Confirm Newz')],
      [
        'link',
        pretty.replace(
          `"prevHash": "${target.prevHash}"`,
          `"prevHash": "${target.prevHash.slice(0, -1)}${target.prevHash.endsWith('0') ? '1' : '0'}"`,
        ),
      ],
    ];
    for (const [name, text] of cases) {
      expect(text, name).not.toBe(pretty);
      const file = join(dir, `bad-${name}-${engine}.json`);
      writeFileSync(file, text);
      const r = await cli(['proof', 'verify', file]);
      expect(r.code, name).toBe(1);
      expect(r.out, name).toContain(`first bad event: ${target.id} (seq ${target.seq})`);
    }
    // Outside the events: the bundle hash catches it.
    const file = join(dir, `bad-state-${engine}.json`);
    writeFileSync(file, pretty.replace('"status": "active"', '"status": "pending"'));
    const r = await cli(['proof', 'verify', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('bundleHash');
  });

  it('[CON-08] `assent ledger verify` exits 0 on an intact chain and 1 naming the tampered event', async () => {
    const { accountId, bundle } = await bundleFor();
    const t = db().target;
    const env: Record<string, string> = t.kind === 'postgres' ? { DATABASE_URL: t.url } : { SQLITE_FILE: t.file };
    const ok = await cli(['ledger', 'verify', '--account', accountId], env);
    expect(ok.out).toContain(`ok       ${accountId}: 4 event(s)`);
    expect(ok.code).toBe(0);
    // The parallel path (seq ranges in worker threads) agrees.
    const parallel = await cli(['ledger', 'verify', '--account', accountId, '--workers', '3'], env);
    expect(parallel.out).toContain(`ok       ${accountId}: 4 event(s)`);
    expect(parallel.code).toBe(0);
    await dropLedgerTriggers(db()).catch(() => {});
    await sql`update consent_events set text_shown = ${'Yes, send me News (weekly).'} where id = ${bundle.events[0]!.id}`.execute(
      db().db,
    );
    const bad = await cli(['ledger', 'verify', '--account', accountId], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`TAMPERED ${accountId}: event ${bundle.events[0]!.id} (seq 1)`);
    // A tampered event inside a later range is found by the parallel path too.
    await sql`update consent_events set text_shown = ${'Yes, send me News (monthly). Unsubscribe any time. — Ünïcødé ✓'} where id = ${bundle.events[0]!.id}`.execute(
      db().db,
    );
    await sql`update consent_events set ip = ${'198.51.100.99'} where account_id = ${accountId} and seq = 4`.execute(db().db);
    const badParallel = await cli(['ledger', 'verify', '--account', accountId, '--workers', '2'], env);
    expect(badParallel.code).toBe(1);
    expect(badParallel.out).toContain(`TAMPERED ${accountId}: event ${bundle.events[2]!.id} (seq 4)`);
  });
});
