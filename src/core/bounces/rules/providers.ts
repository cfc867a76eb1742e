// Replies whose reason is settled by the wording of one provider or MTA, whatever the status or
// the SMTP command says — the role sisimai's lhost/rhost modules play (go-sisimai rhost/for-*.go,
// lhost/via-*.go; BSD-2, see LICENSE-sisimai). Lower case; checked before the generic probes.
// Keep each phrase specific to one product: a generic phrase belongs in phrases.ts.
export const PROVIDER_PHRASES: Readonly<Record<string, readonly string[]>> = {
  userunknown: [
    'resolver.adr.recipientnotfound', // Microsoft 365 / Exchange Online
    'remote server returned unknown recipient', // Microsoft 365
    'requested action not taken: mailbox unavailable', // Outlook.com
    "delivery error: dd this user doesn't have a ", // Yahoo: "554 delivery error: dd This user doesn't have a yahoo.com account"
    'the recipient name is not recognized', // Exchange 2003
    'not listed in domino directory', // Lotus Domino
    'not listed in public name & address book', // Lotus Notes
    'invalid final delivery userid', // IMail Server
    'no valid recipients for this mm', // Verizon MMS gateway
    "because the address couldn't be found", // Google Workspace
    'adresse destinataire invalide', // La Poste (France PTT)
    'mail.local: unknown user', // Sendmail's local delivery agent
    '>: user unknown', // "550 <addr>: User unknown", the RCPT-time answer of Postfix and Sendmail
  ],
  notaccept: ["doesn't receive email according to the administrator: returned null mx"], // Google: null MX
  speeding: [
    'has sent to too many recipients this hour', // GoDaddy
    'is receiving mail at a rate that', // Gmail: the recipient receives too fast
  ],
  notcompliantrfc: ['messages with multiple addresses in from:'], // Gmail
  toomanyconn: ['ip frequency limited', 'connection frequency limited'], // Tencent QQ
  authfailure: [
    'dmarc check failed', // Tencent QQ
    "is not accepted due to domain's dmarc policy", // Gmail
    'does not have authentication information or fails to pass', // Gmail: neither SPF nor DKIM
  ],
  badreputation: ['has been temporarily rate limited due to ip reputation'], // Microsoft
  blocked: ['spamhaus.org/query/bl?ip='], // GoDaddy: 553 with a Spamhaus link
};
