// Accuracy of the content screen on our own labelled set (issue 9, "Figures"): per language,
// recall on violations (held or rejected) and the false-hold rate on legitimate look-alikes (held
// or rejected). Aims: recall ≥ 95%, false holds ≤ 5%. The figures and every miss are printed and
// written to reports/content-accuracy.json. A held-out set written elsewhere is also run against
// the screen, so the aim is not met by tuning to these messages: do not drop or relabel a message
// to pass; fix the screen or report the miss.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenContent, type Verdict } from '../src/core/content/screen.ts';
import { loadLabelledMessages, toContentInput, type LabelledMessage } from './fixtures/content/load.ts';

const RECALL_AIM = 0.95;
const FALSE_HOLD_AIM = 0.05;
const LANGS = ['en', 'ro'] as const;
/** The seed's categories (issue 9, Build 1) plus the deception checks (CNT-03, CNT-04). */
const CATEGORIES = [
  'illegal-activities', 'illegal-drugs', 'counterfeit', 'hacking-tools', 'bomb-instructions',
  'weapons-explosives', 'violence-children', 'hate-speech', 'porn-paid-sex', 'erectile-remedies',
  'bulk-hiring', 'political-lists', 'ico', 'forex', 'debt-collection', 'misinformation',
  'phishing-simulation', 'narcotics-psychotropics', 'currency-stocks', 'get-rich-quick',
  'weight-loss', 'cbd', 'alcohol-tobacco', 'vaping', 'real-estate', 'blockchain', 'gambling',
  'dating', 'clairvoyance-astrology', 'loans', 'lead-generation', 'deception',
]; // prettier-ignore

interface Miss {
  id: string;
  expected: LabelledMessage['label'];
  got: Verdict;
  category?: string;
  style?: string;
  findings: string[];
}
interface LangFigures {
  violations: number;
  caught: number;
  recall: number;
  legitimate: number;
  held: number;
  falseHoldRate: number;
  recallByStyle: Record<string, string>;
}

const flagged = (v: Verdict) => v === 'hold' || v === 'reject';
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('content screen accuracy on the labelled set', () => {
  const messages = loadLabelledMessages();
  const figures = {} as Record<(typeof LANGS)[number], LangFigures>;
  const misses: Miss[] = [];

  beforeAll(() => {
    let revision = '';
    for (const lang of LANGS) {
      const byStyle = new Map<string, { n: number; caught: number }>();
      const f: LangFigures = { violations: 0, caught: 0, recall: 0, legitimate: 0, held: 0, falseHoldRate: 0, recallByStyle: {} };
      for (const m of messages.filter((x) => x.lang === lang)) {
        const result = screenContent(toContentInput(m));
        revision = result.policyRevision;
        const isFlagged = flagged(result.verdict);
        if (m.label === 'violation') {
          f.violations++;
          if (isFlagged) f.caught++;
          const s = byStyle.get(m.style ?? 'unknown') ?? { n: 0, caught: 0 };
          s.n++;
          if (isFlagged) s.caught++;
          byStyle.set(m.style ?? 'unknown', s);
        } else {
          f.legitimate++;
          if (isFlagged) f.held++;
        }
        const wrong = m.label === 'violation' ? !isFlagged : isFlagged;
        if (wrong)
          misses.push({
            id: m.id,
            expected: m.label,
            got: result.verdict,
            ...(m.category ? { category: m.category } : {}),
            ...(m.style ? { style: m.style } : {}),
            findings: result.findings.map((x) => `${x.category}/${x.rule} ${x.score}`),
          });
      }
      f.recall = ratio(f.caught, f.violations);
      f.falseHoldRate = ratio(f.held, f.legitimate);
      for (const [style, s] of [...byStyle].sort()) f.recallByStyle[style] = `${s.caught}/${s.n}`;
      figures[lang] = f;
    }
    const report = {
      generatedAt: new Date().toISOString(),
      policyRevision: revision,
      aims: { recall: RECALL_AIM, falseHoldRate: FALSE_HOLD_AIM },
      figures,
      misses,
    };
    mkdirSync(join(import.meta.dirname, '..', 'reports'), { recursive: true });
    writeFileSync(join(import.meta.dirname, '..', 'reports', 'content-accuracy.json'), `${JSON.stringify(report, null, 2)}\n`);
    const lines = LANGS.map(
      (l) =>
        `${l}: recall ${pct(figures[l].recall)} (${figures[l].caught}/${figures[l].violations}), ` +
        `false holds ${pct(figures[l].falseHoldRate)} (${figures[l].held}/${figures[l].legitimate})`,
    );
    const missLines = misses.map((x) => `  ${x.id}: expected ${x.expected}, got ${x.got} [${x.findings.join(', ')}]`);
    console.log(
      `content accuracy (policy ${revision})\n${lines.join('\n')}\nmisses (${misses.length}):\n${missLines.join('\n')}`,
    );
  });

  it('[CNT-01] the set has ≥ 240 messages, half per language, email and SMS, every category, ≥ as many look-alikes as violations', () => {
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

  for (const lang of LANGS) {
    it(`[CNT-01] ${lang}: holds or rejects ≥ 95% of violations`, () => {
      expect(
        figures[lang].recall,
        misses
          .filter((x) => x.id.startsWith(`${lang}-v`))
          .map((x) => x.id)
          .join(' '),
      ).toBeGreaterThanOrEqual(RECALL_AIM);
    });
    it(`[CNT-01] ${lang}: holds or rejects ≤ 5% of legitimate look-alikes`, () => {
      expect(
        figures[lang].falseHoldRate,
        misses
          .filter((x) => x.id.startsWith(`${lang}-l`))
          .map((x) => x.id)
          .join(' '),
      ).toBeLessThanOrEqual(FALSE_HOLD_AIM);
    });
  }
});
