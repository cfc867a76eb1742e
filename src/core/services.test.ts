// services.ts is only the aggregate the composition root builds. The seams areas code against
// live with the area that owns them, so no type-only import cycle runs through services.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
/** Who may read the aggregate: the composition root and the two edges it hands it to. */
const AGGREGATE_READERS = ['cli/compose.ts', 'cli/services.ts', 'server/deps.ts', 'worker/index.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('core/services.ts', () => {
  it('exports only the Services aggregate', () => {
    const text = readFileSync(join(SRC, 'core/services.ts'), 'utf8');
    expect([...text.matchAll(/^export (?:interface|type|const|function|class) (\w+)/gm)].map((m) => m[1])).toEqual(['Services']);
  });

  it('is imported only by the composition root, the HTTP deps and the worker', () => {
    const target = join(SRC, 'core/services.ts');
    const importers = sources(SRC).filter((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from '(\.[^']*services\.ts)'/g)].some((m) => join(dirname(f), m[1] ?? '') === target),
    );
    expect(importers.map((f) => relative(SRC, f)).filter((f) => !AGGREGATE_READERS.includes(f))).toEqual([]);
  });
});
