// Deception checks (CNT-03): the seed anti-spam policy ("… prohibits: Any messages violating
// anti-spam laws." — a subject that claims a reply, hidden text, links that show one domain and go
// to another, shortened or IP-address links, links to blocklisted domains. Assent Anti-Spam Policy,
// section 6 (/legal/anti-spam#prohibited-content), "anything that breaks anti-spam laws".
// (CAN-SPAM, 15 U.S.C. 7704(a)(2): no deceptive subject headings; Romanian Law 506/2004 art. 12.)
import type { DeceptionData } from '../../src/core/content/policy-types.ts';
import { URL_SHORTENER_DOMAINS } from './url-shorteners.ts';

export const DECEPTION: DeceptionData = {
  clause:
    'Assent prohibits any message violating anti-spam laws: Assent Anti-Spam Policy, section 6 (/legal/anti-spam#prohibited-content).',
  rules: {
    // A campaign is never a reply: "Re:" / "Fwd:" fakes a conversation the recipient never had.
    'fake-reply-subject': { verdict: 'reject', score: 6 },
    // Text the reader cannot see but filters and the screen read (keyword stuffing, hash busting).
    'hidden-text': { verdict: 'hold', score: 3 },
    // Phishing's signature: the link says paypal.com and goes elsewhere.
    'link-text-mismatch': { verdict: 'reject', score: 6 },
    // Shorteners hide the destination; common and sometimes legitimate, so a reviewer decides.
    'url-shortener': { verdict: 'hold', score: 3 },
    'ip-address-url': { verdict: 'reject', score: 6 },
    'blocklisted-domain': { verdict: 'reject', score: 8 },
  },
  // English, German (AW, WG), French/Romanian (TR: transféré), Romanian (Răsp, Fw), Nordic (SV, VS),
  // Spanish/Portuguese (RV, ENC), Dutch (ANTW, DOORST), Italian (R, I). Compared folded (ă → a).
  replyPrefixes: [
    're',
    'fw',
    'fwd',
    'aw',
    'wg',
    'tr',
    'sv',
    'vs',
    'rv',
    'enc',
    'antw',
    'doorst',
    'r',
    'rasp',
    'raspuns',
    'redirectionat',
    'ref',
    'ynt',
  ],
  shorteners: URL_SHORTENER_DOMAINS,
  // On the list, but each is the platform's own link to its own content: the destination's owner is plain.
  shortenerExceptions: [
    'youtu.be',
    'wa.me',
    'm.me',
    'forms.gle',
    'maps.app.goo.gl',
    'g.page',
    'spoti.fi',
    'apple.co',
    'amzn.to',
    'lnkd.in',
    '1drv.ms',
  ],
  preheaderMaxChars: 200,
};
