// I18N-01: the web app's interface exists in English and Romanian — both catalogues have the
// same keys, none empty, and every key the code uses exists in both.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTRICTABLE_SERVICES } from '../../../core/standing/ports.ts';
import { STANDINGS } from '../../../core/standing/machine.ts';
import { WEB_DIST_DIR } from './index.ts';

const WEB_SRC = join(WEB_DIST_DIR, '..', 'src');
type Catalogue = { [key: string]: string | Catalogue };
// Each language's catalogue is a folder of area files (web/src/i18n/<lang>/*.json), merged whole.
function load(lang: string): Catalogue {
  const dir = join(WEB_SRC, 'i18n', lang);
  const out: Catalogue = {};
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    for (const [key, value] of Object.entries(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Catalogue)) {
      if (key in out) throw new Error(`i18n section ${key} is in two files of ${lang} (${name})`);
      out[key] = value;
    }
  }
  return out;
}

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('web app translations', () => {
  const en = flatten(load('en'));
  const ro = flatten(load('ro'));

  it('[I18N-01] English and Romanian have the same keys and no empty text', () => {
    expect([...ro.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of [...en, ...ro]) expect(text.trim(), key).not.toBe('');
    // Romanian is really Romanian, not a copy of the English catalogue.
    expect(ro.get('nav.logout')).toBe('Ieșire');
    const same = [...en].filter(([k, v]) => ro.get(k) === v && v.replace(/\{\{\w+\}\}/g, '').length > 12);
    expect(same, 'long strings left untranslated').toEqual([]);
  });

  it('[I18N-01] every translation key used by the code exists in both languages', () => {
    const code = sources(WEB_SRC).join('\n');
    const used = new Set<string>();
    for (const m of code.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) used.add(m[1]!);
    for (const m of code.matchAll(/i18nKey="([A-Za-z0-9_.]+)"/g)) used.add(m[1]!);
    for (const m of code.matchAll(/'(auth\.(?:signupDone|signupPending|inviteDone))'/g)) used.add(m[1]!);
    // Keys built from values: every value the API can answer with.
    for (const s of STANDINGS) used.add(`standing.${s}`);
    for (const s of STANDINGS.filter((s) => s !== 'active')) used.add(`standing.title.${s}`).add(`standing.explain.${s}`);
    for (const s of RESTRICTABLE_SERVICES) used.add(`service.${s}`);
    for (const r of ['owner', 'member', 'admin', 'reviewer']) used.add(`role.${r}`);
    for (const r of ['none', 'pending', 'refused']) used.add(`review.${r}`);
    for (const p of ['accepted', 'review', 'refused']) used.add(`auth.policy.${p}`);
    for (const a of ['warn', 'restrict', 'suspend', 'block', 'reinstate', 'approve', 'refuse']) used.add(`operator.${a}`);
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !en.has(k) || !ro.has(k));
    expect(missing).toEqual([]);
  });
});
