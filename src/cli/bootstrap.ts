// First run: when no platform operator exists yet, create one with a random password and print
// the sign-in details to stdout, once (ACC-03). Safe with many nodes starting together: the email
// is unique, and an existing user is never promoted here (use `assent create-operator`). Without
// SMTP_URL it also says where system mail (the verification mail first) can be read (ACC-07).
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
      ...(platform.config.smtpUrl ? [] : [outboxLine(platform.config.publicUrl)]),
      '',
      '',
    ].join('\n'),
  );
  return true;
}

/** The first-run line shown when no relay is configured: system mail waits in the outbox. */
export function outboxLine(publicUrl: string): string {
  return `  No SMTP_URL is set: system mail (verification, password reset, invitations) stays in the outbox; read it at ${publicUrl}/app/operator/outbox`;
}
