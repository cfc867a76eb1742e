// The shape of a legal document's content: sections of paragraphs and lists, plain text only
// (the renderer escapes everything; links are structured, never raw HTML).
export type Block =
  | { kind: 'p'; text: string; link?: { href: string; label: string } }
  | { kind: 'ul' | 'ol'; items: string[] }
  /** The industry catalogue (policy/industries.json) entries with this policy, in the page's language. */
  | { kind: 'industries'; policy: 'refused' | 'review' };

export interface Section {
  /** Anchor, stable across languages and versions (other pages and mail link to it). */
  id: string;
  heading: string;
  blocks: Block[];
}

export interface LegalDocument {
  title: string;
  intro: string[];
  sections: Section[];
}
