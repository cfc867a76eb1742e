// The language switch's `next`: a same-site path only, always a valid Location (never a 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { safeNextPath } from './set-language.ts';

describe('GET /lang/:lang?next=', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['/%01', '/'],
    ['/a%0d%0aSet-Cookie:x=1', '/'],
    ['/%7f', '/'],
    ['//evil.example/x', '/'],
    ['/%5Cevil.example', '/'],
    ['https://evil.example/', '/'],
    ['/caf%C3%A9?x=1', '/caf%C3%A9?x=1'],
    ['/a%20b', '/a%20b'],
    ['/app/lists', '/app/lists'],
  ])('next=%s redirects (303) to %s', async (next, location) => {
    const res = await t.app.inject({ method: 'GET', url: `/lang/ro?next=${next}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(location);
  });

  it('keeps only what the URL parser re-serialises: plain ASCII, the same site', () => {
    expect(safeNextPath('/café')).toBe('/caf%C3%A9');
    expect(safeNextPath('/x/../../etc')).toBe('/etc');
    expect(safeNextPath(undefined)).toBe('/');
  });
});
