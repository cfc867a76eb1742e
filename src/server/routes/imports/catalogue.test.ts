// The import screens build some translation keys from values the API answers with (the progress
// stage, the risk reason): each one has its sentence in English and Romanian.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RISK_WEIGHTS } from '../../../../policy/imports.ts';
import { IMPORT_STAGES } from '../../../core/imports/progress.ts';
import { WEB_DIST_DIR } from '../app/index.ts';

type Tree = { [k: string]: string | Tree };
const catalogue = (lang: string): Tree =>
  (JSON.parse(readFileSync(join(WEB_DIST_DIR, '..', 'src', 'i18n', lang, 'imports.json'), 'utf8')) as { imports: Tree }).imports;

describe('import screens text', () => {
  it.each(['en', 'ro'])('[I18N-01] %s has a sentence for every progress stage and every risk reason', (lang) => {
    const c = catalogue(lang);
    const progress = c.progress as Tree;
    const reasons = (c.risk as Tree).reason as Tree;
    for (const s of IMPORT_STAGES) expect(progress[s], `progress.${s}`).toMatch(/\S/);
    for (const r of Object.keys(RISK_WEIGHTS)) expect(reasons[r], `risk.reason.${r}`).toMatch(/\{\{share\}\}|\{\{n\}\}/);
  });
});
