// smpp 0.5 ships no types: the part we use (client session, server, PDU fields read back).
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A decoded short_message / message_payload: the lib splits off the UDH when esm_class says so. */
  export interface DecodedMessage {
    udh?: Buffer[];
    message: string | Buffer;
  }

  export interface Pdu {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): Pdu;
  }

  export class PDU implements Pdu {
    constructor(command: string, options?: Record<string, unknown>);
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): Pdu;
    toBuffer(): Buffer;
  }

  export class Session extends EventEmitter {
    socket: Socket;
    /** False when the socket is not writable (nothing was sent). */
    send(pdu: Pdu, onResponse?: (pdu: Pdu) => void, onSent?: (pdu: Pdu) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    [command: string]: unknown;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: {
    host: string;
    port: number;
    tls?: boolean;
    servername?: string;
    rejectUnauthorized?: boolean;
  }): Session;
  export function createServer(listener: (session: Session) => void): Server;

  export const gsmCoder: { encode(text: string, table: number): Buffer; decode(bytes: Buffer, table: number): string };

  const smpp: {
    PDU: typeof PDU;
    connect: typeof connect;
    createServer: typeof createServer;
    gsmCoder: typeof gsmCoder;
    errors: Record<string, number>;
  };
  export default smpp;
}
