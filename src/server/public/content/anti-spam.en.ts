// Assent's Anti-Spam Policy, English. Every clause of the two seed policies (/work/shared/seeds)
// restated in our own words, as Assent's; the section ids are stable (clauses cite them as anchors).
import type { LegalDocument } from './types.ts';

export const ANTI_SPAM_EN: LegalDocument = {
  title: 'Anti-Spam Policy',
  intro: [
    'Assent does not tolerate spam in any form. Marketing by email or SMS has to be lawful, expected and asked for by the people who receive it. This policy applies to every user of Assent and to every service we offer.',
    'When you create an account and accept our Terms of Service, you also accept this Anti-Spam Policy.',
  ],
  sections: [
    {
      id: 'what-is-spam',
      heading: '1. What we call spam',
      blocks: [
        { kind: 'p', text: 'Spam is any email or text message sent to someone who did not give permission to receive it.' },
      ],
    },
    {
      id: 'consent',
      heading: '2. The consent you must have',
      blocks: [
        {
          kind: 'p',
          text: 'Before you send any marketing message through Assent, every recipient must have given you consent that is:',
        },
        {
          kind: 'ul',
          items: [
            'active: the person ticked a box themselves to subscribe, and that box was not ticked in advance;',
            'explicit and specific: the person knew what kind of messages they would get and why;',
            'separate: one checkbox per purpose. Consent cannot be bundled into a single box that also accepts terms of service or a privacy policy, and registering an email address or a phone number on a list used for commercial prospecting needs its own explicit consent;',
            'about the topic: you may only write to someone about the subject they agreed to hear about;',
            'provable: you can show proof of the opt-in of each contact at any time, when we or the contact ask.',
          ],
        },
        {
          kind: 'p',
          text: 'Partner opt-ins and co-registration must appear on the sign-up form itself. The names of all partners must be shown there and be easy to find, and there may be no more than 10 partners.',
        },
      ],
    },
    {
      id: 'list-sources',
      heading: '3. Addresses you must never import or write to',
      blocks: [
        { kind: 'p', text: 'You agree not to import into Assent, or send to, any email address or phone number that:' },
        {
          kind: 'ol',
          items: [
            'you do not have explicit, provable permission to contact about the subject of your message;',
            'you bought, borrowed, rented or obtained in any other way from a third party, whatever that party says about its quality or its permission. Permission must be collected by you, directly;',
            'you copied and pasted from websites, or collected from the internet in any other way;',
            'comes from a publicly available list of contacts;',
            'was added to an existing contact database without its owner opting in to it.',
          ],
        },
      ],
    },
    {
      id: 'no-rented-lists',
      heading: '4. No rented or purchased lists',
      blocks: [
        {
          kind: 'p',
          text: 'We do not allow rented or purchased lists. The people on them never chose to hear from you, so such lists ignore their choice. Email works best with an audience that wants your message, and that starts with a list built only on permission.',
        },
      ],
    },
    {
      id: 'good-practice',
      heading: '5. What you must do to stay clear of spam',
      blocks: [
        { kind: 'p', text: 'To avoid being blocklisted or accused of sending spam in any other way, take these measures:' },
        {
          kind: 'ul',
          items: [
            'send only to contacts who subscribed directly and willingly to this kind of message;',
            'never buy or rent a contact list from a third party, in any circumstances;',
            'never add addresses to an existing database: every address must have opted in explicitly;',
            'never send to a contact list that is publicly available;',
            'never collect contacts, such as email addresses, from the internet.',
          ],
        },
      ],
    },
    {
      id: 'prohibited-content',
      heading: '6. Prohibited content',
      blocks: [
        { kind: 'p', text: 'You may not use Assent to send messages about or containing:' },
        {
          kind: 'ul',
          items: [
            'illegal activities;',
            'illegal drugs;',
            'counterfeit goods;',
            'hacking tools or programs;',
            'instructions for making or assembling bombs;',
            'explosives or other weapons;',
            'material showing violence against children, or encouraging violence;',
            'anything that breaks anti-spam laws;',
            'hate speech or any other forbidden language;',
            'the content and industries we do not accept (section 7) or accept only after review (section 8).',
          ],
        },
      ],
    },
    {
      id: 'not-accepted',
      heading: '7. Industries and topics we do not accept',
      blocks: [
        {
          kind: 'p',
          text: 'We do not open or keep accounts for these industries and topics; a sign-up that declares one is refused:',
        },
        { kind: 'industries', policy: 'refused' },
        {
          kind: 'p',
          text: 'This includes in particular content that promotes violence or hate speech, misinformation ("fake news"), "phishing simulations" run by security services, and content promoting paid sexual acts.',
        },
      ],
    },
    {
      id: 'high-risk',
      heading: '8. High-risk industries and topics',
      blocks: [
        {
          kind: 'p',
          text: 'Some topics draw far more abuse and complaints than average, so we do not accept them as ordinary business. An account that declares one is held for review by our team and cannot send until we have checked it; we refuse it when it cannot meet this policy in full:',
        },
        { kind: 'industries', policy: 'review' },
      ],
    },
    {
      id: 'determining-spam',
      heading: '9. How we determine whether you send spam',
      blocks: [
        {
          kind: 'ol',
          items: [
            'We review the content of the messages concerned.',
            'We check every large list imported into Assent. You cannot send to a list until we have approved it.',
            'We watch blocklists and abuse reporting accounts every day. If we find that you send messages to people without their permission, we block your account at once.',
            'We review every spam complaint.',
            'We watch your complaint rate: a rate above 0.1% usually shows that messages were not asked for.',
            'We also watch the total number of complaints, whatever the rate. Many complaints harm deliverability for everyone even when a high volume keeps the rate low, so we do not allow them either.',
          ],
        },
      ],
    },
    {
      id: 'consequences',
      heading: '10. What happens if you break this policy',
      blocks: [
        {
          kind: 'p',
          text: 'To protect our reputation and the deliverability of everyone who uses Assent, breaking this policy can lead to the immediate suspension of your whole account, or to the restriction of some of its services (for example imports, email, SMS or the API). This follows the suspension process set out in our Terms of Service.',
        },
      ],
    },
    {
      id: 'no-refunds',
      heading: '11. No refunds',
      blocks: [
        {
          kind: 'p',
          text: 'If your account is blocked because it broke this Anti-Spam Policy, we do not refund any amount you paid for the service.',
        },
      ],
    },
    {
      id: 'mail-from-us',
      heading: '12. The mail we send you',
      blocks: [
        {
          kind: 'p',
          text: "We respect your inbox as we ask you to respect your contacts' inboxes. We only write to you about your account. We may also tell you about new features or improvements, or ask how your last campaign went. Some of these messages go to all customers, others are written for you alone. You can turn off news about features in your account settings; messages that are essential to your account cannot be turned off.",
        },
      ],
    },
    {
      id: 'reporting',
      heading: '13. Reporting spam',
      blocks: [
        {
          kind: 'p',
          text: 'If you received spam that you believe was sent through Assent, tell us without hesitation. Please include the sender of the message in your report; the simplest way to describe what happened is to attach or forward the message itself.',
          link: { href: '/report-spam', label: 'Report spam' },
        },
      ],
    },
  ],
};
