// Text that enters the platform is well-formed Unicode with no NUL (SEC-06).
//
// Why both: PostgreSQL `text` cannot hold U+0000 (the query fails, and a stored-and-replayed value
// would fail every read of it), and a lone UTF-16 surrogate (`\ud800`) has no UTF-8 form — the
// driver writes U+FFFD instead, so what is stored differs from what was hashed (the consent ledger
// would call a genuine event tampered). SQLite stores both silently, so the two engines would
// disagree. Refusing at the boundary keeps every engine, hash and export byte-identical.
//
// The HTTP server checks every parsed body, query, route param and our own cookies with
// `findUncleanText` (src/server/clean-text.ts); the CSV importer checks each decoded cell with
// `textProblem` and quarantines/rejects the row with the reason it returns.
import { invalid } from './errors.ts';

export type TextProblem = 'nul' | 'lone-surrogate';

/** Why this string may not be stored, or null when it is clean. */
export function textProblem(s: string): TextProblem | null {
  if (s.includes('\u0000')) return 'nul';
  if (!s.isWellFormed()) return 'lone-surrogate';
  return null;
}

export function isCleanText(s: string): boolean {
  return textProblem(s) === null;
}

export interface UncleanText {
  /** Where in the value: `email`, `attributes.city`, `items[2]`; a key itself is named `key of …`. */
  path: string;
  problem: TextProblem;
}

/**
 * The first string in a parsed value (object keys included) that is not clean text, or null.
 * Iterative, so a deeply nested JSON body cannot overflow the stack.
 */
export function findUncleanText(value: unknown, root = ''): UncleanText | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], path: `${path}[${i}]` });
    } else if (v !== null && typeof v === 'object' && !isBinary(v)) {
      for (const [key, child] of Object.entries(v)) {
        const keyPath = path ? `${path}.${key}` : key;
        const problem = textProblem(key);
        if (problem) return { path: `key of ${path || 'the object'}`, problem };
        stack.push({ value: child, path: keyPath });
      }
    }
  }
  return null;
}

function isBinary(v: object): boolean {
  return ArrayBuffer.isView(v) || v instanceof ArrayBuffer;
}

const PROBLEM_TEXT: Record<TextProblem, string> = {
  nul: 'contains a NUL character (U+0000)',
  'lone-surrogate': 'is not well-formed Unicode (a lone surrogate)',
};

export function describeUncleanText(found: UncleanText): string {
  return `${found.path || 'The value'} ${PROBLEM_TEXT[found.problem]}; remove it and try again.`;
}

/** Throws 400 INVALID_TEXT naming the first offending field under `root`. */
export function assertCleanText(value: unknown, root = ''): void {
  const found = findUncleanText(value, root);
  if (found) throw invalid('INVALID_TEXT', describeUncleanText(found), { field: found.path, problem: found.problem });
}
