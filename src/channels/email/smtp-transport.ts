// The MailTransport port over nodemailer's pooled SMTP transport, pointed at the relay in
// SMTP_URL (smtp:// or smtps://, credentials in the URL). Classifies failures per RFC 5321
// §4.2.1: 5yz = permanent, 4yz or no reply (network) = transient.
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { MailSendError, type MailMessage, type MailTransport } from '../../core/system-mail/ports.ts';

export const SMTP_MAX_CONNECTIONS = 5;
/** Close idle pooled connections well below the 5 minutes RFC 5321 §4.5.3.2.7 lets a server wait. */
export const SMTP_IDLE_TIMEOUT_MS = 30_000;
export const SMTP_CONNECTION_TIMEOUT_MS = 15_000;
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;

export function createSmtpTransport(smtpUrl: string, options: { idleTimeoutMs?: number } = {}): MailTransport {
  const url = new URL(smtpUrl);
  // nodemailer is loaded on the first message, not at start-up (cold start of `assent all`).
  let pool: Promise<Transporter> | undefined;
  const transporter = () =>
    (pool ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        pool: true,
        host: url.hostname,
        port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
        secure: url.protocol === 'smtps:',
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        maxConnections: SMTP_MAX_CONNECTIONS,
        idleTimeout: options.idleTimeoutMs ?? SMTP_IDLE_TIMEOUT_MS,
        connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
        socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
        // A relay on loopback may offer STARTTLS with a self-signed certificate; elsewhere we verify.
        tls: { rejectUnauthorized: !['127.0.0.1', 'localhost', '::1'].includes(url.hostname) },
      } as SMTPPool.Options),
    ));

  return {
    async send(message: MailMessage) {
      try {
        const info = await (
          await transporter()
        ).sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          ...(message.messageId ? { messageId: message.messageId } : {}),
        });
        return { messageId: String(info.messageId ?? ''), response: String(info.response ?? '') };
      } catch (err) {
        const e = err as { message?: string; responseCode?: number; response?: string };
        const code = typeof e.responseCode === 'number' ? e.responseCode : null;
        const text = e.response ?? e.message ?? String(err);
        throw new MailSendError(text, { permanent: code !== null && code >= 500 && code < 600, responseCode: code });
      }
    },
    async close() {
      if (pool) (await pool).close();
    },
  };
}
