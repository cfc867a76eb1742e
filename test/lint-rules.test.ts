// The lint rules that keep secrets compared in one place (SEC-02): they must flag what they are for.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint: constant-time comparison of secrets', () => {
  it('[SEC-02] flags === and !== on tokens, signatures, secrets and digests in src', async () => {
    const code = [
      'export const a = (token: string, given: string) => token === given;',
      'export const b = (x: { signature: string }, y: string) => x.signature !== y;',
      'export const c = (r: unknown[], prevHash: string) => r[1] !== prevHash;',
      'export const d = (apiSecret: string, y: string) => y == apiSecret;',
    ].join('\n');
    const found = await messages(code, 'src/core/zz-example.ts');
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/safeEqual/);
  }, 30_000);

  it('[SEC-02] leaves presence and shape checks alone', async () => {
    const code = [
      'export const a = (token: string | null) => token === null;',
      'export const b = (x: { hash?: string }) => x.hash === undefined;',
      "export const c = (token: unknown) => typeof token === 'string';",
      'export const d = (token: string, y: string) => token.length === y.length;',
    ].join('\n');
    expect(await messages(code, 'src/core/zz-example.ts')).toEqual([]);
  }, 30_000);

  it('[SEC-02] only src/core/tokens/constant-time.ts may call timingSafeEqual', async () => {
    const code = "import { timingSafeEqual } from 'node:crypto';\nexport const f = timingSafeEqual;\n";
    expect(await messages(code, 'src/security/zz-example.ts')).toHaveLength(1);
    expect(await messages(code, 'src/config/zz-example.ts')).toHaveLength(1);
    expect(await messages(code, 'src/core/tokens/constant-time.ts')).toEqual([]);
  }, 30_000);
});
