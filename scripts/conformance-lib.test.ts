import { describe, expect, it } from 'vitest';
import {
  brokenFiles,
  findCatalogue,
  formatConformance,
  idsInTitle,
  parseCatalogue,
  summaryLine,
  tally,
  type AssertionResult,
  type FileResult,
  type VitestReport,
} from './conformance-lib.ts';

const test = (fullName: string, status: AssertionResult['status'] = 'passed'): AssertionResult => ({
  fullName,
  title: fullName,
  status,
});
const file = (name: string, tests: AssertionResult[], extra: Partial<FileResult> = {}): FileResult => ({
  name,
  status: tests.some((t) => t.status === 'failed') ? 'failed' : 'passed',
  message: '',
  assertionResults: tests,
  ...extra,
});
const report = (...files: FileResult[]): VitestReport => ({
  numPassedTests: files.flatMap((f) => f.assertionResults).filter((t) => t.status === 'passed').length,
  numFailedTests: files.flatMap((f) => f.assertionResults).filter((t) => t.status === 'failed').length,
  testResults: files,
});

describe('conformance: tags in titles', () => {
  it('counts only bracketed ids, one or several in a bracket', () => {
    expect(idsInTitle('[CON-13] API consent starts a confirmation')).toEqual(['CON-13']);
    expect(idsInTitle('suite [CON-13, IMP-05] held, [I18N-01] in Romanian')).toEqual(['CON-13', 'IMP-05', 'I18N-01']);
    expect(idsInTitle('[ACC-09,ACC-04] x')).toEqual(['ACC-09', 'ACC-04']);
  });

  it('ignores ids mentioned outside a tag, and brackets that are not a list of ids', () => {
    expect(idsInTitle('unlike CON-13, this one is about nothing')).toEqual([]);
    expect(idsInTitle('see (CON-13) and [see CON-13] and [CON-13 and more]')).toEqual([]);
    expect(idsInTitle('[CON-13; IMP-05] is not a tag list')).toEqual([]);
  });
});

describe('conformance: the catalogue', () => {
  it('reads the ids of list items, not ids mentioned in the text', () => {
    const md = [
      '# Catalogue',
      'A test names its ID, e.g. `[CON-04]`.',
      '- ACC-01 Creating an account requires…',
      '  continued, unlike ACC-99 mentioned here',
      '- I18N-01 English and Romanian',
      '- CON-04 Not pre-checked',
    ].join('\n');
    expect(parseCatalogue(md)).toEqual(['ACC-01', 'CON-04', 'I18N-01']);
  });

  it('is found beside the repository or beside a parent folder, or explicitly; null otherwise', () => {
    const files = new Set(['/work/shared/REQUIREMENTS.md', '/elsewhere/req.md']);
    const exists = (p: string) => files.has(p);
    expect(findCatalogue('/work/main', undefined, exists)).toBe('/work/shared/REQUIREMENTS.md');
    expect(findCatalogue('/work/clones/abc', undefined, exists)).toBe('/work/shared/REQUIREMENTS.md');
    expect(findCatalogue('/tmp/abc', undefined, exists)).toBeNull();
    expect(findCatalogue('/tmp/abc', '/elsewhere/req.md', exists)).toBe('/elsewhere/req.md');
    expect(findCatalogue('/work/main', '/missing.md', exists)).toBeNull();
  });
});

describe('conformance: the tally', () => {
  const catalogue = ['ACC-01', 'CON-13', 'IMP-05'];

  it('lists every catalogue id, those without tests too, in the totals', () => {
    const c = tally(report(file('a.test.ts', [test('[CON-13] ok')])), catalogue);
    expect(Object.keys(c.ids)).toEqual(catalogue);
    expect(c.ids['ACC-01']).toEqual({ tests: 0, passed: 0, failed: 0, titles: [] });
    expect(c.covered).toBe(1);
    expect(c.ok).toBe(true);
    expect(formatConformance(c).at(-1)).toMatch(/^1 of 3 requirement ids have passing tests/);
    expect(formatConformance(c)).toContain('ACC-01   NONE  0/0 passed');
  });

  it('a failing test fails its ids and the whole report', () => {
    const c = tally(report(file('a.test.ts', [test('[CON-13] a'), test('[CON-13, IMP-05] b', 'failed')])), catalogue);
    expect(c.ids['CON-13']).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    expect(c.ids['IMP-05']).toMatchObject({ tests: 1, passed: 0, failed: 1 });
    expect(c.covered).toBe(0);
    expect(c.ok).toBe(false);
  });

  it('a failing test without any tag still fails the report', () => {
    const c = tally(report(file('a.test.ts', [test('[CON-13] a'), test('untagged', 'failed')])), catalogue);
    expect(c.covered).toBe(1);
    expect(c.ok).toBe(false);
  });

  it('an id mentioned outside brackets is not counted', () => {
    const c = tally(report(file('a.test.ts', [test('does not show CON-13 at all')])), catalogue);
    expect(c.ids['CON-13']!.tests).toBe(0);
  });

  it('an id outside the catalogue is reported as unknown and fails the report', () => {
    const c = tally(report(file('a.test.ts', [test('[CON-99] typo'), test('[CON-13] ok')])), catalogue);
    expect(c.unknown).toEqual({ 'CON-99': ['[CON-99] typo'] });
    expect(Object.keys(c.ids)).not.toContain('CON-99');
    expect(c.ok).toBe(false);
    expect(formatConformance(c).join('\n')).toContain('CON-99   UNKNOWN');
  });

  it('a test file that failed to load counts as broken and fails the report', () => {
    const r = report(
      file('a.test.ts', [test('[CON-13] ok')]),
      file('b.test.ts', [], { status: 'failed', message: "Cannot find module './gone.ts'\n  at …" }),
    );
    const c = tally(r, catalogue);
    expect(c.brokenFiles).toEqual([{ file: 'b.test.ts', message: "Cannot find module './gone.ts'\n  at …" }]);
    expect(c.ok).toBe(false);
    expect(formatConformance(c).join('\n')).toContain("BROKEN   b.test.ts: Cannot find module './gone.ts'");
  });

  it('skipped tests are not counted as showing an id', () => {
    const c = tally(report(file('a.test.ts', [test('[CON-13] later', 'skipped')])), catalogue);
    expect(c.ids['CON-13']!.tests).toBe(0);
    expect(c.ok).toBe(true);
  });
});

describe('CI summary line', () => {
  it('is exactly "N passed, N failed"', () => {
    expect(summaryLine(report(file('a', [test('x'), test('y', 'failed')])), 1)).toBe('1 passed, 1 failed');
  });

  it('counts a file that failed to load as a failure', () => {
    const r = report(file('a', [test('x')]), file('b', [], { status: 'failed', message: 'SyntaxError' }));
    expect(brokenFiles(r)).toHaveLength(1);
    expect(summaryLine(r, 1)).toBe('1 passed, 1 failed');
  });

  it('counts a run that failed before or outside the tests as one failure', () => {
    expect(summaryLine(null, 2)).toBe('0 passed, 1 failed');
    expect(summaryLine(report(file('a', [test('x')])), 1)).toBe('1 passed, 1 failed');
    expect(summaryLine(null, 0)).toBe('0 passed, 0 failed');
  });
});
