// Platform operators (ACC-03): created by `assent create-operator` or the first-run bootstrap.
import { randomUUID } from 'node:crypto';
import { assertEmailShape, assertPasswordRules, normalizeEmail } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { OPERATOR_PASSWORD_BYTES } from './limits.ts';
import type { PlatformRole } from './types.ts';

export interface OperatorResult {
  userId: string;
  email: string;
  role: PlatformRole;
  /**
   * 'created' a new user; 'promoted' an existing user (password unchanged unless one was given);
   * 'exists' when `onlyIfNew` was set and the email already belongs to a user (nothing changed).
   */
  outcome: 'created' | 'promoted' | 'exists';
  /** The generated password, when none was given for a new user; shown once. */
  generatedPassword: string | null;
}

export function createOperatorOps(deps: Pick<AccountsDeps, 'store' | 'hasher' | 'tokens' | 'clock'>) {
  const { store, hasher, tokens, clock } = deps;
  async function createOperator(input: {
    email: string;
    role: PlatformRole;
    password?: string;
    onlyIfNew?: boolean;
  }): Promise<OperatorResult> {
    const email = normalizeEmail(input.email);
    assertEmailShape(email);
    if (input.password !== undefined) assertPasswordRules(input.password);
    const existing = await store.users.byEmail(email);
    if (existing && input.onlyIfNew)
      return { userId: existing.id, email, role: input.role, outcome: 'exists', generatedPassword: null };
    if (existing) {
      await store.users.setPlatformRole(existing.id, input.role);
      if (input.password !== undefined) await store.users.setPassword(existing.id, await hasher.hash(input.password));
      return { userId: existing.id, email, role: input.role, outcome: 'promoted', generatedPassword: null };
    }
    const generatedPassword = input.password === undefined ? tokens.randomToken(OPERATOR_PASSWORD_BYTES) : null;
    const now = clock.now().toISOString();
    const userId = randomUUID();
    const created = await store.users.create({
      id: userId,
      email,
      passwordHash: await hasher.hash(input.password ?? generatedPassword ?? ''),
      name: '',
      emailVerifiedAt: now,
      platformRole: input.role,
      language: 'en',
      createdAt: now,
    });
    // Created by a concurrent run meanwhile: promote that user instead.
    if (created === 'email-taken') return createOperator(input);
    return { userId, email, role: input.role, outcome: 'created', generatedPassword };
  }

  return {
    createOperator,
    async anyOperator(): Promise<boolean> {
      return store.users.anyOperator();
    },
  };
}
