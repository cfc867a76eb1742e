import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { recipientTimeZones } from '../sms/local-time.ts';
import { createZoneIndex, decodeZoneData, libraryZoneData, recipientZones } from './recipient-zones.ts';

/** A flat BSON document of the given string values (the mapping's format). */
function bson(entries: Array<[string, string]>, type = 0x02): Uint8Array {
  const parts: Buffer[] = [];
  for (const [k, v] of entries) {
    const value = Buffer.from(`${v}\0`, 'utf8');
    const len = Buffer.alloc(4);
    len.writeInt32LE(value.length);
    parts.push(Buffer.from([type]), Buffer.from(`${k}\0`, 'utf8'), len, value);
  }
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4);
  return new Uint8Array(Buffer.concat([size, body]));
}

describe('recipient zones in memory', () => {
  it('[SMS-03] answers exactly what the library answers, for numbers across the whole mapping', async () => {
    const keys = [...decodeZoneData(libraryZoneData()).keys()];
    expect(keys.length).toBeGreaterThan(3_000);
    // Every 5th prefix of the data, padded into a full number, plus everyday numbers.
    const numbers = [
      '+40722123456',
      '+12125550123',
      '+18005550123',
      '+819012345678',
      '+447700900123',
      '+61255053123',
      '+79161234567',
      '+5511987654321',
      ...keys.filter((_, i) => i % 5 === 0).map((k) => `+${`${k}00000000000000`.slice(0, Math.max(k.length + 3, 11))}`),
    ];
    let compared = 0;
    for (const n of numbers) {
      // Contacts keep phones as the library's E.164: compare where the number is its own E.164.
      if (parsePhoneNumberFromString(n)?.number !== n) continue;
      expect([...recipientZones.zonesOf(n)], n).toEqual(await recipientTimeZones(n));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('[SMS-03] reads the mapping once, however many numbers are looked up (no file read per recipient)', () => {
    let reads = 0;
    const index = createZoneIndex(() => {
      reads++;
      return libraryZoneData();
    });
    expect(reads).toBe(0);
    for (let i = 0; i < 10_000; i++) index.zonesOf(`+4072${String(i).padStart(7, '0')}`);
    expect(reads).toBe(1);
    // Numbers with the same prefix share one frozen answer (the gate memoizes per zone set).
    const a = index.zonesOf('+12125550123');
    expect(index.zonesOf('+12129998877')).toBe(a);
    expect(a).toEqual(['America/New_York']);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('takes the longest prefix, drops zones the tz database lacks, and answers none for what is not E.164', () => {
    const index = createZoneIndex(() =>
      bson([
        ['1', 'America/New_York&America/Chicago'],
        ['1212', 'America/New_York'],
        ['99', 'Mars/Olympus_Mons'],
      ]),
    );
    expect(index.zonesOf('+12125550123')).toEqual(['America/New_York']);
    expect(index.zonesOf('+13125550123')).toEqual(['America/Chicago', 'America/New_York']);
    expect(index.zonesOf('+991234567')).toEqual([]);
    expect(index.zonesOf('+4072212345')).toEqual([]);
    expect(index.zonesOf('0722123456')).toEqual([]);
    expect(index.zonesOf('+1 212 555 0123')).toEqual([]);
  });

  it('refuses to guess from a mapping file it cannot read', () => {
    const good = () => bson([['40', 'Europe/Bucharest']]);
    expect(decodeZoneData(good())).toEqual(new Map([['40', 'Europe/Bucharest']]));
    expect(decodeZoneData(bson([['40', '']]))).toEqual(new Map([['40', '']])); // an empty string is a string
    expect(() => decodeZoneData(bson([['40', 'Europe/Bucharest']], 0x10))).toThrow(/type 16/);
    expect(() => decodeZoneData(good().subarray(0, 10))).toThrow(/document length/);
    // Layout of good(): size(4) type(1) "40\0"(3) length(4) "Europe/Bucharest\0"(17) end(1) = 30 bytes.
    const at = (patch: (b: Uint8Array, v: DataView) => void) => {
      const b = good();
      patch(b, new DataView(b.buffer));
      return () => decodeZoneData(b);
    };
    expect(good().length).toBe(30);
    expect(at((b) => b.fill(0x41, 5, 30))).toThrow(/unterminated key/); // no NUL after the key
    expect(at((_, v) => v.setInt32(8, 0, true))).toThrow(/bad string/); // zero length
    expect(at((_, v) => v.setInt32(8, 30, true))).toThrow(/bad string/); // past the end
    expect(at((_, v) => v.setInt32(8, 16, true))).toThrow(/bad string/); // not ending in NUL
    expect(at((b) => (b[29] = 1))).toThrow(/unterminated document/);
    expect(at((b) => (b[12] = 0xff))).toThrow(); // not UTF-8
  });

  it('shares one frozen answer between prefixes of the same zones, and reads only a bare E.164 number', () => {
    const index = createZoneIndex(); // built here, in this test
    expect(index.zonesOf('+13475550123')).toBe(index.zonesOf('+12125550123')); // 347 and 212: New York
    expect(index.zonesOf('+13475550123')).toEqual(['America/New_York']);
    expect(index.zonesOf('+13105550123')).not.toBe(index.zonesOf('+12125550123')); // Los Angeles
    expect(recipientZones.zonesOf('tel:+40722123456')).toEqual([]);
    expect(recipientZones.zonesOf('+40722123456')).toEqual(['Europe/Bucharest']);
  });
});
