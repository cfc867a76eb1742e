// First run: when no platform operator exists yet, create one with a random password and print
// the sign-in details to stdout, once (ACC-03). Safe with many nodes starting together: the email
// is unique, and an existing user is never promoted here (use `assent create-operator`).
import { DEFAULT_OPERATOR_EMAIL } from '../core/accounts/limits.ts';
import type { Platform } from './compose.ts';

export interface BootstrapOutput {
  write(text: string): void;
}

export async function bootstrapFirstOperator(
  platform: Pick<Platform, 'config' | 'services' | 'logger'>,
  out: BootstrapOutput = process.stdout,
): Promise<boolean> {
  const accounts = platform.services.accounts;
  if (await accounts.anyOperator()) return false;
  const email = platform.config.operatorEmail ?? DEFAULT_OPERATOR_EMAIL;
  const result = await accounts.createOperator({ email, role: 'admin', onlyIfNew: true });
  if (result.outcome === 'exists' || !result.generatedPassword) {
    platform.logger.warn(`No platform operator exists and ${email} is already a user; run \`assent create-operator EMAIL\`.`);
    return false;
  }
  out.write(
    [
      '',
      '  Assent first run: a platform admin was created.',
      `  Sign in at: ${platform.config.publicUrl}/app/login`,
      `  Email:      ${result.email}`,
      `  Password:   ${result.generatedPassword}`,
      '  This password will not be shown again; change it after signing in.',
      '',
      '',
    ].join('\n'),
  );
  return true;
}
