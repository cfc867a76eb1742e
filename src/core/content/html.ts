// HTML → the text a reader sees, with offsets into the original HTML (CNT-01) and what is hidden
// from the reader (CNT-03). htmlparser2 tokenises (a forgiving, non-recursive state machine: malformed
// markup and tags 10,000 deep are fine); this walks its events once, keeping a stack of element states:
// skipped (script, style, head), hidden (and why), text and background colour. Inline tags do not
// split words ("v<b>ia</b>gra" is one word, as a reader sees it); block tags do.
import { Parser } from 'htmlparser2';
import type { Piece } from './normalize.ts';
import { contrastRatio, parseColour, type Rgb } from './colour.ts';

export type HiddenReason =
  | 'display-none'
  | 'visibility-hidden'
  | 'hidden-attribute'
  | 'opacity-zero'
  | 'font-size-zero'
  | 'off-screen'
  | 'zero-size'
  | 'same-colour';

export interface HtmlPiece extends Piece {
  hidden: HiddenReason | null;
  /** A separator the markup implies (block boundary), not text of the original. */
  separator: boolean;
}

export interface HtmlLink {
  href: string;
  /** Offsets of the href value in the HTML. */
  start: number;
  end: number;
  /** The visible text of the link and its original range (-1 when it has none). */
  text: string;
  textStart: number;
  textEnd: number;
}

export interface HtmlExtract {
  pieces: HtmlPiece[];
  links: HtmlLink[];
}

const SKIP = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'xml']);
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'label',
]);
/** Text contrast below this against its background is "the same colour" (WCAG ratio; 1 = identical). */
export const MIN_VISIBLE_CONTRAST = 1.2;
/** Offsets at or beyond this (px, negative) put text off-screen. */
const OFF_SCREEN_PX = -500;
const MAX_STYLE_CHARS = 4_000;
const MAX_LINK_TEXT = 2_000;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

interface ElementState {
  name: string;
  skip: boolean;
  hidden: HiddenReason | null;
  colour: Rgb | null;
  background: Rgb;
  backgroundUnknown: boolean;
  link: HtmlLink | null;
}

function parseStyle(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!style) return out;
  for (const decl of style.slice(0, MAX_STYLE_CHARS).split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl
      .slice(colon + 1)
      .replace('!important', '')
      .trim()
      .toLowerCase();
    if (prop) out.set(prop, value);
  }
  return out;
}

/** A CSS length in px (pt ≈ px; em/rem × 16; % of 16 px), or null. */
function lengthPx(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^(-?\d{0,6}(?:\.\d{1,6})?)\s?(px|pt|em|rem|%|)$/.exec(value.trim().slice(0, 24));
  if (!m || m[1] === '' || m[1] === '-') return null;
  const n = Number(m[1]);
  if (m[2] === 'em' || m[2] === 'rem') return n * 16;
  if (m[2] === '%') return (n / 100) * 16;
  return n;
}

function ownHidden(style: Map<string, string>, attribs: Record<string, string>): HiddenReason | null {
  if (attribs.hidden !== undefined) return 'hidden-attribute';
  if (style.get('display') === 'none') return 'display-none';
  const visibility = style.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return 'visibility-hidden';
  const opacity = style.get('opacity');
  if (opacity !== undefined && Number.parseFloat(opacity) <= 0.05) return 'opacity-zero';
  const fontSize = lengthPx(style.get('font-size'));
  if (fontSize !== null && fontSize <= 1) return 'font-size-zero';
  for (const prop of ['left', 'top', 'right', 'text-indent', 'margin-left', 'margin-top']) {
    const px = lengthPx(style.get(prop));
    if (px !== null && px <= OFF_SCREEN_PX) return 'off-screen';
  }
  const overflowHidden = style.get('overflow') === 'hidden';
  for (const prop of ['max-height', 'height', 'width', 'max-width']) {
    if (overflowHidden && lengthPx(style.get(prop)) === 0) return 'zero-size';
  }
  const clip = style.get('clip');
  if (clip !== undefined && /^rect\(\s?0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s?\)$/.test(clip.slice(0, 60)))
    return 'zero-size';
  return null;
}

