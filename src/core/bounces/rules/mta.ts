// Ported from sisimai (go-sisimai commit ed142ded2c40de1233f82d8405a0acf0b76998c6, lhost/via-*.go
// `messagesof`), Copyright (c) 2020-2025, azumakuniyuki and sisimai development team. BSD 2-Clause
// License: see LICENSE-sisimai beside this file. Data only: per MTA, reason → lower-case phrases
// of that MTA's own bounce text. Matched with includes(), in any bounce (we do not name the MTA);
// phrases under 10 characters and generic words ("received", "unknown user", "delivery failed ") are left out.
export const MTA_PHRASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  biglobe: {
    filtered: ['mail delivery failed... user unknown'],
    mailboxfull: ["the number of messages in recipient's mailbox exceeded the local limit."],
  },
  courier: {
    hostunknown: ['no such domain.'],
    systemerror: ["this domain's dns violates rfc 1035."],
    networkerror: ['dns lookup failed.'],
  },
  domino: {
    filtered: ['cannot route mail to user'],
    systemerror: ['several matches found in domino directory'],
    userunknown: [
      'not listed in domino directory',
      'not listed in public name & address book',
      'no se encuentra en el directorio de domino',
      "non répertorié dans l'annuaire domino",
      'domino ディレクトリには見つかりません',
    ],
  },
  dragonfly: {
    expired: ['could not deliver for the last '],
    hostunknown: ['dns lookup failure: host '],
  },
  einsundeins: {
    mesgtoobig: ['mail size limit exceeded'],
  },
  exim: {
    userunknown: ['user not found'],
    hostunknown: [
      'all host address lookups failed permanently',
      'all relevant mx records point to non-existent hosts',
      'unrouteable address',
    ],
    mailboxfull: ['mailbox is full', 'error: quota exceed'],
    notaccept: ['an mx or srv record indicated no smtp service', 'no host found for existing smtp connection'],
    syntaxerror: ['angle-brackets nested too deep', 'domain missing in source-routed address', 'malformed address:'],
    systemerror: ['delivery to file forbidden', 'delivery to pipe forbidden', 'local delivery failed', 'lmtp error after '],
    contenterror: [],
  },
  ezweb: {
    expired: ['your message was not delivered within '],
    mailboxfull: ['the user(s) account is temporarily over quota'],
    onhold: ['each of the following recipients was rejected by a remote mail server'],
    suspend: ['the user(s) account is disabled.', 'the user(s) account is temporarily limited.'],
  },
  gmail: {
    expired: [
      'dns error: could not contact dns servers',
      'delivery to the following recipient has been delayed',
      'the recipient server did not accept our requests to connect',
    ],
    hostunknown: ['dns error: domain name not found', 'dns error: dns server returned answer with no data'],
  },
  gmx: {
    expired: ['delivery retry timeout exceeded'],
  },
  googleworkspace: {
    networkerror: [' had no relevant answers.', ' responded with code nxdomain'],
    notaccept: [],
    userunknown: ["because the address couldn't be found. check for typos or unnecessary spaces and try again."],
  },
  imailserver: {
    hostunknown: ['unknown host'],
    userunknown: ['invalid final delivery userid'],
    mailboxfull: ['user mailbox exceeds allowed size'],
    virusdetected: ['requested action not taken: virus detected'],
    spamdetected: ['blacklisted url in message'],
    expired: [],
  },
  kddi: {
    mailboxfull: ['as their mailbox is full'],
    norelaying: ['due to the following smtp relay error'],
    hostunknown: ['as the remote domain doesnt exist'],
  },
  messagingserver: {
    hostunknown: ['illegal host/domain name found'],
  },
  notes: {
    networkerror: ['message has exceeded maximum hop count'],
    userunknown: ['user not listed in public name & address book', 'ディレクトリのリストにありません'],
  },
  opensmtpd: {
    expired: ['envelope expired'],
    securityerror: ['could not retrieve credentials'],
    hostunknown: ['invalid domain name', 'domain does not exist'],
    networkerror: [
      'address family mismatch on destination mxs',
      'all routes to destination blocked',
      'bad dns lookup error code',
      'could not retrieve source address',
      'network error on destination mxs',
      'no valid route to remote mx',
      'no valid route to destination',
      'temporary failure in mx lookup',
    ],
    notaccept: ['destination seem to reject all mails', 'no mx found for domain', 'no mx found for destination'],
  },
  qmail: {
    hostunknown: ["sorry, i couldn't find any host "],
    mailboxfull: ['disk quota exceeded'],
    mesgtoobig: ['message size exceeds fixed maximum message size:'],
    networkerror: [
      "sorry, i wasn't able to establish an smtp connection",
      "sorry. although i'm listed as a best-preference mx or a for that host",
    ],
    notaccept: ["sorry, i couldn't find a mail exchanger or ip address"],
    systemerror: ['bad interpreter: no such file or directory'],
    systemfull: ['requested action not taken: mailbox unavailable (not enough free space)'],
    userunknown: ['no mailbox here by that name'],
  },
  verizon: {
    userunknown: ['550 - requested action not taken: no such user here', 'no valid recipients'],
  },
  zoho: {
    expired: ['host not reachable'],
  },
};
