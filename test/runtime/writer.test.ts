import { TlEncodeError, TlReader, TlWriter } from '@tlforge/runtime';
import bigInt from 'big-integer';
import bigIntSecondCopy from 'big-integer/BigInteger.min.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmUtf8, wasmUtf8Active } from '../../packages/runtime/src/string-batch.ts';
import { thrown } from './capture.ts';
import { fromHex, sameBytes, toHex } from './hex.ts';

function written(f: (w: TlWriter) => void): string {
  const w = new TlWriter(16);
  f(w);
  return toHex(w.finish());
}

function encodeError(f: (w: TlWriter) => void): TlEncodeError {
  const e = thrown(() => f(new TlWriter()));
  expect(e).toBeInstanceOf(TlEncodeError);
  return e as TlEncodeError;
}

/** The expected TL encoding of `data` as string/bytes, built independently of the writer. */
function lengthPrefixed(data: Uint8Array): Uint8Array {
  const header = data.length <= 253 ? 1 : 4;
  const total = Math.ceil((header + data.length) / 4) * 4;
  const out = new Uint8Array(total);
  if (header === 1) out[0] = data.length;
  else out.set([254, data.length & 0xff, (data.length >> 8) & 0xff, data.length >>> 16]);
  out.set(data, header);
  return out;
}

describe('TlWriter primitives (TL-NOTES §7)', () => {
  it('writes int -1', () => expect(written((w) => w.int(-1))).toBe('ffffffff'));
  it('writes long -1 and 2^63-1', () => {
    expect(written((w) => w.long(-1))).toBe('ffffffffffffffff');
    expect(written((w) => w.long(2n ** 63n - 1n))).toBe('ffffffffffffff7f');
  });
  it('writes double 1.5', () => expect(written((w) => w.double(1.5))).toBe('000000000000f83f'));
  it('writes "" and "Hello"', () => {
    expect(written((w) => w.string(''))).toBe('00000000');
    expect(written((w) => w.string('Hello'))).toBe('0548656c6c6f0000');
  });
  it('writes 253, 254 and 1000-byte strings with the documented headers and sizes', () => {
    const s253 = written((w) => w.string('a'.repeat(253)));
    expect(s253.length / 2).toBe(256);
    expect(s253).toBe(`fd${'61'.repeat(253)}0000`);
    const s254 = written((w) => w.string('a'.repeat(254)));
    expect(s254.length / 2).toBe(260);
    expect(s254).toBe(`fefe0000${'61'.repeat(254)}0000`);
    const s1000 = written((w) => w.string('a'.repeat(1000)));
    expect(s1000.length / 2).toBe(1004);
    expect(s1000).toBe(`fee80300${'61'.repeat(1000)}`);
  });
  it('writes ping(666) by hand with uint + long', () => {
    expect(
      written((w) => {
        w.uint(0x7abe77ec);
        w.long(666);
      }),
    ).toBe(toHex(fromHex('ec77be7a 9a020000 00000000')));
  });
  it('writes invokeWithLayer(222, help.getConfig()) by hand', () => {
    expect(
      written((w) => {
        w.uint(0xda9b0d0d);
        w.int(222);
        w.uint(0xc4f9186b);
      }),
    ).toBe(toHex(fromHex('0d0d9bda de000000 6b18f9c4')));
  });
  it('writes Bool ids', () => {
    expect(written((w) => w.bool(true))).toBe('b5757299');
    expect(written((w) => w.bool(false))).toBe('379779bc');
  });
});

describe('TlWriter int and uint', () => {
  it('writes the signed 32-bit edges', () => {
    expect(written((w) => w.int(2147483647))).toBe('ffffff7f');
    expect(written((w) => w.int(-2147483648))).toBe('00000080');
    expect(written((w) => w.int(0))).toBe('00000000');
  });
  it('rejects ints outside signed 32-bit as range errors', () => {
    for (const v of [2147483648, -2147483649, 2 ** 53]) {
      const e = encodeError((w) => w.int(v));
      expect(e.kind).toBe('range');
      expect(e.message).toBe(`expected a 32-bit signed integer, got ${v}`);
    }
  });
  it('rejects non-integers and non-numbers as type errors', () => {
    for (const v of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined, 1n]) {
      expect(encodeError((w) => w.int(v as number)).kind).toBe('type');
    }
  });
  it('writes uint edges and rejects negatives and 2^32', () => {
    expect(written((w) => w.uint(0xffffffff))).toBe('ffffffff');
    expect(written((w) => w.uint(0x1cb5c415))).toBe('15c4b51c');
    expect(encodeError((w) => w.uint(-1)).kind).toBe('range');
    expect(encodeError((w) => w.uint(2 ** 32)).kind).toBe('range');
    expect(encodeError((w) => w.uint(0.5)).kind).toBe('type');
  });
});

