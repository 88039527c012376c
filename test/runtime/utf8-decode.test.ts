// Strings decoded one by one (src/utf8.ts `decodeUtf8`, what `TlReader.string` and every string of a
// small input use): ASCII by concatenation, by `fromCharCode` and by TextDecoder; other text counted
// first and decoded straight into the reused array `fromCharCode` takes, up to 64 code units; longer
// text through the UTF-16 decoder. Each path gives exactly TextDecoder's string, and invalid UTF-8 the
// same error (strict) or replacement (lenient), at every length around the paths' limits.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offset } from '../../packages/runtime/src/utf8.ts';
import { encodeCodePoint } from '../support/utf8-sequences.ts';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** `data` at offset 3 of a larger buffer, as a reader sees a string inside a message. */
function decode(data: Uint8Array, strict: boolean): string | undefined {
  const buffer = new Uint8Array(data.length + 8).fill(0xc3);
  buffer.set(data, 3);
  return decodeUtf8(buffer, new DataView(buffer.buffer), 3, 3 + data.length, strict);
}

function expected(data: Uint8Array): string | undefined {
  try {
    return fatal.decode(data);
  } catch {
    return undefined;
  }
}

const encode = (s: string) => new TextEncoder().encode(s);

/** Code points of 1 to 4 UTF-8 bytes, and a string of `units` UTF-16 units cycling through them. */
const samples = ['a', 'ж', '€', '🎉'];
function text(units: number, start = 0): string {
  let s = '';
  for (let k = start; s.length < units; k++) {
    const next = samples[k % samples.length]!;
    s += s.length + next.length <= units ? next : 'b';
  }
  return s;
}

describe('strings decoded one by one', () => {
  it('decode ASCII of every length around the concatenation, fromCharCode and TextDecoder limits', () => {
    for (let n = 0; n <= 40; n++) {
      const s = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH'.slice(0, n);
      expect(decode(encode(s), true), `${n} bytes`).toBe(s);
    }
  });

  it('decode text of every unit count from 0 to 80 and every mix of sequence lengths', () => {
    for (let units = 0; units <= 80; units++) {
      for (let start = 0; start < samples.length; start++) {
        const s = text(units, start);
        expect(decode(encode(s), true), `${units} units from ${start}`).toBe(s);
        expect(decode(encode(`x${s}`), false)).toBe(`x${s}`);
      }
    }
  });

  it('decode text of 64 and 65 units whatever its byte length (up to 192 bytes, and past it)', () => {
    for (const s of ['ж'.repeat(64), 'ж'.repeat(65), '€'.repeat(64), '€'.repeat(65), '🎉'.repeat(32)]) {
      expect(decode(encode(s), true)).toBe(s);
      expect(decode(encode(`${s}a`), true)).toBe(`${s}a`);
    }
    // 64 units in 192 bytes (three-byte sequences only), and one byte more: 65 units.
    expect(encode('€'.repeat(64)).length).toBe(192);
    expect(decode(encode(`${'€'.repeat(64)}a`), true)).toBe(`${'€'.repeat(64)}a`);
  });

  it('accept exactly what TextDecoder accepts, report the first bad byte, and replace as it does', () => {
    // Valid sequences, overlong ones, surrogates, stray bytes (continuations, 0xf8-0xff) and ASCII.
    const chunk = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => encodeCodePoint(cp, 0)),
      fc.integer({ min: 0x400, max: 0x4ff }).map((cp) => encodeCodePoint(cp, 0)),
      fc
        .tuple(fc.integer({ min: 0, max: 0x10ffff }), fc.integer({ min: 1, max: 3 }))
        .map(([cp, x]) => encodeCodePoint(cp, x)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => encodeCodePoint(cp, 0)),
      fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]),
      fc.constant([0x68, 0x69, 0x6a, 0x6b]),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 70 }), (chunks) => {
        const data = Uint8Array.from(chunks.flat());
        const text = expected(data);
        expect(decode(data, true)).toBe(text);
        expect(decode(data, false)).toBe(lenient.decode(data));
        if (text === undefined) expect(invalidUtf8Offset(data, 0, data.length)).toBeGreaterThanOrEqual(0);
      }),
      { seed: 0x7e57, numRuns: 4000 },
    );
  });

  it('keep their arrays intact after invalid data of every length', () => {
    // Invalid data is found part way through the array of its counted length: nothing may be written
    // past it, or later strings of that length would come out wrong.
    for (let n = 1; n <= 64; n++) {
      for (const bad of [[0xff], [0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x8e], [0xed, 0xa0, 0x80]]) {
        const data = Uint8Array.from([...encode(text(n - 1)), ...bad, ...encode('жж')]);
        expect(decode(data, true)).toBeUndefined();
        expect(decode(data, false)).toBe(lenient.decode(data));
      }
    }
    for (let units = 0; units <= 64; units++) {
      const s = text(units, 1);
      expect(decode(encode(s), true), `${units} units`).toBe(s);
    }
  });
});
