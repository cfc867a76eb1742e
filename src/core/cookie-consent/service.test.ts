import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  consentRecordsToCsv,
  createCookieConsentService,
  normalizeChoice,
  type ConsentRecord,
  type CookieConsentStore,
} from './service.ts';
import { createPageViewCounter, MAX_TRACKED_PATHS, OTHER_PATH } from './page-views.ts';

const ID = '6f1c2a8e-3b4d-4c5e-9f60-718293a4b5c6';

function memoryStore(): CookieConsentStore & { rows: ConsentRecord[] } {
  const rows: ConsentRecord[] = [];
  return {
    rows,
    async insert(r) {
      rows.push(r);
    },
    async list({ limit, consentId }) {
      return rows
        .filter((r) => !consentId || r.consentId === consentId)
        .reverse()
        .slice(0, limit);
    },
  };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return null;
};

describe('cookie consent service', () => {
  it('[CK-05] records a refusal with the truncated IP, time, revision, language and user agent', async () => {
    const store = memoryStore();
    const service = createCookieConsentService({
      store,
      clock: { now: () => new Date('2026-11-22T10:00:00.000Z') },
      revision: 3,
    });
    const record = await service.record(
      { consentId: ID, revision: 3, categories: [], language: 'ro', action: 'reject-all' },
      { ip: '198.51.100.42', userAgent: 'UA/1', source: 'banner' },
    );
    expect(record).toMatchObject({
      consentId: ID,
      revision: 3,
      categories: ['necessary'],
      services: [],
      action: 'reject-all',
      language: 'ro',
      ip: '198.51.100.0',
      userAgent: 'UA/1',
      at: '2026-11-22T10:00:00.000Z',
    });
    expect(store.rows).toHaveLength(1);
  });

  it('[CK-02] always keeps the strictly necessary category and orders categories', () => {
    const n = normalizeChoice(
      { consentId: ID, revision: 1, categories: ['targeting', 'performance', 'performance'], language: 'en', action: 'custom' },
      1,
    );
    expect(n.categories).toEqual(['necessary', 'performance', 'targeting']);
  });

  it('[CK-03] refuses a dismissal or rejection that claims optional categories', () => {
    expect(
      codeOf(() =>
        normalizeChoice({ consentId: ID, revision: 1, categories: ['performance'], language: 'en', action: 'dismiss' }, 1),
      ),
    ).toBe('CONSENT_INCONSISTENT');
    expect(
      codeOf(() =>
        normalizeChoice({ consentId: ID, revision: 1, categories: ['targeting'], language: 'en', action: 'reject-all' }, 1),
      ),
    ).toBe('CONSENT_INCONSISTENT');
  });

  it('[CK-02] refuses a service whose category was not accepted, and an unknown revision', () => {
    expect(
      codeOf(() =>
        normalizeChoice(
          { consentId: ID, revision: 1, categories: ['performance'], services: ['google-ads'], language: 'en', action: 'custom' },
          1,
        ),
      ),
    ).toBe('CONSENT_INCONSISTENT');
    expect(
      codeOf(() => normalizeChoice({ consentId: ID, revision: 2, categories: [], language: 'en', action: 'custom' }, 1)),
    ).toBe('CONSENT_REVISION_UNKNOWN');
  });

  it('[CK-05] exports CSV with quoting and spreadsheet-formula protection', () => {
    const csv = consentRecordsToCsv([
      {
        id: 'r1',
        consentId: ID,
        at: '2026-11-22T10:00:00.000Z',
        revision: 1,
        categories: ['necessary', 'performance'],
        services: ['assent-analytics'],
        action: 'custom',
        language: 'en',
        source: 'banner',
        userAgent: '=cmd|"x",y',
        ip: '203.0.113.0',
      },
    ]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('id,consentId,at,revision,action,categories,services,language,source,ip,userAgent');
    expect(row).toBe(
      `r1,${ID},2026-11-22T10:00:00.000Z,1,custom,necessary performance,assent-analytics,en,banner,203.0.113.0,"'=cmd|""x"",y"`,
    );
  });
});

describe('page view counter', () => {
  it('counts views per path and stays bounded', () => {
    const counter = createPageViewCounter();
    expect(counter.record('/legal/cookies?x=1')).toBe(1);
    expect(counter.record('/legal/cookies')).toBe(2);
    for (let i = 0; i < MAX_TRACKED_PATHS + 50; i++) counter.record(`/p/${i}`);
    const snapshot = counter.snapshot();
    expect(Object.keys(snapshot).length).toBeLessThanOrEqual(MAX_TRACKED_PATHS + 1);
    expect(snapshot[OTHER_PATH]).toBeGreaterThan(0);
    expect(counter.record('https://evil.example/')).toBeGreaterThan(0);
    expect(counter.snapshot()['https://evil.example/']).toBeUndefined();
  });
});
