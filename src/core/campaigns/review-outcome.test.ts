// What a person reads of a verdict (CNT-02): every category the policy can report has a name in
// both languages, and findings become category + rule + distinct matched texts.
import { describe, expect, it } from 'vitest';
import { CONTENT_POLICY_DATA } from '../../../policy/content/index.ts';
import { CONTENT_CATEGORY_NAMES, contentCategoryName } from '../../../policy/content/names.ts';
import { DECEPTION_CATEGORY } from '../content/screen.ts';
import { shownFindings } from './review-outcome.ts';

describe('review outcome', () => {
  it('[CNT-02] every policy category and the deception checks have an English and a Romanian name', () => {
    const ids = [...CONTENT_POLICY_DATA.categories.map((c) => c.id), DECEPTION_CATEGORY];
    for (const id of ids) {
      expect(CONTENT_CATEGORY_NAMES.en[id], id).toBeTruthy();
      expect(CONTENT_CATEGORY_NAMES.ro[id], id).toBeTruthy();
      expect(CONTENT_CATEGORY_NAMES.ro[id], id).not.toBe(CONTENT_CATEGORY_NAMES.en[id]);
    }
    expect(contentCategoryName('gambling', 'ro-RO')).toBe('Jocuri de noroc');
    expect(contentCategoryName('gambling', 'de')).toBe('Gambling');
    expect(contentCategoryName('no-such', 'en')).toBe('no-such');
  });

  it('[CNT-02] findings are shown as category, rule, score and the distinct matched texts; malformed ones are skipped', () => {
    const shown = shownFindings([
      {
        category: 'dating',
        rule: 'dating.terms',
        score: 2.48,
        spans: [
          { field: 'subject', start: 0, end: 7, excerpt: 'Singles' },
          { field: 'html', start: 10, end: 16, excerpt: 'dating' },
          { field: 'text', start: 8, end: 14, excerpt: 'dating' },
        ],
      },
      'not a finding',
      { rule: 'no category' },
    ]);
    expect(shown).toEqual([{ category: 'dating', rule: 'dating.terms', score: 2.48, excerpts: ['Singles', 'dating'] }]);
  });
});
