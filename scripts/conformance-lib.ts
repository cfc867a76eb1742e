// The logic of `npm run conformance` and of the CI summary line, kept free of I/O so that it is
// unit-tested (conformance-lib.test.ts). The scripts around it only read files and print.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A requirement id, e.g. CON-13 or I18N-01. */
const ID = '[A-Z][A-Z0-9]{1,4}-\\d{2}';
/** A tag in a test title: `[ID]` or `[ID, ID, …]`. An id outside such brackets is not a tag. */
const TAG_PATTERN = new RegExp(`\\[(${ID}(?:\\s*,\\s*${ID})*)\\]`, 'g');
/** A catalogue entry: a list item that starts with the id. */
const CATALOGUE_LINE = new RegExp(`^- (${ID})\\s`);

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
export interface AssertionResult {
  fullName: string;
  title: string;
  status: TestStatus;
}
export interface FileResult {
  name: string;
  /** 'failed' when a test failed or the file itself did not load or run (then `message` says why). */
  status?: 'passed' | 'failed';
  message?: string;
  assertionResults: AssertionResult[];
}
/** The part of vitest's JSON report we read. */
export interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  testResults: FileResult[];
}

export interface IdResult {
  tests: number;
  passed: number;
  failed: number;
  titles: string[];
}
export interface Conformance {
  /** Every catalogue id (with or without tests), sorted. */
  ids: Record<string, IdResult>;
  /** Ids tagged in test titles that the catalogue does not have, with the titles that use them. */
  unknown: Record<string, string[]>;
  /** Test files that failed without a failing test: they did not load, or a hook failed. */
  brokenFiles: Array<{ file: string; message: string }>;
  /** Catalogue ids with passing tests and no failures. */
  covered: number;
  /** False when any test failed, a file broke, or a title names an id outside the catalogue. */
  ok: boolean;
}

/** The requirement ids a test title is tagged with (only bracketed tags count). */
export function idsInTitle(title: string): string[] {
  const ids = new Set<string>();
  for (const tag of title.matchAll(TAG_PATTERN)) {
    for (const id of tag[1]!.split(',')) ids.add(id.trim());
  }
  return [...ids];
}

/** The ids of a requirements catalogue (REQUIREMENTS.md): lines `- ID text…`. */
export function parseCatalogue(markdown: string): string[] {
  const ids = new Set<string>();
  for (const line of markdown.split('\n')) {
    const m = CATALOGUE_LINE.exec(line);
    if (m?.[1]) ids.add(m[1]);
  }
  return [...ids].sort();
}

/**
 * Where the requirements catalogue is: `--requirements FILE`, else $ASSENT_REQUIREMENTS, else the
 * first `shared/REQUIREMENTS.md` beside the repository or beside one of its parent folders.
 * Null when none exists (the caller must fail: a report without the catalogue hides every id
 * that has no test).
 */
export function findCatalogue(
  root: string,
  explicit: string | undefined,
  exists: (path: string) => boolean = existsSync,
): string | null {
  if (explicit) return exists(explicit) ? resolve(explicit) : null;
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared', 'REQUIREMENTS.md');
    if (exists(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

const NOT_RUN: ReadonlySet<TestStatus> = new Set(['skipped', 'pending', 'todo', 'disabled']);

/** Per catalogue id, the tests tagged with it and their results; plus what makes the run untrue. */
export function tally(report: VitestReport, catalogue: readonly string[]): Conformance {
  const known = new Set(catalogue);
  const ids: Record<string, IdResult> = {};
  for (const id of [...known].sort()) ids[id] = { tests: 0, passed: 0, failed: 0, titles: [] };
  const unknown: Record<string, string[]> = {};
  const broken = brokenFiles(report);
  let anyTestFailed = false;

  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'failed') anyTestFailed = true;
      for (const id of idsInTitle(t.fullName)) {
        if (!known.has(id)) {
          (unknown[id] ??= []).push(t.fullName);
          continue;
        }
        if (NOT_RUN.has(t.status)) continue;
        const r = ids[id]!;
        r.tests++;
        if (t.status === 'passed') r.passed++;
        else r.failed++;
        r.titles.push(`${t.status === 'passed' ? 'ok  ' : 'FAIL'} ${t.fullName}`);
      }
    }
  }
  const covered = Object.values(ids).filter((r) => r.tests > 0 && r.failed === 0).length;
  const ok = !anyTestFailed && broken.length === 0 && Object.keys(unknown).length === 0;
  return { ids, unknown, brokenFiles: broken, covered, ok };
}

/** Test files that failed without a failing test: they did not load, or a hook failed. */
export function brokenFiles(report: VitestReport): Conformance['brokenFiles'] {
  return report.testResults
    .filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
    .map((file) => ({ file: file.name, message: file.message || 'the file failed without a failing test' }));
}

/** The lines `npm run conformance` prints, the totals last. */
export function formatConformance(c: Conformance, verbose = false): string[] {
  const lines: string[] = [];
  for (const [id, r] of Object.entries(c.ids)) {
    const mark = r.tests === 0 ? 'NONE' : r.failed > 0 ? 'FAIL' : 'PASS';
    lines.push(`${id.padEnd(8)} ${mark.padEnd(5)} ${r.passed}/${r.tests} passed`);
    if (verbose) for (const title of r.titles) lines.push(`           ${title}`);
  }
  for (const [id, titles] of Object.entries(c.unknown).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${id.padEnd(8)} UNKNOWN: not in the requirements catalogue, tagged on ${titles.length} test(s):`);
    for (const title of titles) lines.push(`           ${title}`);
  }
  for (const b of c.brokenFiles) lines.push(`BROKEN   ${b.file}: ${firstLine(b.message)}`);
  const total = Object.keys(c.ids).length;
  const problems = [
    c.brokenFiles.length > 0 ? `${c.brokenFiles.length} test file(s) failed to load or run` : '',
    Object.keys(c.unknown).length > 0 ? `${Object.keys(c.unknown).length} unknown id(s)` : '',
  ].filter(Boolean);
  lines.push(
    '',
    `${c.covered} of ${total} requirement ids have passing tests and no failures` +
      (problems.length > 0 ? `; ${problems.join(', ')}` : '') +
      '; written to reports/conformance.json',
  );
  return lines;
}

/**
 * The closing line of CI: "N passed, N failed". A test file that failed to load counts as a
 * failure (its tests never ran), and so does a run that exited non-zero with nothing else failed
 * (a step before the tests, or an error outside any test).
 */
export function summaryLine(report: VitestReport | null, exitStatus: number): string {
  const passed = report?.numPassedTests ?? 0;
  let failed = report ? (report.numFailedTests ?? 0) + brokenFiles(report).length : 0;
  if (exitStatus !== 0 && failed === 0) failed = 1;
  return `${passed} passed, ${failed} failed`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}
