// `assent ledger verify` over 1,000,000 consent events (CON-08), on SQLite and PostgreSQL:
// events/s of the streaming chain check (target ≥ 200,000/s), and of appending them through
// the consent service (hash chain + projection, 5,000 events per transaction).
// Usage: node bench/ledger-verify.ts [sqlite|postgres|both] [events]
import { createConsentService, MAX_EVENTS_PER_APPEND } from '../src/core/consent/ledger.ts';
import type { NewConsentEvent } from '../src/core/consent/types.ts';
import { createConsentStore } from '../src/db/repositories/consent.ts';
import { benchAccount, benchDatabase, cpuSince, engines, peakRssMb } from './permission-fixtures.ts';

const N = Number(process.argv[3] ?? 1_000_000);
const CONTACTS = 10_000;
const TEXT = 'Yes, send me the weekly Bench newsletter by email. I can unsubscribe at any time with the link in every message.';

for (const engine of engines(process.argv[2])) {
  const { database, drop } = await benchDatabase(engine);
  try {
    const accountId = await benchAccount(database, 'bench-account');
    const now = '2026-06-01T00:00:00.000Z';
    await database.db.insertInto('lists').values({ id: 'bench-list', account_id: accountId, name: 'Bench', purpose_text: 'Bench', channel: 'email', frequency: 'weekly', double_opt_in: 1, sender_name: 'B', created_at: now, archived_at: null }).execute();
    for (let start = 0; start < CONTACTS; start += 1_000) {
      await database.db.insertInto('contacts').values(Array.from({ length: 1_000 }, (_, k) => ({ id: `c${start + k}`, account_id: accountId, email: `u${start + k}@example.com`, phone: null, email_hash: null, phone_hash: null, attributes: '{}', language: null, time_zone: null, created_at: now, erased_at: null }))).execute();
    }
    const consent = createConsentService({ store: createConsentStore(database), clock: { now: () => new Date(now) } });
    let t = performance.now();
    let cpu = process.cpuUsage();
    for (let start = 0; start < N; start += MAX_EVENTS_PER_APPEND) {
      const batch: NewConsentEvent[] = Array.from({ length: Math.min(MAX_EVENTS_PER_APPEND, N - start) }, (_, k) => {
        const i = start + k;
        return { contactId: `c${i % CONTACTS}`, listId: 'bench-list', channel: 'email', kind: i % 7 === 3 ? 'withdrawn' : 'granted', sourceType: 'form', formId: 'form-1', formVersion: 1, textShown: TEXT, ip: '203.0.113.5', userAgent: 'Mozilla/5.0 (bench)', language: 'en', partners: [] };
      });
      await consent.record(accountId, batch);
    }
    let s = (performance.now() - t) / 1000;
    console.log(JSON.stringify({ bench: 'ledger-append', engine, events: N, seconds: +s.toFixed(1), eventsPerSecond: Math.round(N / s) }));

    t = performance.now();
    cpu = process.cpuUsage();
    const v = await consent.verifyChain(accountId);
    s = (performance.now() - t) / 1000;
    if (!v.ok) throw new Error(`chain broken: ${v.firstProblem?.message}`);
    console.log(JSON.stringify({ bench: 'ledger-verify', engine, events: v.events, seconds: +s.toFixed(2), processCpuSeconds: cpuSince(cpu), eventsPerSecond: Math.round(v.events / s), peakRssMb: peakRssMb() }));
  } finally {
    await drop();
  }
}
