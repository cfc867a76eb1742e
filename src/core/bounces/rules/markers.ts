// Lines that start the copy of the returned message inside a plain-text bounce (lower case).
// Text after the first of them is the original message, not the bounce's own words.
export const ORIGINAL_MESSAGE_MARKERS: readonly string[] = [
  '------ this is a copy of the message, including all the headers.',
  "------ this is a copy of the message's headers.",
  '--- below this line is a copy of the message.',
  '----- original message -----',
  '-----original message-----',
  '------ original message ------',
  '----- unsent message below -----',
  '----- message header follows -----',
  '----- original message follows -----',
  'original message follows',
  '--- original message follows',
  '   ----- original message -----',
  'content-type: message/rfc822',
  '------ a copy of the message is attached',
  '----- the header of the original message is following. -----',
  'bounced e-mail:',
];
