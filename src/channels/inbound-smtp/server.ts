// The inbound SMTP server (issue 10 §1): where bounces (VERP), feedback-loop reports, the
// List-Unsubscribe mailto and forwarded spam (the abuse mailbox) arrive. smtp-server speaks the
// protocol; this file decides per command:
// - RCPT: only our mailboxes (mailboxFor) — 550 5.1.1 for anything else (no relay, no catch-all);
//   more than MAX_INBOUND_RECIPIENTS in one transaction — 452 4.5.3 (RFC 5321 §4.5.3.1.10).
// - DATA: over MAX_INBOUND_MESSAGE_BYTES — 552 5.3.4 (announced with SIZE, declared sizes refused
//   at MAIL FROM by smtp-server); otherwise the message is handed to the intake, which stores it
//   and queues its processing, and only then 250. If storing fails the sender gets 451 4.3.0 and
//   retries: nothing acknowledged is ever lost.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../../core/ports.ts';
import { mailboxFor, type MailboxHosts } from '../../core/enforcement/mailboxes.ts';
import {
  MAX_INBOUND_MESSAGE_BYTES,
  MAX_INBOUND_RECIPIENTS,
  type InboundIntake,
  type InboundMailbox,
} from '../../core/enforcement/types.ts';

/** Concurrent SMTP connections; more are refused with 421 by smtp-server. */
export const MAX_INBOUND_CONNECTIONS = 200;
/** An idle connection is closed after this. */
export const INBOUND_SOCKET_TIMEOUT_MS = 60_000;

export interface InboundSmtpOptions {
  host: string;
  port: number;
  /** The name in the greeting and EHLO answer. */
  serverName: string;
  hosts: MailboxHosts;
  intake: InboundIntake;
  logger: Logger;
  /** Largest message kept (tests lower it); default MAX_INBOUND_MESSAGE_BYTES. */
  maxMessageBytes?: number;
}

export interface InboundSmtpServer {
  port: number;
  close(): Promise<void>;
}

type Rcpt = { address: string; mailbox: InboundMailbox };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startInboundSmtpServer(options: InboundSmtpOptions): Promise<InboundSmtpServer> {
  const maxBytes = options.maxMessageBytes ?? MAX_INBOUND_MESSAGE_BYTES;
  // Per session: the mailbox each accepted recipient named (smtp-server keeps only the address).
  const mailboxes = new WeakMap<SMTPServerSession, Map<string, InboundMailbox>>();
  const server = new SMTPServer({
    name: options.serverName,
    banner: 'Assent inbound',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    maxClients: MAX_INBOUND_CONNECTIONS,
    socketTimeout: INBOUND_SOCKET_TIMEOUT_MS,
    logger: false,
    onRcptTo(address, session, callback) {
      const mailbox = mailboxFor(address.address, options.hosts);
      if (!mailbox) return callback(smtpError(550, '5.1.1 No such mailbox here'));
      if (session.envelope.rcptTo.length >= MAX_INBOUND_RECIPIENTS) return callback(smtpError(452, '4.5.3 Too many recipients'));
      let seen = mailboxes.get(session);
      if (!seen) mailboxes.set(session, (seen = new Map()));
      seen.set(address.address, mailbox);
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit the rest is read and dropped (the client must be answered after its '.').
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes)
          return callback(smtpError(552, '5.3.4 Message exceeds fixed maximum message size'));
        const seen = mailboxes.get(session) ?? new Map<string, InboundMailbox>();
        const rcptTo: Rcpt[] = session.envelope.rcptTo.flatMap((r) => {
          const mailbox = seen.get(r.address);
          return mailbox ? [{ address: r.address, mailbox }] : [];
        });
        const raw = Buffer.concat(chunks, size);
        options.intake
          .receiveMail({
            raw,
            envelope: {
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcptTo,
              remoteAddress: session.remoteAddress ?? null,
            },
          })
          .then(
            (receipt) => callback(null, `2.0.0 Kept as ${receipt.id}`),
            (err: unknown) => {
              options.logger.error({ err }, 'inbound message could not be stored');
              callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
            },
          );
      });
    },
  });
  server.on('error', (err) => options.logger.warn({ err }, 'inbound SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const addr = server.server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
