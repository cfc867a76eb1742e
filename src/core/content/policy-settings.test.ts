// The content policy settings service over an in-memory store (CNT-01): compiled once per
// revision, the stored id carried by the compiled policy, a changed base named honestly.
import { describe, expect, it } from 'vitest';
import type { AuditEntryInput, AuditLog } from '../audit/types.ts';
import { loadContentPolicy } from './policy.ts';
import { createContentPolicySettings, type ContentPolicyStore, type StoredContentPolicyRevision } from './policy-settings.ts';
import { screenContent } from './screen.ts';

function memoryStore(rows: StoredContentPolicyRevision[] = []) {
  let reads = 0;
  const store: ContentPolicyStore = {
    latest: async () => (reads++, rows.at(-1) ?? null),
    latestRevision: async () => rows.at(-1)?.revision ?? null,
    append: async (r) => {
      if (rows.some((x) => x.seq === r.seq || x.revision === r.revision)) throw new Error('duplicate');
      rows.push(r);
    },
    list: async (limit) => [...rows].reverse().slice(0, limit),
    transaction: (fn) => fn(),
  };
  return { store, rows, fullReads: () => reads };
}
const entries: AuditEntryInput[] = [];
const audit = { append: async (e: AuditEntryInput) => (entries.push(e), {}), list: async () => [] } as unknown as AuditLog;
const clock = { now: () => new Date('2026-12-01T00:00:00Z') };

describe('content policy settings', () => {
  it('[CNT-01] untuned: the built-in policy and its revision; a saved revision is compiled once and screens with its stored id', async () => {
    const m = memoryStore();
    const s = createContentPolicySettings({ store: m.store, audit, clock });
    const base = loadContentPolicy().revision;
    expect((await s.current()).revision).toBe(base);
    const saved = await s.update('op-1', { categories: { gambling: { en: { strong: ['lucky spin club'] } } } }, 'Test term.');
    expect(saved.revision).toBe(`${base}+op1`);
    const a = await s.policy();
    const b = await s.policy();
    expect(a).toBe(b);
    expect(m.fullReads()).toBe(1); // the seq lookup in update; current() then only asks for the id
    const r = screenContent({ channel: 'sms', text: 'Join the lucky spin club tonight, win big, sign up now!' }, a);
    expect(r.policyRevision).toBe(`${base}+op1`);
    expect(r.findings.map((f) => f.category)).toContain('gambling');
    expect(entries.at(-1)).toMatchObject({ action: 'content-policy.updated', details: { revision: `${base}+op1` } });
  });

  it('a revision saved on an older built-in policy is applied on the current base and named so (base+op<n>)', async () => {
    const m = memoryStore([
      {
        revision: 'content-v0-old+op1',
        seq: 1,
        baseRevision: 'content-v0-old',
        overrides: {},
        createdBy: 'op',
        createdAt: '2026-01-01T00:00:00.000Z',
        note: 'n',
      },
    ]);
    const s = createContentPolicySettings({ store: m.store, audit, clock });
    expect((await s.current()).revision).toBe(`${loadContentPolicy().revision}+op1`);
  });
});