describe('TlWriter long', () => {
  const cases: [bigint, string][] = [
    [0n, '0000000000000000'],
    [1n, '0100000000000000'],
    [-1n, 'ffffffffffffffff'],
    [2n ** 53n, '0000000000002000'],
    [-(2n ** 53n), '000000000000e0ff'],
    [2n ** 53n - 1n, 'ffffffffffff1f00'],
    [-(2n ** 53n) + 1n, '010000000000e0ff'],
    [2n ** 32n, '0000000001000000'],
    [-(2n ** 32n) - 1n, 'fffffffffeffffff'],
    [-(2n ** 63n), '0000000000000080'],
    [2n ** 63n - 1n, 'ffffffffffffff7f'],
  ];
  for (const [v, bytes] of cases) {
    it(`writes ${v} from every input form`, () => {
      expect(written((w) => w.long(v))).toBe(bytes);
      expect(written((w) => w.long(v.toString()))).toBe(bytes);
      expect(written((w) => w.long(bigInt(v.toString())))).toBe(bytes);
      expect(written((w) => w.long(bigIntSecondCopy(v.toString())))).toBe(bytes);
      if (v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n)
        expect(written((w) => w.long(Number(v)))).toBe(bytes);
    });
  }

  it('writes big-integer SmallInteger and digit-array BigInteger shapes (engines without BigInt)', () => {
    const multiply = () => undefined;
    const small = { value: -5, sign: true, isSmall: true, multiply };
    expect(written((w) => w.long(small))).toBe('fbffffffffffffff');
    // 2^63 - 1 = 9223372036854775807 as base-1e7 digits, little-endian.
    const max = { value: [4775807, 7203685, 92233], sign: false, isSmall: false, multiply };
    expect(written((w) => w.long(max))).toBe('ffffffffffffff7f');
    const min = { value: [4775808, 7203685, 92233], sign: true, isSmall: false, multiply };
    expect(written((w) => w.long(min))).toBe('0000000000000080');
    const over = { value: [4775808, 7203685, 92233], sign: false, isSmall: false, multiply };
    expect(encodeError((w) => w.long(over)).kind).toBe('range');
  });

  it('rejects values outside signed 64-bit in every form as range errors', () => {
    for (const v of [2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n]) {
      expect(encodeError((w) => w.long(v)).kind).toBe('range');
      expect(encodeError((w) => w.long(v.toString())).kind).toBe('range');
      expect(encodeError((w) => w.long(bigInt(v.toString()))).kind).toBe('range');
      expect(encodeError((w) => w.long(bigIntSecondCopy(v.toString()))).kind).toBe('range');
    }
    expect(encodeError((w) => w.long(`1${'0'.repeat(30)}`)).kind).toBe('range');
  });

  it('rejects numbers beyond 2^53 as range errors (they are not exact)', () => {
    const e = encodeError((w) => w.long(2 ** 53 + 2));
    expect(e.kind).toBe('range');
    expect(e.detail).toBe(
      'expected a 64-bit integer, got 9007199254740994 (numbers beyond 2^53 are not exact; use a bigint or string)',
    );
    expect(encodeError((w) => w.long(2 ** 53)).kind).toBe('range');
  });

  it('rejects malformed inputs as type errors', () => {
    const bad: unknown[] = [
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '12a',
      '',
      ' 1',
      '1 ',
      '+1',
      '0x10',
      '1e3',
      '-',
    ];
    bad.push({}, null, undefined, true, [1], { value: 5n });
    for (const v of bad) expect(encodeError((w) => w.long(v)).kind, String(v)).toBe('type');
    expect(encodeError((w) => w.long(1.5)).message).toBe('expected a 64-bit integer, got 1.5');
    expect(encodeError((w) => w.long('12a')).message).toBe('expected a 64-bit integer, got string "12a"');
  });

  it('accepts leading zeros and -0 in decimal strings', () => {
    expect(written((w) => w.long('-0'))).toBe('0000000000000000');
    expect(written((w) => w.long(`${'0'.repeat(40)}666`))).toBe('9a02000000000000');
  });
});

