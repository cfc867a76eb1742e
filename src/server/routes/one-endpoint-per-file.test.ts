// STYLE 4: one endpoint per file, named verb-noun; a folder's index.ts only registers them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = import.meta.dirname;
/** A route registration: app.get(…), app.get<…>(…), app.withTypeProvider<…>().post(…), app.route(…). */
const REGISTRATION = /(?:\bapp|\))\s*\.(?:get|post|put|patch|delete|head|options|all|route)(?:<[^>]*>)?\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('route files', () => {
  it('each file registers at most one endpoint, and index files none', () => {
    const files = sources(ROUTES);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) => {
      const count = (readFileSync(f, 'utf8').match(REGISTRATION) ?? []).length;
      const allowed = f.endsWith('/index.ts') ? 0 : 1;
      return count > allowed ? [`${f.slice(ROUTES.length + 1)}: ${count}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
