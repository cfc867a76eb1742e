import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertCleanText, findUncleanText, isCleanText, textProblem } from './text.ts';

describe('clean text', () => {
  it('[SEC-06] names NUL and lone surrogates, accepts paired surrogates and other control-free text', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('a\ud800b')).toBe('lone-surrogate');
    expect(textProblem('a\udc00')).toBe('lone-surrogate');
    expect(textProblem('emoji 😀 ș ă')).toBeNull();
    expect(isCleanText('tab\tand newline\n')).toBe(true);
  });

  it('[SEC-06] walks nested values and keys, names the path, and survives deep nesting without recursion', () => {
    expect(findUncleanText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toEqual({ path: 'body.a[1].c', problem: 'nul' });
    expect(findUncleanText({ attrs: { ['k\ud800']: 'v' } }, 'body')).toEqual({
      path: 'key of body.attrs',
      problem: 'lone-surrogate',
    });
    expect(findUncleanText({ n: 1, b: true, z: null, buf: Buffer.from([0]) })).toBeNull();
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findUncleanText(deep)?.problem).toBe('nul');
  });

  it('[SEC-06] assertCleanText throws 400-kind INVALID_TEXT with the field in details', () => {
    try {
      assertCleanText({ email: 'a\u0000@x.ro' }, 'body');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'INVALID_TEXT', kind: 'invalid', details: { field: 'body.email', problem: 'nul' } });
    }
  });
});