describe('TlWriter double', () => {
  it('writes exact IEEE-754 bytes including -0, infinities and NaN', () => {
    expect(written((w) => w.double(-0))).toBe('0000000000000080');
    expect(written((w) => w.double(0))).toBe('0000000000000000');
    expect(written((w) => w.double(Number.POSITIVE_INFINITY))).toBe('000000000000f07f');
    expect(written((w) => w.double(Number.NEGATIVE_INFINITY))).toBe('000000000000f0ff');
    expect(written((w) => w.double(Number.NaN))).toBe('000000000000f87f');
  });
  it('rejects non-numbers', () => {
    expect(encodeError((w) => w.double('1' as unknown as number)).kind).toBe('type');
  });
});

describe('TlWriter strings and bytes', () => {
  const lengths = [0, 1, 2, 3, 4, 253, 254, 255, 256];
  for (const n of lengths) {
    it(`writes and reads back ${n}-byte bytes and strings`, () => {
      const data = new Uint8Array(n).map((_, i) => (i * 7 + 1) & 0x7f);
      const expected = toHex(lengthPrefixed(data));
      expect(written((w) => w.bytes(data))).toBe(expected);
      const text = String.fromCharCode(...data);
      expect(written((w) => w.string(text))).toBe(expected);
      expect(new TlReader(fromHex(expected), new Map()).bytes()).toEqual(data);
      expect(new TlReader(fromHex(expected), new Map()).string()).toBe(text);
    });
  }

  it('writes and reads back 2^24-1 bytes, rejects 2^24', () => {
    const data = new Uint8Array(2 ** 24 - 1).fill(0x41);
    const w = new TlWriter();
    w.bytes(data);
    const out = w.finish();
    expect(out.length).toBe(2 ** 24 + 4);
    expect(toHex(out.subarray(0, 4))).toBe('feffffff');
    expect(out[out.length - 1]).toBe(0);
    expect(sameBytes(new TlReader(out, new Map()).bytes(), data)).toBe(true);
    const e = encodeError((w2) => w2.bytes(new Uint8Array(2 ** 24)));
    expect(e.kind).toBe('length');
    expect(e.message).toBe("length 16777216 does not fit TL's 3-byte length (must be below 16777216)");
  });

  it('writes and reads back a string of 2^24-1 bytes, rejects 2^24 bytes', () => {
    const text = 'b'.repeat(2 ** 24 - 1);
    const w = new TlWriter();
    w.string(text);
    const out = w.finish();
    expect(out.length).toBe(2 ** 24 + 4);
    expect(new TlReader(out, new Map()).string() === text).toBe(true);
    expect(encodeError((w2) => w2.string('b'.repeat(2 ** 24))).kind).toBe('length');
    // Fewer UTF-16 units than 2^24 but more UTF-8 bytes.
    expect(encodeError((w2) => w2.string('é'.repeat(2 ** 23))).kind).toBe('length');
  });

  it('pads with zeros even when the buffer held other bytes (reused writer)', () => {
    const w = new TlWriter(16);
    w.raw(new Uint8Array(16).fill(0xff));
    w.reset();
    w.string('Hello');
    w.bytes(new Uint8Array([1]));
    expect(toHex(w.finish())).toBe('0548656c6c6f000001010000');
  });

  it('rejects non-string and non-Uint8Array values', () => {
    expect(encodeError((w) => w.string(5 as unknown as string)).kind).toBe('type');
    expect(encodeError((w) => w.bytes([1, 2] as unknown as Uint8Array)).kind).toBe('type');
  });
});

