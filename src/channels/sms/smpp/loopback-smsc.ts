// An SMSC on 127.0.0.1 for tests and bench/sms-smpp.ts: the `smpp` package's own server (a real
// SMPP peer, not a mock of our client). It binds transceivers against a table of accounts,
// answers submit_sm (or, as a test asks, holds or refuses them, or drops the link), records
// what arrived, and sends deliver_sm receipts and MO messages to the bound sessions.
import smpp, { type DecodedMessage, type Pdu, type Server, type Session } from 'smpp';

export interface ReceivedSubmit {
  messageId: string;
  source: string;
  sourceTon: number;
  destination: string;
  destTon: number;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  udh: Buffer[];
  text: string;
}

/** What the SMSC does with the n-th submit_sm (1-based, over all sessions). */
export type SubmitAction = 'answer' | 'hold' | 'drop' | { status: number };

export interface LoopbackSmsc {
  port: number;
  submits: ReceivedSubmit[];
  submitCount: number;
  binds: number;
  enquireLinks: number;
  sessions(): Session[];
  /** Sends a deliver_sm to the first bound session; resolves with deliver_sm_resp's status. */
  deliver(fields: Record<string, unknown>): Promise<number>;
  receipt(messageId: string, stat: string, extra?: Record<string, unknown>): Promise<number>;
  inbound(from: string, to: string, text: string): Promise<number>;
  dropAll(): void;
  close(): Promise<void>;
}

export async function startLoopbackSmsc(opts: {
  accounts: Record<string, string>;
  onSubmit?: (n: number, pdu: Pdu) => SubmitAction;
  /** Keep each submit's fields (tests); false counts only (the bench). */
  record?: boolean;
  answerEnquireLink?: boolean;
}): Promise<LoopbackSmsc> {
  const record = opts.record ?? true;
  const bound = new Set<Session>();
  const smsc: Omit<LoopbackSmsc, 'port'> & { port: number } = {
    port: 0,
    submits: [],
    submitCount: 0,
    binds: 0,
    enquireLinks: 0,
    sessions: () => [...bound],
    deliver(fields) {
      const s = [...bound][0];
      if (!s) return Promise.reject(new Error('no bound session'));
      return new Promise((resolve) => s.send(new smpp.PDU('deliver_sm', fields), (r) => resolve(r.command_status)));
    },
    receipt(messageId, stat, extra = {}) {
      const text = `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2611221449 done date:2611221450 stat:${stat} err:${stat === 'DELIVRD' ? '000' : '034'} text:`;
      return smsc.deliver({ esm_class: 0x04, source_addr: '40722000001', short_message: text, ...extra });
    },
    inbound(from, to, text) {
      return smsc.deliver({
        source_addr: from.replace(/^\+/, ''),
        source_addr_ton: from.startsWith('+') ? 1 : 0,
        source_addr_npi: 1,
        destination_addr: to,
        esm_class: 0,
        short_message: text,
      });
    },
    dropAll() {
      for (const s of bound) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of server.sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = smpp.createServer((session) => {
    session.on('error', () => session.destroy());
    session.on('close', () => bound.delete(session));
    session.on('bind_transceiver', (pdu: Pdu) => {
      const ok = opts.accounts[String(pdu.system_id)] === String(pdu.password);
      smsc.binds++;
      if (!ok) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RINVPASWD }));
        return;
      }
      bound.add(session);
      session.send(pdu.response({ system_id: 'loopback' }));
    });
    session.on('enquire_link', (pdu: Pdu) => {
      smsc.enquireLinks++;
      if (opts.answerEnquireLink ?? true) session.send(pdu.response());
    });
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: Pdu) => {
      if (!bound.has(session)) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RINVBNDSTS }));
        return;
      }
      const n = ++smsc.submitCount;
      const messageId = `m${n}`;
      if (record) {
        const sm = pdu.short_message as DecodedMessage;
        smsc.submits.push({
          messageId,
          source: String(pdu.source_addr),
          sourceTon: Number(pdu.source_addr_ton),
          destination: String(pdu.destination_addr),
          destTon: Number(pdu.dest_addr_ton),
          dataCoding: Number(pdu.data_coding),
          esmClass: Number(pdu.esm_class),
          registeredDelivery: Number(pdu.registered_delivery),
          udh: sm.udh ?? [],
          text: typeof sm.message === 'string' ? sm.message : sm.message.toString('latin1'),
        });
      }
      const action = opts.onSubmit?.(n, pdu) ?? 'answer';
      if (action === 'hold') return;
      if (action === 'drop') return session.destroy();
      if (action === 'answer') session.send(pdu.response({ message_id: messageId }));
      else session.send(pdu.response({ command_status: action.status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  smsc.port = address.port;
  return smsc;
}
