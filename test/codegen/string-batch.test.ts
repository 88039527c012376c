// `deserialize` decodes the non-ASCII strings of one value into a shared batch and assigns them when the
// value is complete (src/string-batch.ts). Pinned here through generated code, with the WebAssembly
// decoder and with the JS fallback alike: exact strings in fields and vector elements, strict errors at
// the offending byte with the field path, lenient replacement, nothing left behind after a failure or
// kept from a previous buffer, and payloads larger than the batch's windows, table and unit buffer.

import { readFileSync } from 'node:fs';
import { TlDecodeError } from '@tlforge/runtime';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Api, deserialize } from '../../packages/layers/src/latest/index.ts';
import { useWasmUtf8, wasmUtf8Active } from '../../packages/runtime/src/string-batch.ts';
import { invalidUtf8Offset, loneSurrogateIndex } from '../../packages/runtime/src/utf8.ts';
import { SCAN_BASE, utf8Wasm } from '../../packages/runtime/src/wasm/utf8-wasm.ts';
import { assembleUtf8Wasm, renderUtf8Module } from '../../scripts/build-wasm.ts';
import { encodeCodePoint } from '../support/utf8-sequences.ts';

const keyword = (word: string, emoticons: string[]) => new Api.EmojiKeyword({ keyword: word, emoticons });

function decodeError(bytes: Uint8Array, strict = true): TlDecodeError {
  try {
    deserialize(bytes, { strict });
  } catch (e) {
    if (e instanceof TlDecodeError) return e;
    throw e;
  }
  throw new Error('expected a TlDecodeError');
}

/** Where `needle` (UTF-8) starts in `bytes`. */
function indexOf(bytes: Uint8Array, needle: string): number {
  const n = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let k = 0; k < n.length; k++) if (bytes[i + k] !== n[k]) continue outer;
    return i;
  }
  throw new Error(`${needle} not found`);
}

afterAll(() => useWasmUtf8(true));

