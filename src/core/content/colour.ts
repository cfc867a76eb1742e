// CSS colours, enough to tell text the colour of its background (CNT-03): #rgb, #rrggbb(aa), rgb(),
// rgba(), and the named colours emails use for backgrounds. Unknown values are null (not judged).

/** [r, g, b, alpha 0..1]; alpha 0 is transparent. */
export type Rgb = [number, number, number, number?];

const NAMED: Record<string, Rgb> = {
  white: [255, 255, 255],
  black: [0, 0, 0],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  yellow: [255, 255, 0],
  orange: [255, 165, 0],
  purple: [128, 0, 128],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  silver: [192, 192, 192],
  whitesmoke: [245, 245, 245],
  snow: [255, 250, 250],
  ivory: [255, 255, 240],
  ghostwhite: [248, 248, 255],
  floralwhite: [255, 250, 240],
  linen: [250, 240, 230],
  seashell: [255, 245, 238],
  mintcream: [245, 255, 250],
  azure: [240, 255, 255],
  aliceblue: [240, 248, 255],
  honeydew: [240, 255, 240],
  beige: [245, 245, 220],
  lightgray: [211, 211, 211],
  lightgrey: [211, 211, 211],
  gainsboro: [220, 220, 220],
  navy: [0, 0, 128],
  maroon: [128, 0, 0],
  transparent: [0, 0, 0, 0],
};

const hex = (s: string) => Number.parseInt(s, 16);

export function parseColour(raw: string): Rgb | null {
  const v = raw.trim().toLowerCase().slice(0, 64);
  if (v in NAMED) return NAMED[v]!;
  if (v.startsWith('#')) {
    const h = v.slice(1);
    if (!/^[0-9a-f]+$/.test(h)) return null;
    if (h.length === 3 || h.length === 4)
      return [hex(h[0]! + h[0]!), hex(h[1]! + h[1]!), hex(h[2]! + h[2]!), h.length === 4 ? hex(h[3]! + h[3]!) / 255 : 1];
    if (h.length === 6 || h.length === 8)
      return [hex(h.slice(0, 2)), hex(h.slice(2, 4)), hex(h.slice(4, 6)), h.length === 8 ? hex(h.slice(6, 8)) / 255 : 1];
    return null;
  }
  const m = /^rgba?\(([^)]{1,60})\)$/.exec(v);
  if (!m) return null;
  const parts = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map((p) => (p.endsWith('%') ? (Number.parseFloat(p) / 100) * 255 : Number.parseFloat(p)));
  if (parts.length < 3 || parts.slice(0, 3).some((n) => !Number.isFinite(n))) return null;
  const alpha =
    parts[3] === undefined
      ? 1
      : m[1]!
            .split(/[\s,/]+/)
            .filter(Boolean)[3]!
            .endsWith('%')
        ? parts[3] / 255
        : parts[3];
  return [parts[0]!, parts[1]!, parts[2]!, alpha];
}

const channel = (c: number) => {
  const s = Math.min(255, Math.max(0, c)) / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (c: Rgb) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);

/** WCAG 2 contrast ratio, 1 (same) … 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
