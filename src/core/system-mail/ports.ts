// The system-mail area's ports. SystemMailSender is what other areas (accounts, standing,
// imports, forms) hand their mail to; MailTransport is what src/channels/email/smtp-transport.ts
// implements with nodemailer.

/** System mail from the platform to its customers (ACC-07): always through the outbox. */
export type SystemMailCategory = 'critical' | 'feature-news';
export interface SystemMailRequest {
  to: string;
  /** Template id, e.g. 'verify-email', 'password-reset', 'invitation', 'standing-changed', 'consent-confirm'. */
  template: string;
  data: Record<string, unknown>;
  language?: string;
  accountId?: string | null;
  /** 'critical' mail (verification, standing, review outcomes) ignores the feature-news opt-out. */
  category?: SystemMailCategory;
}
export interface SystemMailSender {
  /** Stores the mail in the outbox and queues its delivery; returns the outbox id. */
  enqueue(mail: SystemMailRequest): Promise<string>;
}

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
