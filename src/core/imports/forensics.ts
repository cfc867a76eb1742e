// IMP-04 list forensics: statistics gathered row by row while streaming (bounded memory: capped
// key maps and a few samples per reason), then one pure function turns them into a 0–100 risk
// score with its reasons and their weights (policy/imports.ts).
import {
  FUTURE_CONSENT_TOLERANCE_MS,
  GENERIC_MIN_DOMAINS,
  MIN_PLAUSIBLE_CONSENT_TIME,
  OLD_CONSENT_MONTHS,
  RISK_MIN_SHARE,
  RISK_SATURATION,
  RISK_WEIGHTS,
  SAME_SECOND_CLUSTER,
  SEQUENTIAL_MAX_SPREAD,
  SEQUENTIAL_MIN_GROUP,
  type RiskReason,
} from '../../../policy/imports.ts';
import { GENERIC_SITE_MAILBOXES } from './address.ts';
import { FORENSIC_MAX_KEYS, FORENSIC_SAMPLES_PER_REASON } from './limits.ts';

export interface ForensicSample {
  rowNumber: number;
  email: string;
  note?: string;
}

/** What the collector is told about one row that carried an address. */
export interface ObservedRow {
  rowNumber: number;
  email: string;
  local: string;
  domain: string;
  role: boolean;
  disposable: boolean;
  deobfuscated: boolean;
  artefact: boolean;
  suppressedElsewhere: boolean;
  /** The claimed consent time (ISO) or null. */
  consentAt: string | null;
}

export interface ForensicStats {
  rows: number;
  addressed: number;
  role: number;
  disposable: number;
  deobfuscated: number;
  artefact: number;
  suppressedElsewhere: number;
  sequentialRows: number;
  withDate: number;
  missingDate: number;
  future: number;
  tooEarly: number;
  predatesAccount: number;
  old: number;
  largestSameSecond: number;
  largestSameSecondAt: string | null;
  generic: number;
  genericDomains: number;
  samples: Partial<Record<RiskReason, ForensicSample[]>>;
}

export interface ForensicContext {
  /** When the import was uploaded (ISO). */
  now: string;
  /** When the account was created (ISO). */
  accountCreatedAt: string;
  /** The account's contacts with active, unheld consent before this import. */
  verifiedContacts: number;
}

export interface RiskReasonScore {
  reason: RiskReason;
  weight: number;
  /** The share of rows showing it. */
  measure: number;
  points: number;
  detail: string;
}

export interface ForensicReport {
  score: number;
  reasons: RiskReasonScore[];
  stats: Omit<ForensicStats, 'samples'>;
  samples: Partial<Record<RiskReason, ForensicSample[]>>;
}

const SEQ_RE = /^(.*?)(\d+)$/;

