// The platform speaks as Assent. The seed policies we restated (../shared/seeds) were written by
// other companies; their names must not reach a customer or a recipient: not in the policy data,
// the server's strings, the public site, system mail or the web app. Every refusal cites
// Assent's own Anti-Spam Policy by section, with the section's anchor on /legal/anti-spam.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSED_SOURCES } from '../policy/imports.ts';
import { defaultIndustries } from '../src/core/accounts/industries.ts';
import { ANTI_SPAM_EN } from '../src/server/public/content/anti-spam.en.ts';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';

/** The companies the seed policies name (seeds 000: Conectoo; 003: OptiMail Pro). */
const FOREIGN_BRANDS = /conectoo|optimail/i;

const ROOT = join(import.meta.dirname, '..');
/** Where text that reaches a customer or a recipient is written. */
const SOURCES = ['policy', 'src', 'web/src', 'web/index.html'];

function files(path: string): string[] {
  const abs = join(ROOT, path);
  if (statSync(abs).isFile()) return [path];
  return readdirSync(abs).flatMap((name) => files(join(path, name)));
}

const customerFacing = SOURCES.flatMap(files).filter((f) => /\.(ts|tsx|json|html)$/.test(f) && !/\.test\.tsx?$/.test(f));

describe('words the customer sees', () => {
  it('no source of customer-facing text names another company', () => {
    expect(customerFacing.length).toBeGreaterThan(100);
    const hits = customerFacing.flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (FOREIGN_BRANDS.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it("every refusal clause cites a section of Assent's Anti-Spam Policy by its number and anchor", () => {
    const sections = new Map(ANTI_SPAM_EN.sections.map((s) => [s.id, s.heading.split('.')[0]]));
    const clauses = [
      ...Object.values(REFUSED_SOURCES),
      ...defaultIndustries().flatMap((i) => (i.clause === undefined ? [] : [i.clause])),
    ];
    expect(clauses.length).toBeGreaterThan(20);
    for (const clause of clauses) {
      const cite = /^Assent Anti-Spam Policy, section (\d+)(?:, item \d+)? \(\/legal\/anti-spam#([a-z-]+)\): ./.exec(clause);
      expect(cite, clause).not.toBeNull();
      expect(sections.get(cite?.[2] ?? ''), clause).toBe(cite?.[1]);
    }
  });

  describe('rendered', () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform('sqlite');
    });
    afterAll(async () => {
      await t?.close();
    });

    it('no public page or API catalogue names another company, in English or Romanian', async () => {
      const urls = ['/', '/legal/terms', '/legal/anti-spam', '/legal/cookies', '/report-spam'].flatMap((p) => [
        `${p}?lang=en`,
        `${p}?lang=ro`,
      ]);
      for (const url of [...urls, '/api/v1/auth/industries']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toMatch(FOREIGN_BRANDS);
      }
    });
  });
});
