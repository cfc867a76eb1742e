// Ported from sisimai (go-sisimai commit ed142ded2c40de1233f82d8405a0acf0b76998c6, rhost/for-*.go
// `messagesof` and `errorcodes`), Copyright (c) 2020-2025, azumakuniyuki and sisimai development
// team. BSD 2-Clause License: see LICENSE-sisimai beside this file. Data only: per mailbox
// provider, reason → lower-case phrases of its SMTP replies (phrases under 10 characters and
// generic words left out), and the provider's own error codes → reason.
export const RHOST_PHRASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  aol: {
    hostunknown: ['host or domain name not found'],
    notaccept: ['type=mx: malformed or unexpected name server reply'],
  },
  apple: {
    authfailure: ['s dmarc policy', 'blocked for failing both spf and dkim autentication checks'],
    blocked: [
      'rejected due to having a domain present in the spamhaus',
      'rejected due to listing in spamhaus',
      'blocked - see https://support.proofpoint.com/dnsbl-lookup',
      'not accepting connections',
    ],
    hasmoved: ['recipient no longer on server'],
    mailboxfull: ['user is over quota'],
    norelaying: ['relay access denied'],
    notaccept: ['host/domain does not accept mail'],
    policyviolation: ['due to local policy'],
    rejected: ['sender address rejected'],
    speeding: ['due to excessive volume'],
    userunknown: ['inactive email address', 'user does not exist', 'unknown or illegal alias'],
  },
  cox: {
    blocked: ['cox too many bad commands from', 'too many invalid recipients'],
    requireptr: ['dns check failure - try again later', 'rejected - no rdns'],
    policyviolation: ['esmtp no data before greeting', 'attachment extension is forbidden'],
    rejected: ['sender rejected'],
    systemerror: ['esmtp server temporarily not available'],
    toomanyconn: ['too many sessions from', 'requested action aborted: try again later', 'message threshold exceeded'],
    userunknown: ['recipient rejected'],
  },
  franceptt: {
    authfailure: ['spf/dns de votre nom de domaine'],
  },
  godaddy: {
    blocked: ['rbl reject', 'www.spamhaus.org/query/bl?ip='],
    expired: ['has been in the queue too long', 'delivery timeout'],
    mailboxfull: ['account storage limit'],
    spamdetected: ['message rejected for spam or virus content'],
    suspend: ['account disabled'],
    systemerror: ['message is looping'],
    userunknown: ['recipient not found', 'account does not exist'],
  },
  gsuite: {
    hostunknown: [' responded with code nxdomain', 'domain name not found'],
    networkerror: [' had no relevant answers.', 'responded with code nxdomain', 'domain name not found'],
    userunknown: ["because the address couldn't be found. check for typos or unnecessary spaces and try again."],
  },
  messagelabs: {
    securityerror: ['please turn on smtp authentication in your mail client'],
    userunknown: ['no such user'],
  },
  nttdocomo: {
    mailboxfull: ['552 too much mail data'],
    toomanyconn: ['552 too many recipients'],
    syntaxerror: ['503 bad sequence of commands', '504 command parameter not implemented'],
  },
  outlook: {
    hostunknown: ['the mail could not be delivered to the recipient because the domain is not reachable'],
    userunknown: ['requested action not taken: mailbox unavailable'],
  },
  tencent: {
    authfailure: ['spf check failed', 'dmarc check failed'],
    blocked: ['suspected bounce attacks', 'suspected spam ip', 'connection denied'],
    mesgtoobig: ['message too large'],
    rejected: ['suspected spam', 'mail is rejected by recipients'],
    spandetected: ['spam is embedded in the email', 'mail content denied'],
    speeding: ['mailbox unavailable or access denined'],
    suspend: ['is a deactivated mailbox'],
    syntaxerror: ['bad address syntax'],
    toomanyconn: ['ip frequency limited', 'domain frequency limited', 'sender frequency limited', 'connection frequency limited'],
    userunknown: ['mailbox not found'],
  },
  yahooinc: {
    authfailure: ['yahoo requires all senders to authenticate with either spf or dkim'],
    blocked: [" because the ip is in spamhaus's list;", 'not accepted from ip addresses on spamhaus xbl'],
    norelaying: ['relaying denied for '],
    notcompliantrfc: ['headers are not rfc compliant'],
    policyviolation: ['not accepted for policy reasons'],
    rejected: [
      'temporarily deferred due to unexpected volume or user complaints',
      'due to unresolvable rfc.5321 domain',
      ' will be permanently deferred',
    ],
    speeding: ['user is receiving mail too quickly'],
    suspend: [' is no longer valid.', 'this mailbox is disabled'],
    syntaxerror: ['syntax error in parameters or arguments'],
    toomanyconn: ['max message per connection reached'],
    userunknown: ["dd this user doesn't have a ", 'mailbox not found'],
  },
};

/** The host names (suffixes) of each provider: its table applies only when the bounce names one. */
export const RHOST_HOSTS: Readonly<Record<string, readonly string[]>> = {
  aol: ['.mail.aol.com', '.mx.aol.com'],
  apple: ['.mail.icloud.com', '.apple.com', '.me.com'],
  cox: ['cox.net'],
  facebook: ['.facebook.com'],
  franceptt: ['.laposte.net', '.orange.fr', '.wanadoo.fr'],
  godaddy: ['smtp.secureserver.net', 'mailstore1.secureserver.net'],
  google: ['aspmx.l.google.com', 'gmail-smtp-in.l.google.com'],
  gsuite: ['googlemail.com'],
  iua: ['.email.ua'],
  kddi: ['.ezweb.ne.jp', 'msmx.au.com'],
  messagelabs: ['.messagelabs.com'],
  microsoft: ['.prod.outlook.com', '.protection.outlook.com', '.onmicrosoft.com', '.exchangelabs.com'],
  mimecast: ['.mimecast.com'],
  nttdocomo: ['mfsmax.docomo.ne.jp'],
  outlook: ['.hotmail.com'],
  spectrum: ['charter.net'],
  tencent: ['.qq.com'],
  yahooinc: ['.yahoodns.net'],
};

/** France PTT (Orange, La Poste): the number after "OFR…_" / "LPN…_" in a reply → reason. */
export const FRANCEPTT_CODES: Readonly<Record<string, string>> = {
  '101': 'blocked',
  '102': 'blocked',
  '103': 'blocked',
  '104': 'toomanyconn',
  '305': 'securityerror',
  '401': 'authfailure',
  '402': 'securityerror',
  '403': 'rejected',
  '405': 'rejected',
  '415': 'rejected',
  '416': 'userunknown',
  '417': 'mailboxfull',
  '420': 'suspend',
  '421': 'rejected',
  '426': 'suspend',
  '505': 'systemerror',
  '506': 'spamdetected',
  '510': 'blocked',
  '514': 'mesgtoobig',
  '517': 'authfailure',
  '630': 'policyviolation',
  '999': 'blocked',
};