/** A streaming collector: call observe() per addressed row, countRow() per row read, then finish(). */
export function createForensicCollector(ctx: ForensicContext) {
  const nowMs = Date.parse(ctx.now);
  const oldBefore = new Date(nowMs);
  oldBefore.setUTCMonth(oldBefore.getUTCMonth() - OLD_CONSENT_MONTHS);
  const oldBeforeIso = oldBefore.toISOString();
  const futureAfterIso = new Date(nowMs + FUTURE_CONSENT_TOLERANCE_MS).toISOString();
  const stats: ForensicStats = {
    rows: 0,
    addressed: 0,
    role: 0,
    disposable: 0,
    deobfuscated: 0,
    artefact: 0,
    suppressedElsewhere: 0,
    sequentialRows: 0,
    withDate: 0,
    missingDate: 0,
    future: 0,
    tooEarly: 0,
    predatesAccount: 0,
    old: 0,
    largestSameSecond: 0,
    largestSameSecondAt: null,
    generic: 0,
    genericDomains: 0,
    samples: {},
  };
  const groups = new Map<string, { count: number; min: number; max: number; sample: ForensicSample[] }>();
  const lastLocalByDomain = new Map<string, string>();
  let alphabeticalRun = 0;
  const seconds = new Map<string, number>();
  const genericDomains = new Set<string>();

  function sample(reason: RiskReason, s: ForensicSample) {
    const list = (stats.samples[reason] ??= []);
    if (list.length < FORENSIC_SAMPLES_PER_REASON) list.push(s);
  }

  return {
    countRow() {
      stats.rows++;
    },
    observe(r: ObservedRow) {
      stats.addressed++;
      const s = { rowNumber: r.rowNumber, email: r.email };
      if (r.role) {
        stats.role++;
        sample('role-addresses', s);
      }
      if (r.disposable) {
        stats.disposable++;
        sample('disposable-addresses', s);
      }
      if (r.deobfuscated) {
        stats.deobfuscated++;
        sample('scraping-artefacts', { ...s, note: 'de-obfuscated' });
      }
      if (r.artefact) {
        stats.artefact++;
        sample('scraping-artefacts', { ...s, note: 'markup or punctuation artefact' });
      }
      if (r.suppressedElsewhere) {
        stats.suppressedElsewhere++;
        sample('suppressed-elsewhere', s);
      }
      const local = r.local.toLowerCase();
      if (GENERIC_SITE_MAILBOXES.has(local)) {
        stats.generic++;
        if (genericDomains.size < FORENSIC_MAX_KEYS) genericDomains.add(r.domain);
        sample('generic-mailboxes-many-domains', s);
      }
      // Sequential local parts within a domain: a1@, a2@, a3@ …
      const m = SEQ_RE.exec(local);
      if (m && (m[2]?.length ?? 0) <= 9) {
        const key = `${m[1]}@${r.domain}`;
        const n = Number(m[2]);
        let g = groups.get(key);
        if (!g && groups.size < FORENSIC_MAX_KEYS) groups.set(key, (g = { count: 0, min: n, max: n, sample: [] }));
        if (g) {
          g.count++;
          g.min = Math.min(g.min, n);
          g.max = Math.max(g.max, n);
          if (g.sample.length < 3) g.sample.push(s);
        }
      }
      // Alphabetical runs: consecutive rows of one domain whose local parts step by one letter (aa, ab, ac …).
      const prev = lastLocalByDomain.get(r.domain);
      if (prev !== undefined && isNextInRun(prev, local)) {
        alphabeticalRun++;
        sample('sequential-local-parts', { ...s, note: `follows ${prev}@` });
      }
      if (lastLocalByDomain.size < FORENSIC_MAX_KEYS || lastLocalByDomain.has(r.domain)) lastLocalByDomain.set(r.domain, local);

      if (r.consentAt === null) {
        stats.missingDate++;
        sample('missing-consent-dates', s);
        return;
      }
      stats.withDate++;
      if (r.consentAt > futureAfterIso) {
        stats.future++;
        sample('implausible-consent-dates', { ...s, note: `in the future: ${r.consentAt}` });
      } else if (r.consentAt < MIN_PLAUSIBLE_CONSENT_TIME) {
        stats.tooEarly++;
        sample('implausible-consent-dates', { ...s, note: `implausibly early: ${r.consentAt}` });
      } else if (r.consentAt < ctx.accountCreatedAt) {
        stats.predatesAccount++;
        sample('consent-predates-account', { ...s, note: r.consentAt });
      }
      if (r.consentAt < oldBeforeIso) {
        stats.old++;
        sample('old-consent', { ...s, note: r.consentAt });
      }
      const sec = r.consentAt.slice(0, 19);
      const c = seconds.get(sec);
      if (c !== undefined || seconds.size < FORENSIC_MAX_KEYS) {
        const next = (c ?? 0) + 1;
        seconds.set(sec, next);
        if (next > stats.largestSameSecond) {
          stats.largestSameSecond = next;
          stats.largestSameSecondAt = sec;
        }
        if (next <= FORENSIC_SAMPLES_PER_REASON) sample('identical-consent-dates', { ...s, note: r.consentAt });
      }
    },
    finish(): ForensicStats {
      let sequential = 0;
      for (const g of groups.values()) {
        // Numbered in sequence: dense (client1, client2 …) or sparse (client3, client17, client40 …
        // drawn from 0–799); a group must be large before a sparse spread counts.
        if (g.count >= SEQUENTIAL_MIN_GROUP && g.max - g.min + 1 <= SEQUENTIAL_MAX_SPREAD * g.count) {
          sequential += g.count;
          for (const s of g.sample) sample('sequential-local-parts', s);
        }
      }
      stats.sequentialRows = sequential + alphabeticalRun;
      stats.genericDomains = genericDomains.size;
      // Keep only the identical-date samples of the largest cluster.
      if (stats.samples['identical-consent-dates'] && stats.largestSameSecondAt) {
        const at = stats.largestSameSecondAt;
        stats.samples['identical-consent-dates'] = stats.samples['identical-consent-dates'].filter((x) => x.note?.startsWith(at));
      }
      return stats;
    },
  };
}