// Strings from 64 units go to TextEncoder.encodeInto; its output is searched for U+FFFD (a replaced lone
// surrogate) with WebAssembly, or the string is checked with isWellFormed first where WebAssembly cannot
// run: both paths must give the same bytes and the same errors.
describe.each([
  ['WebAssembly', true],
  ['JS', false],
])('TlWriter UTF-8 (%s surrogate check)', (_name, wasm) => {
  beforeAll(() => {
    useWasmUtf8(wasm);
    expect(wasmUtf8Active()).toBe(wasm);
  });
  afterAll(() => useWasmUtf8(true));

  it('encodes 1- to 4-byte UTF-8 characters', () => {
    expect(written((w) => w.string('A'))).toBe('01410000');
    expect(written((w) => w.string('é'))).toBe('02c3a900');
    expect(written((w) => w.string('€'))).toBe('03e282ac');
    expect(written((w) => w.string('😀'))).toBe('04f09f9880000000');
    expect(written((w) => w.string('a😀é€'))).toBe('0a61f09f9880c3a9e282ac00');
  });

  it('encodes non-ASCII strings of every length class the same way as TextEncoder', () => {
    for (const unit of ['é', '€', '😀', 'aé']) {
      // 63 and 64 units straddle the switch from the JS loop to TextEncoder.encodeInto.
      for (const count of [1, 6, 7, 10, 12, 13, 31, 32, 63, 64, 84, 85, 126, 127, 200, 253, 254, 300, 5000]) {
        const text = unit.repeat(count);
        const expected = toHex(lengthPrefixed(new TextEncoder().encode(text)));
        expect(
          written((w) => w.string(text)),
          `${unit} x ${count}`,
        ).toBe(expected);
      }
    }
  });

  it('rejects lone high and low surrogates in short and long strings', () => {
    const cases: [string, number, string][] = [
      ['\ud800', 0, 'D800'],
      ['ab\udc00', 2, 'DC00'],
      ['a\ud83d', 1, 'D83D'],
      ['\ude00\ud83d', 0, 'DE00'],
      [`${'x'.repeat(40)}\ud800x`, 40, 'D800'],
      [`${'x'.repeat(300)}\udfff`, 300, 'DFFF'],
    ];
    for (const [text, index, unit] of cases) {
      const e = encodeError((w) => w.string(text));
      expect(e.kind).toBe('surrogate');
      expect(e.message).toBe(`lone surrogate U+${unit} at index ${index} cannot be encoded as UTF-8`);
    }
  });

  it('encodes concatenated strings (engine ropes) exactly, and finds their lone surrogates', () => {
    // Built at run time: from 13 units on, V8 keeps a concatenation as a rope (ConsString).
    const parts = ['ёжик в ', 'тумане', ' 🦔', 'x'];
    for (let end = 2; end <= parts.length; end++) {
      let text = '';
      for (const part of parts.slice(0, end)) text += part;
      expect(written((w) => w.string(text))).toBe(toHex(lengthPrefixed(new TextEncoder().encode(text))));
    }
    let lone = 'ёжик в ';
    lone += 'тумане';
    lone += '\ud800';
    expect(lone.length).toBe(14);
    const e = encodeError((w) => w.string(lone));
    expect(e.message).toBe('lone surrogate U+D800 at index 13 cannot be encoded as UTF-8');
    let replaced = 'ёжик в ';
    replaced += 'тумане\ufffd';
    // U+FFFD written by the user is kept: 1 length byte, 24 bytes of letters, ef bf bd, no padding.
    const hex = written((w) => w.string(replaced));
    expect(hex).toBe(toHex(lengthPrefixed(new TextEncoder().encode(replaced))));
    expect(hex.slice(-6)).toBe('efbfbd');
    // A rope long enough for TextEncoder.
    let long = '';
    for (let i = 0; i < 10; i++) long += 'ёжик в тумане ';
    expect(written((w) => w.string(long))).toBe(toHex(lengthPrefixed(new TextEncoder().encode(long))));
    long += '\udbff';
    expect(encodeError((w) => w.string(long)).message).toBe(
      'lone surrogate U+DBFF at index 140 cannot be encoded as UTF-8',
    );
  });

  it('writes the exact length header at 169/170 units and 253/254 bytes (a guess, corrected, in JS)', () => {
    const texts = [
      'a'.repeat(169),
      'a'.repeat(170),
      'a'.repeat(253),
      `${'a'.repeat(169)}é`,
      `${'a'.repeat(83)}${'é'.repeat(85)}`,
      `${'a'.repeat(84)}${'é'.repeat(85)}`,
      'é'.repeat(126),
      'é'.repeat(127),
      '😀'.repeat(63),
      '😀'.repeat(64),
      `${'ж'.repeat(84)}${'a'.repeat(86)}`,
      `${'ж'.repeat(83)}${'a'.repeat(87)}`,
    ];
    for (const text of texts) {
      const data = new TextEncoder().encode(text);
      expect(
        written((w) => w.string(text)),
        `${text.length} units, ${data.length} bytes`,
      ).toBe(toHex(lengthPrefixed(data)));
    }
  });

  it('finds lone surrogates at every offset of the encoded data, and keeps U+FFFD the user wrote', () => {
    for (let at = 0; at < 40; at++) {
      for (const before of ['a', 'ж']) {
        const head = before.repeat(at);
        const lone = `${head}\ud800${'b'.repeat(70)}`;
        expect(encodeError((w) => w.string(lone)).message, `${before} x ${at}`).toBe(
          `lone surrogate U+D800 at index ${at} cannot be encoded as UTF-8`,
        );
        const kept = `${head}\ufffd${'b'.repeat(70)}`;
        expect(written((w) => w.string(kept))).toBe(toHex(lengthPrefixed(new TextEncoder().encode(kept))));
      }
    }
    // A U+FFFD of the user's before a lone surrogate: the error still names the surrogate.
    const both = `\ufffd${'x'.repeat(70)}\udc01ж`;
    expect(encodeError((w) => w.string(both)).message).toBe(
      'lone surrogate U+DC01 at index 71 cannot be encoded as UTF-8',
    );
  });

  it('accepts the near misses of EF BF BD', () => {
    // U+FFBD, U+FE0F, U+FFFC, U+EFBF and the Latin-1 letters ï ¿ ½ (C3 AF C2 BF C2 BD).
    for (const near of ['\uffbd', '\ufe0f', '\ufffc', '\uefbf', '\u00ef\u00bf\u00bd']) {
      const text = `${'y'.repeat(64)}${near}${near}`;
      expect(written((w) => w.string(text))).toBe(toHex(lengthPrefixed(new TextEncoder().encode(text))));
    }
  });
});

