// The risk score as the customer sees it (issue 13 §3, IMP-04): each reason the forensics found,
// with how many addresses show it, their share, the points it adds to the score and its weight
// (policy/imports.ts RISK_WEIGHTS) — the numbers the reviewer sees, without the flagged samples.
// The web page writes each reason in plain words (web/src/i18n/<lang>/imports.json risk.reason).
import type { RiskReason } from '../../../policy/imports.ts';
import type { ForensicReport, ForensicStats } from './forensics.ts';

export interface CustomerRiskReason {
  reason: RiskReason;
  /** Rows (addresses or consent dates) showing it. */
  count: number;
  /** Their share of the addresses (or of the dated rows), 0–1. */
  share: number;
  /** What it adds to the score. */
  points: number;
  /** The most it can add (its weight). */
  weight: number;
  /** generic-mailboxes-many-domains: over how many domains. */
  domains?: number;
}

export interface CustomerRisk {
  score: number;
  reasons: CustomerRiskReason[];
}

type Stats = Omit<ForensicStats, 'samples'>;

const COUNT: Record<RiskReason, (s: Stats) => number> = {
  'role-addresses': (s) => s.role,
  'disposable-addresses': (s) => s.disposable,
  'sequential-local-parts': (s) => s.sequentialRows,
  'identical-consent-dates': (s) => s.largestSameSecond,
  'missing-consent-dates': (s) => s.missingDate,
  'implausible-consent-dates': (s) => s.future + s.tooEarly,
  'consent-predates-account': (s) => s.predatesAccount,
  'suppressed-elsewhere': (s) => s.suppressedElsewhere,
  'scraping-artefacts': (s) => s.deobfuscated + s.artefact,
  'generic-mailboxes-many-domains': (s) => s.generic,
  'old-consent': (s) => s.old,
};

export function customerRisk(report: ForensicReport | null): CustomerRisk | null {
  if (!report) return null;
  return {
    score: report.score,
    reasons: report.reasons.map((r) => ({
      reason: r.reason,
      count: COUNT[r.reason](report.stats) || 0,
      share: r.measure,
      points: r.points,
      weight: r.weight,
      ...(r.reason === 'generic-mailboxes-many-domains' ? { domains: report.stats.genericDomains || 0 } : {}),
    })),
  };
}
