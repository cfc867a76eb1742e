// The mail transport port: src/channels/email/smtp-transport.ts implements it with nodemailer.
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (already free of CR/LF). */
  headers?: Record<string, string>;
  /** Our own Message-ID domain is chosen by the transport. */
  messageId?: string;
}

export interface MailTransport {
  /** Resolves when the relay accepted the message; throws MailSendError otherwise. */
  send(message: MailMessage): Promise<{ messageId: string; response: string }>;
  close(): Promise<void>;
}

/**
 * Why a send failed, classified by the transport (RFC 5321 §4.2.1): a 5yz reply is a permanent
 * failure; a 4yz reply or a connection problem is transient and worth retrying.
 */
export class MailSendError extends Error {
  readonly permanent: boolean;
  readonly responseCode: number | null;
  constructor(message: string, options: { permanent: boolean; responseCode?: number | null }) {
    super(message);
    this.name = 'MailSendError';
    this.permanent = options.permanent;
    this.responseCode = options.responseCode ?? null;
  }
}
