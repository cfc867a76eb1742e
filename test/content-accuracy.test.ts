// The labelled content set and what the screen must always catch in it. The accuracy figures
// (recall, false holds per language) are measured by bench/content-accuracy.ts and recorded in
// bench/RESULTS.md, not asserted here (issue 9, "Figures"); this test writes them to
// reports/content-accuracy.json on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, LANGS, figureLines, flagged, measureAccuracy, type AccuracyReport } from './fixtures/content/accuracy.ts';
import { loadLabelledMessages, toContentInput } from './fixtures/content/load.ts';
import { screenContent } from '../src/core/content/screen.ts';

describe('content screen on the labelled set', () => {
  const messages = loadLabelledMessages();
  let report: AccuracyReport;

  beforeAll(() => {
    report = measureAccuracy(messages);
    mkdirSync(join(import.meta.dirname, '..', 'reports'), { recursive: true });
    writeFileSync(
      join(import.meta.dirname, '..', 'reports', 'content-accuracy.json'),
      `${JSON.stringify({ generatedAt: new Date().toISOString(), ...report }, null, 2)}\n`,
    );
    console.log(`content accuracy (policy ${report.policyRevision})\n${figureLines(report).join('\n')}`);
  });

  it('the set has >= 240 messages, half per language, email and SMS, every category, >= as many look-alikes as violations', () => {
    expect(messages.length).toBeGreaterThanOrEqual(240);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    for (const lang of LANGS) {
      const own = messages.filter((m) => m.lang === lang);
      expect(own.length).toBeGreaterThanOrEqual(Math.floor(messages.length * 0.45));
      const violations = own.filter((m) => m.label === 'violation');
      expect(own.length - violations.length).toBeGreaterThanOrEqual(violations.length);
      expect(new Set(own.map((m) => m.channel))).toEqual(new Set(['email', 'sms']));
      expect(new Set(violations.map((m) => m.category))).toEqual(new Set(CATEGORIES));
    }
  });

  it('[CNT-03] every deception case of the set (fake Re:/Fwd:, hidden text, mismatched links, shorteners, IP URLs) is held or rejected as deception', () => {
    const deception = messages.filter((m) => m.label === 'violation' && m.category === 'deception');
    expect(deception.length).toBeGreaterThanOrEqual(10);
    const missed = deception.filter((m) => {
      const r = screenContent(toContentInput(m));
      return !flagged(r.verdict) || !r.findings.some((f) => f.category === 'deception');
    });
    expect(missed.map((m) => m.id)).toEqual([]);
  });

  it('[CNT-04] every phishing-simulation offer of the set is rejected', () => {
    const phishing = messages.filter((m) => m.label === 'violation' && m.category === 'phishing-simulation');
    expect(phishing.length).toBeGreaterThanOrEqual(2);
    expect(phishing.filter((m) => screenContent(toContentInput(m)).verdict !== 'reject').map((m) => m.id)).toEqual([]);
  });
});