function backgroundOf(style: Map<string, string>, attribs: Record<string, string>): { colour: Rgb | null; unknown: boolean } {
  const image = style.get('background-image');
  const shorthand = style.get('background');
  const unknown =
    attribs.background !== undefined || (image !== undefined && image !== 'none') || (shorthand?.includes('url(') ?? false);
  const value =
    style.get('background-color') ?? shorthand?.split(/\s+/).find((part) => parseColour(part) !== null) ?? attribs.bgcolor;
  return { colour: value === undefined ? null : parseColour(value), unknown };
}

/** Where an attribute's value sits in the HTML (its whole attribute when entities changed it). */
function valueRange(html: string, attrStart: number, attrEnd: number, value: string): [number, number] {
  const raw = html.slice(attrStart, attrEnd + 1);
  const eq = raw.indexOf('=');
  const at = value === '' ? -1 : raw.indexOf(value, eq < 0 ? 0 : eq);
  return at < 0 ? [attrStart, attrEnd + 1] : [attrStart + at, attrStart + at + value.length];
}

export function extractHtml(html: string): HtmlExtract {
  const pieces: HtmlPiece[] = [];
  const links: HtmlLink[] = [];
  const root: ElementState = {
    name: '',
    skip: false,
    hidden: null,
    colour: null,
    background: WHITE,
    backgroundUnknown: false,
    link: null,
  };
  const stack: ElementState[] = [root];
  let attrRanges = new Map<string, [number, number]>();
  const separate = (at: number) => {
    const last = pieces[pieces.length - 1];
    if (last && !last.separator) pieces.push({ text: '\n', start: at, end: at, hidden: null, separator: true });
  };

  const parser = new Parser(
    {
      onattribute(name, value) {
        if (name === 'href' || name === 'alt') attrRanges.set(name, valueRange(html, parser.startIndex, parser.endIndex, value));
      },
      onopentag(rawName, attribs) {
        const name = rawName.toLowerCase();
        const parent = stack[stack.length - 1]!;
        const ranges = attrRanges;
        attrRanges = new Map();
        const style = parseStyle(attribs.style);
        const bg = backgroundOf(style, attribs);
        const colourValue = style.get('color') ?? (name === 'font' ? attribs.color : undefined);
        const ownColour = colourValue === undefined ? null : parseColour(colourValue);
        const state: ElementState = {
          name,
          skip: parent.skip || SKIP.has(name),
          hidden: parent.hidden ?? ownHidden(style, attribs),
          colour: ownColour ?? parent.colour,
          background: bg.colour && bg.colour[3] !== 0 ? bg.colour : parent.background,
          backgroundUnknown: parent.backgroundUnknown || bg.unknown,
          link: parent.link,
        };
        if (state.hidden === null && !state.backgroundUnknown && (ownColour !== null || bg.colour !== null)) {
          const text = state.colour ?? BLACK;
          if (text[3] === 0 || contrastRatio(text, state.background) < MIN_VISIBLE_CONTRAST) state.hidden = 'same-colour';
        }
        if (!INLINE.has(name)) separate(parser.startIndex);
        if (!state.skip && (name === 'a' || name === 'area') && attribs.href !== undefined) {
          const [start, end] = ranges.get('href') ?? [parser.startIndex, parser.endIndex + 1];
          state.link = { href: attribs.href, start, end, text: '', textStart: -1, textEnd: -1 };
          links.push(state.link);
        }
        if (!state.skip && name === 'img' && attribs.alt) {
          const [start, end] = ranges.get('alt') ?? [parser.startIndex, parser.endIndex + 1];
          pieces.push({ text: attribs.alt, start, end, hidden: state.hidden, separator: false });
          separate(end);
        }
        stack.push(state);
      },
      ontext(text) {
        const state = stack[stack.length - 1]!;
        if (state.skip) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        pieces.push({ text, start, end, hidden: state.hidden, separator: false });
        const link = state.link;
        if (link && link.text.length < MAX_LINK_TEXT && state.hidden === null) {
          link.text += text;
          if (link.textStart < 0) link.textStart = start;
          link.textEnd = end;
        }
      },
      onclosetag(rawName) {
        if (stack.length > 1) stack.pop();
        if (!INLINE.has(rawName.toLowerCase())) separate(parser.endIndex + 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { pieces, links };
}
