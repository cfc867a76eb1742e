// Named size limits of the content screen (STYLE 6: every parser has one). Over a limit the screen
// refuses with CONTENT_TOO_LARGE (413) instead of reading it. Gmail clips messages over ~102 KB; a
// campaign body ten times that is not a campaign.

/** The HTML body, and separately the text part, in UTF-8 bytes. */
export const MAX_CONTENT_HTML_BYTES = 1_048_576;
/** Subject and preheader, each, in UTF-8 bytes. */
export const MAX_CONTENT_HEADER_BYTES = 4_096;
/** Links given beside the body. */
export const MAX_CONTENT_LINKS = 2_000;
/** Spans shown per finding (the count is still scored). */
export const MAX_SPANS_PER_FINDING = 20;
/** Characters of an excerpt. */
export const MAX_EXCERPT_CHARS = 200;
