// The in-file duplicate set (IMP-03 "duplicates", IMP-06): one 52-bit key per address in an
// open-addressing table of doubles. A JS Set<number> of 52-bit keys boxes every key as a heap
// number (≈ 40–50 bytes per row: 150 MB for a 3 M-row file, twice over the two passes); this
// table holds 8 bytes per slot at a load of at most one half (≤ 16 bytes per row), outside the
// garbage-collected heap's object graph.

/** Slots of a new table (a power of two). */
const INITIAL_SLOTS = 1 << 14;
/** The table doubles when more than this share of its slots is used. */
const MAX_LOAD = 0.5;
const TWO_32 = 0x1_0000_0000;

export class KeySet52 {
  private table = new Float64Array(INITIAL_SLOTS);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** Adds a key (an integer in [0, 2^52)); returns false when it was already there. */
  add(key: number): boolean {
    if ((this.used + 1) / this.table.length > MAX_LOAD) this.grow();
    return this.insert(this.table, key + 1); // 0 marks an empty slot
  }

  has(key: number): boolean {
    const table = this.table;
    const mask = table.length - 1;
    const stored = key + 1;
    for (let i = slotOf(stored, mask); ; i = (i + 1) & mask) {
      const v = table[i]!;
      if (v === 0) return false;
      if (v === stored) return true;
    }
  }

  private insert(table: Float64Array, stored: number): boolean {
    const mask = table.length - 1;
    for (let i = slotOf(stored, mask); ; i = (i + 1) & mask) {
      const v = table[i]!;
      if (v === stored) return false;
      if (v === 0) {
        table[i] = stored;
        if (table === this.table) this.used++;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    const next = new Float64Array(old.length * 2);
    for (const v of old) if (v !== 0) this.insert(next, v);
    this.table = next;
  }
}

/** Mixes both 26-bit halves of the key (the keys are hash prefixes already; this spreads runs). */
function slotOf(stored: number, mask: number): number {
  const lo = (stored % TWO_32) >>> 0;
  const hi = Math.floor(stored / TWO_32) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) & mask;
}
