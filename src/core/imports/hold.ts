// Why an import is held for review (IMP-05), as data: the causes, the English sentence stored on the
// import and in the audit log, and that sentence read back as its cause — so the web app can word
// every cause in the reader's language, for imports held before causes were data too.
import {
  IMPORT_REVIEW_GROWTH_FACTOR,
  IMPORT_REVIEW_GROWTH_MIN_ROWS,
  IMPORT_REVIEW_RISK_SCORE,
  IMPORT_REVIEW_ROW_THRESHOLD,
} from '../../../policy/imports.ts';

/** IMP-05: why an import is held, as data (the web app words it in the reader's language). */
export const HOLD_CAUSES = ['review-rejected', 'rows', 'growth', 'risk-score'] as const;
export type HoldCause =
  | { code: 'review-rejected'; params: { addresses: number } }
  | { code: 'rows'; params: { rows: number; threshold: number } }
  | { code: 'growth'; params: { rows: number; verified: number; factor: number } }
  | { code: 'risk-score'; params: { score: number; threshold: number } };

/** The held import's causes; empty = not held. */
export function holdCauses(rows: number, verifiedContacts: number, score: number, reviewRejected = 0): HoldCause[] {
  const causes: HoldCause[] = [];
  if (reviewRejected > 0) causes.push({ code: 'review-rejected', params: { addresses: reviewRejected } });
  if (rows > IMPORT_REVIEW_ROW_THRESHOLD) causes.push({ code: 'rows', params: { rows, threshold: IMPORT_REVIEW_ROW_THRESHOLD } });
  if (rows > IMPORT_REVIEW_GROWTH_MIN_ROWS && rows > IMPORT_REVIEW_GROWTH_FACTOR * verifiedContacts) {
    causes.push({ code: 'growth', params: { rows, verified: verifiedContacts, factor: IMPORT_REVIEW_GROWTH_FACTOR } });
  }
  if (score >= IMPORT_REVIEW_RISK_SCORE)
    causes.push({ code: 'risk-score', params: { score, threshold: IMPORT_REVIEW_RISK_SCORE } });
  return causes;
}

/** A cause as the English sentence stored on the import and written to the audit log. */
export function holdReasonText(c: HoldCause): string {
  switch (c.code) {
    case 'review-rejected':
      return `${c.params.addresses} addresses were in an import a reviewer rejected`;
    case 'rows':
      return `more than ${c.params.threshold} rows (${c.params.rows})`;
    case 'growth':
      return `${c.params.rows} rows against ${c.params.verified} verified contacts (more than ${c.params.factor}×)`;
    case 'risk-score':
      return `risk score ${c.params.score} ≥ ${c.params.threshold}`;
  }
}

/** A stored sentence read back as its cause (imports held before causes were data keep only the text); null when unknown. */
export function holdCauseOf(text: string): HoldCause | null {
  let m = /^(\d+) addresses were in an import a reviewer rejected$/.exec(text);
  if (m) return { code: 'review-rejected', params: { addresses: Number(m[1]) } };
  m = /^more than (\d+) rows \((\d+)\)$/.exec(text);
  if (m) return { code: 'rows', params: { threshold: Number(m[1]), rows: Number(m[2]) } };
  m = /^(\d+) rows against (\d+) verified contacts \(more than (\d+(?:\.\d+)?)×\)$/.exec(text);
  if (m) return { code: 'growth', params: { rows: Number(m[1]), verified: Number(m[2]), factor: Number(m[3]) } };
  m = /^risk score (\d+(?:\.\d+)?) ≥ (\d+(?:\.\d+)?)$/.exec(text);
  if (m) return { code: 'risk-score', params: { score: Number(m[1]), threshold: Number(m[2]) } };
  return null;
}

/** IMP-05: why an import must be reviewed, in the stored English form; empty = not held. */
export function holdReasons(rows: number, verifiedContacts: number, score: number, reviewRejected = 0): string[] {
  return holdCauses(rows, verifiedContacts, score, reviewRejected).map(holdReasonText);
}