describe('TlWriter int128/int256, bool, object, raw, growth', () => {
  it('writes int128 and int256 of exact length only', () => {
    const n16 = new Uint8Array(16).map((_, i) => i);
    expect(written((w) => w.int128(n16))).toBe('000102030405060708090a0b0c0d0e0f');
    expect(written((w) => w.int256(new Uint8Array(32).fill(9)))).toBe('09'.repeat(32));
    const e = encodeError((w) => w.int128(new Uint8Array(15)));
    expect(e.kind).toBe('length');
    expect(e.message).toBe('int128 must be exactly 16 bytes, got 15');
    expect(encodeError((w) => w.int256(new Uint8Array(16))).kind).toBe('length');
    expect(encodeError((w) => w.int128('x' as unknown as Uint8Array)).kind).toBe('type');
  });

  it('rejects non-boolean Bool values', () => {
    for (const v of [1, 0, 'true', null, undefined]) {
      expect(encodeError((w) => w.bool(v as unknown as boolean)).kind).toBe('type');
    }
  });

  it('writes TL objects through their _write and rejects anything else', () => {
    const obj = {
      className: 'help.getConfig',
      CONSTRUCTOR_ID: 0xc4f9186b,
      classType: 'request' as const,
      _write(w: TlWriter) {
        w.uint(0xc4f9186b);
      },
    };
    expect(written((w) => w.object(obj))).toBe('6b18f9c4');
    const e = encodeError((w) => w.object({ _write() {} }));
    expect(e.kind).toBe('type');
    expect(e.message).toBe('expected a TL object, got object');
  });

  it('grows from a tiny buffer and finish() returns a copy of exactly the written bytes', () => {
    const w = new TlWriter(1);
    for (let i = 0; i < 1000; i++) w.int(i);
    const a = w.finish();
    expect(a.length).toBe(4000);
    expect(new DataView(a.buffer).getInt32(3996, true)).toBe(999);
    w.reset();
    w.int(7);
    expect(toHex(a.subarray(0, 4))).toBe('00000000');
    expect(toHex(w.finish())).toBe('07000000');
  });
});
