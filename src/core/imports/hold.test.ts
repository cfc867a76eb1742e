// The hold causes (IMP-05) as data: each cause's stored sentence reads back as the same cause, so
// the app can word it in the reader's language; a sentence that is not one of ours reads as null.
import { describe, expect, it } from 'vitest';
import { IMPORT_REVIEW_GROWTH_FACTOR, IMPORT_REVIEW_RISK_SCORE, IMPORT_REVIEW_ROW_THRESHOLD } from '../../../policy/imports.ts';
import { HOLD_CAUSES, holdCauseOf, holdCauses, holdReasonText, holdReasons } from './hold.ts';

describe('hold causes', () => {
  it('[IMP-05] names every cause that holds an import, with its figures', () => {
    const rows = IMPORT_REVIEW_ROW_THRESHOLD + 200;
    const causes = holdCauses(rows, 10, IMPORT_REVIEW_RISK_SCORE, 20);
    expect(causes.map((c) => c.code)).toEqual(['review-rejected', 'rows', 'growth', 'risk-score']);
    expect(causes[1]).toEqual({ code: 'rows', params: { rows, threshold: IMPORT_REVIEW_ROW_THRESHOLD } });
    expect(causes[2]).toEqual({ code: 'growth', params: { rows, verified: 10, factor: IMPORT_REVIEW_GROWTH_FACTOR } });
    expect(holdCauses(10, 1_000, 0, 0)).toEqual([]);
    expect(holdReasons(rows, 10, IMPORT_REVIEW_RISK_SCORE, 20)).toEqual(causes.map(holdReasonText));
  });

  it('reads every stored sentence back as its cause, and an unknown one as null', () => {
    const all = holdCauses(IMPORT_REVIEW_ROW_THRESHOLD + 1, 0, IMPORT_REVIEW_RISK_SCORE + 3, 7);
    expect(new Set(all.map((c) => c.code))).toEqual(new Set(HOLD_CAUSES));
    for (const c of all) expect(holdCauseOf(holdReasonText(c))).toEqual(c);
    // A risk score with a fraction, as the forensics may give.
    expect(holdCauseOf('risk score 41.5 ≥ 35')).toEqual({ code: 'risk-score', params: { score: 41.5, threshold: 35 } });
    expect(holdCauseOf('held by an operator for another reason')).toBeNull();
    expect(holdCauseOf('more than 1000 rows (1200) and more')).toBeNull();
  });
});