describe('the WebAssembly decoder', () => {
  it('is the assembly of src/wasm/utf8.wat', async () => {
    const committed = readFileSync(
      new URL('../../packages/runtime/src/wasm/utf8-module.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(renderUtf8Module(await assembleUtf8Wasm()));
  });

  it('runs on Node', () => {
    useWasmUtf8(true);
    expect(wasmUtf8Active()).toBe(true);
  });
});

describe("the WebAssembly search for EF BF BD (the writer's lone-surrogate check)", () => {
  /** Where EF BF BD starts inside [0, length) of `bytes`, by a plain loop. */
  const naive = (bytes: number[], length: number) => {
    for (let i = 0; i + 3 <= length; i++)
      if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return 1;
    return 0;
  };

  it('agrees with a plain search, never looking past the end', () => {
    useWasmUtf8(true);
    const wasm = utf8Wasm()!;
    const data = fc.array(fc.constantFrom(0xef, 0xbf, 0xbd, 0x41, 0xe2, 0x80), { maxLength: 70 });
    fc.assert(
      fc.property(data, fc.nat(3), (bytes, offset) => {
        const src = SCAN_BASE + offset;
        // Past the end: BF BD, so that an EF among the last two bytes would match if the search overran.
        wasm.heap.fill(0xbf, src + bytes.length, src + bytes.length + 32);
        wasm.heap.fill(0xbd, src + bytes.length + 1, src + bytes.length + 2);
        wasm.heap.set(bytes, src);
        expect(wasm.replacement(src, src + bytes.length)).toBe(naive(bytes, bytes.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds EF BF BD in every lane and across 16-byte steps', () => {
    const wasm = utf8Wasm()!;
    for (let at = 0; at < 40; at++) {
      const bytes = new Array<number>(48).fill(0x61);
      bytes.splice(at, 3, 0xef, 0xbf, 0xbd);
      wasm.heap.set(bytes, SCAN_BASE);
      expect(wasm.replacement(SCAN_BASE, SCAN_BASE + 48), `at ${at}`).toBe(1);
      expect(wasm.replacement(SCAN_BASE, SCAN_BASE + at + 2), `cut at ${at}`).toBe(0);
    }
  });
});

describe.each([
  ['WebAssembly', true],
  ['JS', false],
])('strings decoded in a batch (%s)', (_name, wasm) => {
  // A value's first string longer than 12 bytes is decoded at once, later ones longer than 12 bytes go
  // to the batch: the cases below put an armed string before the one they check.
  const setBackend = () => {
    useWasmUtf8(wasm);
    expect(wasmUtf8Active()).toBe(wasm);
  };

  it('assigns fields and vector elements, ASCII and not, in place', () => {
    setBackend();
    const value = keyword('привет мир', ['👍', 'ok', 'ёж 🦔 hedgehog', '', 'a'.repeat(300), 'ж'.repeat(300)]);
    const decoded = deserialize(value.serialize()) as Api.EmojiKeyword;
    expect(decoded).toStrictEqual(value);
    expect(Object.keys(decoded)).toEqual(['keyword', 'emoticons']);
  });

  it('reports invalid UTF-8 at the offending byte with the path, and leaves nothing for the next value', () => {
    setBackend();
    const bytes = keyword('абв', ['где']).serialize().slice();
    // keyword#d5b3b9f9: id (4), length byte (1), then 'а' = d0 b0: break its continuation byte.
    expect([bytes[5], bytes[6]]).toEqual([0xd0, 0xb0]);
    bytes[6] = 0x41;
    const e = decodeError(bytes);
    expect(e.kind).toBe('utf8');
    expect(e.offset).toBe(6); // the byte that cannot continue the sequence
    expect(e.path).toEqual(['emojiKeyword', 'keyword']);
    const next = keyword('ёлка', ['🎄']);
    expect(deserialize(next.serialize())).toStrictEqual(next);
  });

  it('reports invalid UTF-8 in a batched string exactly as in an unbatched one', () => {
    setBackend();
    // The first string is decoded at once; the later ones go to the batch.
    const value = keyword('first string', ['где-то здесь', 'ошибка в этой строке', 'и ещё одна']);
    const bytes = value.serialize().slice();
    const at = indexOf(bytes, 'ошибка') + 2; // the lead byte of 'ш'
    bytes[at] = 0xff;
    const e = decodeError(bytes);
    expect(e.kind).toBe('utf8');
    expect(e.offset).toBe(at);
    expect(e.path).toEqual(['emojiKeyword', 'emoticons[1]']);
    // A sequence cut off by the end of its string, where the next string could have completed it.
    const cut = keyword('first string', ['где-то здесь', 'abcdefghijklmnop\u0416', 'xyz'])
      .serialize()
      .slice();
    const lead = indexOf(cut, '\u0416');
    cut[lead + 1] = 0x00; // 'Ж' = d0 96: keep the lead byte, make the string end there
    cut[lead - 17] = 17; // length byte of 'abc…pд' (18 bytes) becomes 17
    const e2 = decodeError(cut);
    expect(e2.kind).toBe('utf8');
    expect(e2.offset).toBe(lead);
    expect(e2.path).toEqual(['emojiKeyword', 'emoticons[1]']);
    expect(deserialize(value.serialize())).toStrictEqual(value);
  });

  it('replaces invalid UTF-8 with U+FFFD in lenient mode, batched or not', () => {
    setBackend();
    const bytes = keyword('абв', []).serialize().slice();
    bytes[6] = 0x41;
    expect((deserialize(bytes, { strict: false }) as Api.EmojiKeyword).keyword).toBe('\ufffdAбв');
    const batched = keyword('first string', ['где-то здесь', 'ошибка тут']).serialize().slice();
    batched[indexOf(batched, 'ошибка') + 2] = 0xff;
    const decoded = deserialize(batched, { strict: false }) as Api.EmojiKeyword;
    expect(decoded.emoticons).toEqual(['где-то здесь', 'о\ufffd\ufffdибка тут']);
  });

  it('never reuses strings of a previous buffer refilled in place', () => {
    setBackend();
    const a = keyword('first string', ['первая строка', 'вторая строка']).serialize().slice();
    const b = keyword('first string', ['третья строка', 'четыре строки']).serialize().slice();
    expect(a.length).toBe(b.length);
    const buffer = new Uint8Array(a.length);
    buffer.set(a);
    expect((deserialize(buffer) as Api.EmojiKeyword).emoticons).toEqual(['первая строка', 'вторая строка']);
    buffer.set(b);
    expect((deserialize(buffer) as Api.EmojiKeyword).emoticons).toEqual(['третья строка', 'четыре строки']);
  });

  it('decodes values whose strings exceed one flush of the batch', () => {
    setBackend();
    const big = 'щ'.repeat(700_000);
    const value = keyword(big, [big, 'x', big]);
    expect(deserialize(value.serialize())).toStrictEqual(value);
  });

  it('decodes more strings than one table, units or window holds, across windows', () => {
    setBackend();
    // 5000 strings (> 4096 table entries), ~180 KB of UTF-8 (> 16 KiB windows), > 65536 code units,
    // and strings just under and over the 65536-byte window capacity.
    const emoticons = Array.from({ length: 5000 }, (_, i) => `${i} — ёлка 🎄 №${'ж'.repeat(i % 23)}`);
    emoticons.push('ы'.repeat(32_768), `${'ы'.repeat(32_767)}x`, 'ы'.repeat(32_769));
    const value = keyword('first string', emoticons);
    expect(deserialize(value.serialize())).toStrictEqual(value);
  });

  it('decodes any Unicode text the encoder wrote', () => {
    setBackend();
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 12 }),
        (w, e) => {
          // Lone surrogates cannot be encoded (the writer rejects them): only well-formed strings here.
          const words = e.filter((s) => loneSurrogateIndex(s) === -1);
          const value = keyword(w, words);
          expect(deserialize(value.serialize())).toStrictEqual(value);
        },
      ),
      { seed: 0x5eed, numRuns: 300 },
    );
  });

  it('checks every lane of the four-sequence step for 2-byte UTF-8', () => {
    setBackend();
    // 'дддд' is d0 b4 ×4: eight bytes the decoder takes at once. Break one lane at a time: an overlong
    // lead (c1, encodes 'A' in two bytes), a continuation that is not one (c0), a lead that is a
    // continuation (b4 b4).
    const breaks: [number, number, number][] = [
      [0, 0xc1, 0], // [byte in the lane, new value, offset of the error from the lane]
      [1, 0xc0, 1],
      [0, 0xb4, 0],
    ];
    for (let lane = 0; lane < 4; lane++) {
      for (const [byte, replacement, errorAt] of breaks) {
        const bytes = keyword('first string', ['где-то здесь', 'xддддx and more']).serialize().slice();
        const at = indexOf(bytes, 'дддд') + 2 * lane;
        bytes[at + byte] = replacement;
        const e = decodeError(bytes);
        expect([e.kind, e.offset - at, e.path]).toEqual(['utf8', errorAt, ['emojiKeyword', 'emoticons[1]']]);
      }
    }
    const clean = keyword('first string', ['где-то здесь', 'xддддx and more', 'ÂÂÂÂßßßß߿߿߿߿']);
    expect(deserialize(clean.serialize())).toStrictEqual(clean);
  });

  it('accepts exactly the UTF-8 that TextDecoder accepts, and reports the first bad byte', () => {
    setBackend();
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    // Encodings of any code point in `length` bytes (longer than needed: overlong; surrogates too),
    // and stray bytes.
    const chunk = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => encodeCodePoint(cp, 0)),
      fc
        .tuple(fc.integer({ min: 0, max: 0x10ffff }), fc.integer({ min: 1, max: 3 }))
        .map(([cp, x]) => encodeCodePoint(cp, x)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => encodeCodePoint(cp, 0)),
      fc.integer({ min: 0, max: 255 }).map((b) => [b]),
      fc.constant([0x68, 0x69]),
    );
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 40 }), (chunks) => {
        const data = Uint8Array.from(chunks.flat());
        const value = keyword('first string', [
          'a placeholder that is long',
          'x'.repeat(data.length),
          'после',
        ]);
        const bytes = value.serialize().slice();
        const at = indexOf(bytes, 'x'.repeat(data.length));
        bytes.set(data, at);
        let text: string | undefined;
        try {
          text = fatal.decode(data);
        } catch {
          text = undefined;
        }
        if (text !== undefined) {
          expect((deserialize(bytes) as Api.EmojiKeyword).emoticons[1]).toBe(text);
        } else {
          const e = decodeError(bytes);
          expect([e.kind, e.path]).toEqual(['utf8', ['emojiKeyword', 'emoticons[1]']]);
          expect(e.offset).toBe(at + invalidUtf8Offset(data, 0, data.length));
        }
      }),
      { seed: 0xbad8, numRuns: 2000 },
    );
  });
});