function isNextInRun(prev: string, cur: string): boolean {
  if (prev.length !== cur.length || prev.length === 0) return false;
  const head = prev.slice(0, -1);
  if (cur.slice(0, -1) !== head) return false;
  return cur.charCodeAt(cur.length - 1) === prev.charCodeAt(prev.length - 1) + 1 && /[a-z]$/.test(cur);
}

/** The risk score: Σ weight × min(1, measure / saturation) over reasons above the noise floor, capped at 100. */
export function scoreImport(stats: ForensicStats): ForensicReport {
  const n = Math.max(1, stats.addressed);
  const dated = Math.max(1, stats.withDate);
  const measures: Record<RiskReason, [number, string]> = {
    'role-addresses': [stats.role / n, `${stats.role} role addresses (info@, sales@ …)`],
    'disposable-addresses': [stats.disposable / n, `${stats.disposable} addresses at disposable-mail domains`],
    'sequential-local-parts': [
      stats.sequentialRows / n,
      `${stats.sequentialRows} addresses numbered or lettered in sequence within a domain`,
    ],
    'identical-consent-dates': [
      stats.largestSameSecond >= SAME_SECOND_CLUSTER ? stats.largestSameSecond / n : 0,
      `${stats.largestSameSecond} rows claim consent in the same second (${stats.largestSameSecondAt ?? '-'})`,
    ],
    'missing-consent-dates': [stats.missingDate / n, `${stats.missingDate} rows without a consent date`],
    'implausible-consent-dates': [
      (stats.future + stats.tooEarly) / dated,
      `${stats.future} consent dates in the future, ${stats.tooEarly} implausibly early`,
    ],
    'consent-predates-account': [
      stats.predatesAccount / dated,
      `${stats.predatesAccount} consent dates before this account existed`,
    ],
    'suppressed-elsewhere': [
      stats.suppressedElsewhere / n,
      `${stats.suppressedElsewhere} addresses complained or hard-bounced elsewhere on the platform`,
    ],
    'scraping-artefacts': [
      (stats.deobfuscated + stats.artefact) / n,
      `${stats.deobfuscated} de-obfuscated ("name [at] domain") and ${stats.artefact} with markup or punctuation artefacts`,
    ],
    'generic-mailboxes-many-domains': [
      stats.genericDomains >= GENERIC_MIN_DOMAINS ? stats.generic / n : 0,
      `${stats.generic} generic mailboxes (info@, webmaster@ …) across ${stats.genericDomains} domains`,
    ],
    'old-consent': [stats.old / dated, `${stats.old} consents older than ${OLD_CONSENT_MONTHS} months`],
  };
  const reasons: RiskReasonScore[] = [];
  let total = 0;
  for (const reason of Object.keys(RISK_WEIGHTS) as RiskReason[]) {
    const [measure, detail] = measures[reason];
    const weight = RISK_WEIGHTS[reason];
    const strength = measure < RISK_MIN_SHARE ? 0 : Math.min(1, measure / RISK_SATURATION[reason]);
    const points = Math.round(weight * strength * 10) / 10;
    if (points > 0) reasons.push({ reason, weight, measure: Math.round(measure * 1000) / 1000, points, detail });
    total += points;
  }
  reasons.sort((a, b) => b.points - a.points);
  const { samples, ...rest } = stats;
  return { score: Math.min(100, Math.round(total)), reasons, stats: rest, samples };
}
