// The matching rules of a DNS check (DEL-05), over a fake resolver (the DNS edge).
import { describe, expect, it } from 'vitest';
import type { DnsResolver } from './ports.ts';
import { platformHosts, recordsFor } from './records.ts';
import type { DnsRecordCheck } from './types.ts';
import { checkRecords, statusAfterCheck } from './verify.ts';

const records = recordsFor(
  'shop-example.com',
  { dkimSelector: 's1', rsaDnsValue: 'v=DKIM1; k=rsa; p=KEYA', ed25519Selector: null, ed25519DnsValue: null },
  platformHosts('https://assent.example'),
);

function resolver(txt: Record<string, string[][]>, cname: Record<string, string[]> = {}): DnsResolver {
  return { resolveTxt: async (n) => txt[n] ?? [], resolveCname: async (n) => cname[n] ?? [] };
}
const found = (rs: DnsRecordCheck[]) => Object.fromEntries(rs.map((r) => [r.purpose, r.found]));

describe('DNS check matching', () => {
  it('[DEL-05] matches the same p= key split over strings, our SPF include among others, our CNAME, any DMARC', async () => {
    const rs = await checkRecords(
      resolver(
        {
          's1._domainkey.shop-example.com': [['v=DKIM1; k=rsa; p=KE', 'YA']],
          'shop-example.com': [
            ['google-site-verification=x'],
            ['v=spf1 include:_spf.google.com include:_spf.assent.example -all'],
          ],
          '_dmarc.shop-example.com': [['v=DMARC1; p=reject']],
        },
        { 'bounces.shop-example.com': ['Bounces.Assent.Example.'] },
      ),
      records,
    );
    expect(found(rs)).toEqual({ 'dkim-rsa': true, spf: true, 'return-path': true, dmarc: true });
    expect(statusAfterCheck('pending', rs)).toBe('verified');
  });

  it('[DEL-05] another key, another include, a lookup error: not found; verified turns failing, pending stays pending', async () => {
    const rs = await checkRecords(
      {
        resolveTxt: async (n) => {
          if (n === 'shop-example.com') return [['v=spf1 include:_spf.assent.example.evil.com ~all']];
          if (n.startsWith('s1.')) return [['v=DKIM1; k=rsa; p=KEYB']];
          throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
        },
        resolveCname: async () => ['bounces.assent.example'],
      },
      records,
    );
    expect(found(rs)).toEqual({ 'dkim-rsa': false, spf: false, 'return-path': true, dmarc: false });
    expect(statusAfterCheck('verified', rs)).toBe('failing');
    expect(statusAfterCheck('failing', rs)).toBe('failing');
    expect(statusAfterCheck('pending', rs)).toBe('pending');
    // DMARC is advisory: missing it alone does not fail a domain.
    const allButDmarc = rs.map((r) => ({ ...r, found: r.purpose !== 'dmarc' }));
    expect(statusAfterCheck('verified', allButDmarc)).toBe('verified');
  });
});
