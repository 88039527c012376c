import type { ObjectReader, ReaderRegistry } from '@tlforge/runtime';
import {
  readBoxed,
  rethrowDecode,
  TlDecodeError,
  TlReader,
  TlWriter,
  UnknownConstructorError,
} from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { thrown } from './capture.ts';
import { fromHex, toHex } from './hex.ts';

const EMPTY: ReaderRegistry = new Map();

function reader(hex: string, strict = true): TlReader {
  return new TlReader(fromHex(hex), EMPTY, { strict });
}

function decodeError(f: () => unknown): TlDecodeError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(TlDecodeError);
  return e as TlDecodeError;
}

describe('TlReader primitives (TL-NOTES §7)', () => {
  it('reads int -1, long -1, long 2^63-1, double 1.5', () => {
    expect(reader('ffffffff').int()).toBe(-1);
    expect(reader('ffffffffffffffff').long().toString()).toBe('-1');
    expect(reader('ffffffffffffff7f').long().toString()).toBe('9223372036854775807');
    expect(reader('000000000000f83f').double()).toBe(1.5);
  });
  it('reads "" and "Hello" and the 253/254/1000-byte strings', () => {
    expect(reader('00000000').string()).toBe('');
    expect(reader('0548656c6c6f0000').string()).toBe('Hello');
    expect(reader(`fd${'61'.repeat(253)}0000`).string()).toBe('a'.repeat(253));
    expect(reader(`fefe0000${'61'.repeat(254)}0000`).string()).toBe('a'.repeat(254));
    expect(reader(`fee80300${'61'.repeat(1000)}`).string()).toBe('a'.repeat(1000));
  });
  it('reads ping(666) by hand', () => {
    const r = reader('ec77be7a 9a020000 00000000');
    expect(r.uint()).toBe(0x7abe77ec);
    expect(r.long().toJSNumber()).toBe(666);
    r.expectEnd();
  });
  it('reads invokeWithLayer(222, help.getConfig()) by hand', () => {
    const r = reader('0d0d9bda de000000 6b18f9c4');
    expect([r.uint(), r.int(), r.uint()]).toEqual([0xda9b0d0d, 222, 0xc4f9186b]);
  });
  it('reads Bool natively', () => {
    expect(reader('b5757299').bool()).toBe(true);
    expect(reader('379779bc').bool()).toBe(false);
  });
  it('reads doubles exactly, including -0 and NaN', () => {
    expect(Object.is(reader('0000000000000080').double(), -0)).toBe(true);
    expect(reader('000000000000f0ff').double()).toBe(Number.NEGATIVE_INFINITY);
    expect(reader('000000000000f87f').double()).toBeNaN();
  });
  it('reads from a view with a non-zero byteOffset', () => {
    const backing = fromHex('aaaaaaaa 0548656c6c6f0000 ffffffff');
    const r = new TlReader(backing.subarray(4, 16), EMPTY);
    expect(r.string()).toBe('Hello');
    expect(r.int()).toBe(-1);
    expect(r.end).toBe(12);
  });
});

describe('TlReader long', () => {
  it('is exact for edge values', () => {
    const values = [
      0n,
      1n,
      -1n,
      2n ** 53n,
      -(2n ** 53n),
      2n ** 53n + 1n,
      -(2n ** 53n) - 1n,
      2n ** 32n,
      -(2n ** 32n),
    ];
    values.push(2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n, 2n ** 31n, -(2n ** 31n) - 1n);
    for (const v of values) {
      const w = new TlWriter();
      w.long(v);
      const got = new TlReader(w.finish(), EMPTY).long();
      expect(got.toString()).toBe(v.toString());
    }
  });
  it('is exact for pseudo-random 64-bit patterns', () => {
    let x = 0x9e3779b97f4a7c15n;
    for (let i = 0; i < 2000; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigUint64(0, x, true);
      expect(new TlReader(bytes, EMPTY).long().toString()).toBe(BigInt.asIntN(64, x).toString());
    }
  });
});

describe('TlReader bytes and fixed sizes', () => {
  it('returns copies, not views of the input', () => {
    const input = fromHex('03010203 000102030405060708090a0b0c0d0e0f');
    const r = new TlReader(input, EMPTY);
    const b = r.bytes();
    const n = r.int128();
    input.fill(0xee);
    expect(toHex(b)).toBe('010203');
    expect(toHex(n)).toBe('000102030405060708090a0b0c0d0e0f');
  });
  it('reads int256', () => {
    expect(toHex(reader('07'.repeat(32)).int256())).toBe('07'.repeat(32));
  });
});

describe('truncation', () => {
  // int, long, double, "Hello", 254 bytes, int128, Bool, string "é" — each value's start offset.
  const w = new TlWriter();
  const starts: number[] = [];
  const steps: ((r: TlReader) => unknown)[] = [];
  const add = (write: () => void, read: (r: TlReader) => unknown) => {
    starts.push(w.pos);
    write();
    steps.push(read);
  };
  add(
    () => w.int(7),
    (r) => r.int(),
  );
  add(
    () => w.long(-5n),
    (r) => r.long(),
  );
  add(
    () => w.double(2.5),
    (r) => r.double(),
  );
  add(
    () => w.string('Hello'),
    (r) => r.string(),
  );
  add(
    () => w.bytes(new Uint8Array(254).fill(1)),
    (r) => r.bytes(),
  );
  add(
    () => w.int128(new Uint8Array(16)),
    (r) => r.int128(),
  );
  add(
    () => w.bool(true),
    (r) => r.bool(),
  );
  add(
    () => w.string('é'),
    (r) => r.string(),
  );
  const sample = w.finish();

  it('reads the whole sample', () => {
    const r = new TlReader(sample, EMPTY);
    for (const step of steps) step(r);
    r.expectEnd();
  });

  it('reports truncated at the start of the value cut at every byte position', () => {
    for (let cut = 0; cut < sample.length; cut++) {
      const r = new TlReader(sample.subarray(0, cut), EMPTY);
      const e = decodeError(() => {
        for (const step of steps) step(r);
      });
      // The first value that does not end at or before the cut fails at its start.
      let failing = 0;
      while ((failing + 1 < starts.length ? starts[failing + 1] : sample.length) <= cut) failing++;
      expect(e.kind, `cut ${cut}`).toBe('truncated');
      expect(e.offset, `cut ${cut}`).toBe(starts[failing]);
    }
  });

  it('says how many bytes were needed and how many remain', () => {
    expect(decodeError(() => reader('010203').int()).message).toBe(
      'at byte 0: truncated: needs 4 bytes, 3 remain',
    );
    expect(decodeError(() => reader('0548656c6c6f').string()).message).toBe(
      'at byte 0: truncated: needs 8 bytes, 6 remain',
    );
    expect(decodeError(() => reader(`fefe0000${'61'.repeat(10)}`).bytes()).message).toBe(
      'at byte 0: truncated: needs 260 bytes, 14 remain',
    );
    const r = reader('00000000 0100');
    r.int();
    expect(decodeError(() => r.long()).message).toBe('at byte 4: truncated: needs 8 bytes, 2 remain');
  });
});

describe('strict and lenient decoding', () => {
  it('rejects non-zero padding in strict mode, accepts it in lenient mode', () => {
    const e = decodeError(() => reader('0548656c6c6f0001').string());
    expect(e.kind).toBe('padding');
    expect(e.offset).toBe(7);
    expect(e.message).toBe('at byte 7: padding: non-zero padding byte 0x01');
    expect(reader('0548656c6c6f0001', false).string()).toBe('Hello');
    expect(toHex(reader('01ff7f00', false).bytes())).toBe('ff');
    expect(decodeError(() => reader('01ff7f00').bytes()).offset).toBe(2);
  });

  it('rejects the long length form for short data in strict mode, accepts it in lenient mode', () => {
    const hex = 'fe050000 48656c6c 6f000000';
    const e = decodeError(() => reader(hex).string());
    expect(e.kind).toBe('length-prefix');
    expect(e.offset).toBe(0);
    expect(reader(hex, false).string()).toBe('Hello');
    const at253 = `fefd0000${'62'.repeat(253)}000000`;
    expect(decodeError(() => reader(at253).bytes()).kind).toBe('length-prefix');
    expect(reader(at253, false).bytes().length).toBe(253);
  });

  it('rejects a 0xff length prefix in both modes', () => {
    for (const strict of [true, false]) {
      const e = decodeError(() => reader('ff000000', strict).bytes());
      expect(e.kind).toBe('length-prefix');
      expect(e.offset).toBe(0);
    }
    const r = reader('00000000 ff000000');
    r.int();
    expect(decodeError(() => r.string()).offset).toBe(4);
  });

  it('rejects invalid UTF-8 in strict mode at the offending byte, replaces it in lenient mode', () => {
    const e = decodeError(() => reader('0361ff62').string());
    expect(e.kind).toBe('utf8');
    expect(e.offset).toBe(2);
    expect(e.message).toBe('at byte 2: utf8: invalid UTF-8 in string');
    expect(reader('0361ff62', false).string()).toBe('a\ufffdb');
    // An encoded surrogate (CESU-8) and an overlong '/' are invalid too; truncated sequence at the end.
    expect(decodeError(() => reader('03eda080').string()).offset).toBe(2);
    expect(decodeError(() => reader('02c0af00').string()).offset).toBe(1);
    expect(decodeError(() => reader('0261e200').string()).offset).toBe(2);
    const long = `fe2c0100${'61'.repeat(299)}f8${'00'.repeat(0)}`;
    expect(decodeError(() => reader(long).string()).offset).toBe(4 + 299);
  });

  it('keeps a leading BOM so the string re-encodes identically', () => {
    const hex = '04efbbbf 41000000';
    const s = reader(hex).string();
    expect(s).toBe('\ufeffA');
    const w = new TlWriter();
    w.string(s);
    expect(toHex(w.finish())).toBe(toHex(fromHex(hex)));
  });

  it('rejects unknown Bool ids in strict mode, reads them as false in lenient mode', () => {
    const e = decodeError(() => reader('00000000 01000000').bool());
    expect(e.kind).toBe('bool');
    expect(e.offset).toBe(0);
    expect(e.message).toBe(
      'at byte 0: bool: expected boolTrue (0x997275b5) or boolFalse (0xbc799737), got 0x00000000',
    );
    expect(reader('00000000', false).bool()).toBe(false);
  });

  it('accepts canonical encodings that re-encode to identical bytes', () => {
    const w = new TlWriter();
    w.string('Привет, 😀');
    w.bytes(new Uint8Array(300).fill(3));
    w.bool(false);
    const bytes = w.finish();
    const r = new TlReader(bytes, EMPTY);
    const again = new TlWriter();
    again.string(r.string());
    again.bytes(r.bytes());
    again.bool(r.bool());
    expect(toHex(again.finish())).toBe(toHex(bytes));
  });
});

describe('vectors', () => {
  it('reads a vector id and count', () => {
    const r = reader('15c4b51c 02000000 01000000 02000000');
    r.vectorId();
    expect(r.count(4)).toBe(2);
  });
  it('fails fast on a count of 0x7fffffff over 8 remaining bytes', () => {
    const e = decodeError(() => {
      const r = reader('15c4b51c ffffff7f 01000000 02000000');
      r.vectorId();
      r.count(4);
    });
    expect(e.kind).toBe('truncated');
    expect(e.offset).toBe(8);
    expect(e.message).toBe(
      'at byte 8: truncated: a vector of 2147483647 elements needs at least 8589934588 bytes, 8 remain',
    );
  });
  it('rejects negative counts and treats a minimum of 0 as 1', () => {
    const negative = decodeError(() => reader('ffffffff').count(4));
    expect([negative.kind, negative.offset, negative.detail]).toEqual([
      'vector-length',
      0,
      'vector count -1 is negative',
    ]);
    const tooMany = decodeError(() => reader('05000000 00000000').count(0));
    expect([tooMany.kind, tooMany.offset]).toEqual(['truncated', 4]);
    expect(reader('04000000 00000000').count(0)).toBe(4);
  });
  it('rejects a wrong vector id', () => {
    const e = decodeError(() => reader('b5757299').vectorId());
    expect(e.kind).toBe('vector-id');
    expect(e.message).toBe('at byte 0: vector-id: expected vector id 0x1cb5c415, got 0x997275b5');
  });
});

const NEST = 0x11111111;
const LEAF = 0x22222222;
const nestingRegistry: Map<number, ObjectReader> = new Map();
nestingRegistry.set(NEST, (r) => ({ inner: r.object() }));
nestingRegistry.set(LEAF, () => 'leaf');

function nested(levels: number): Uint8Array {
  const w = new TlWriter();
  for (let i = 0; i < levels; i++) w.uint(NEST);
  w.uint(LEAF);
  return w.finish();
}

describe('objects through the registry', () => {
  it('reads nesting up to maxDepth', () => {
    let v = new TlReader(nested(99), nestingRegistry).object();
    let levels = 0;
    while (typeof v === 'object' && v !== null) {
      v = (v as { inner: unknown }).inner;
      levels++;
    }
    expect(v).toBe('leaf');
    expect(levels).toBe(99);
  });
  it('fails with depth beyond maxDepth, at the first object too deep', () => {
    const e = decodeError(() => new TlReader(nested(150), nestingRegistry).object());
    expect(e.kind).toBe('depth');
    expect(e.offset).toBe(400);
    expect(e.message).toBe('at byte 400: depth: objects nested deeper than 100 levels');
    expect(
      decodeError(() => new TlReader(nested(10), nestingRegistry, { maxDepth: 5 }).object()).offset,
    ).toBe(20);
  });
  it('fails with depth, not a stack overflow, on a million levels', () => {
    expect(decodeError(() => new TlReader(nested(1_000_000), nestingRegistry).object()).kind).toBe('depth');
  });
  it('reports unknown constructors with the id in hex, offset and what was expected', () => {
    const e = thrown(() => reader('00000000 78563412').object()) as UnknownConstructorError;
    expect(e).toBeInstanceOf(UnknownConstructorError);
    expect(e).toBeInstanceOf(TlDecodeError);
    expect(e.kind).toBe('unknown-constructor');
    expect(e.constructorId).toBe(0x00000000);
    expect(e.idHex).toBe('0x00000000');
    const r = reader('00000000 78563412');
    r.int();
    const e2 = thrown(() => r.typed(new Map(), 'User')) as UnknownConstructorError;
    expect(e2.idHex).toBe('0x12345678');
    expect(e2.offset).toBe(4);
    expect(e2.message).toBe(
      'at byte 4: unknown-constructor: unknown constructor 0x12345678 where User was expected',
    );
  });
  it('reads Bool ids met where any object may stand', () => {
    expect(reader('b5757299').object()).toBe(true);
    expect(reader('379779bc').object()).toBe(false);
  });
  it('reads a boxed Vector met where any object may stand as an array of boxed values', () => {
    const bytes = '15c4b51c 03000000 b5757299 15c4b51c 01000000 379779bc 15c4b51c 00000000';
    const r = reader(bytes);
    const value = r.object();
    expect(value).toEqual([true, [false], []]);
    expect(r.pos).toBe(32);
    const w = new TlWriter();
    w.object(value);
    expect(toHex(w.finish())).toBe(toHex(fromHex(bytes)));
  });
  it('counts nested Vectors of objects against the depth limit', () => {
    const levels = 20;
    const bytes = fromHex(`${'15c4b51c 01000000 '.repeat(levels)}15c4b51c 00000000`);
    const e = decodeError(() => new TlReader(bytes, EMPTY, { maxDepth: 10 }).object());
    expect([e.kind, e.offset]).toEqual(['depth', 80]);
  });
  it('rejects a constructor of another type in typed()', () => {
    const only = new Map([[LEAF, nestingRegistry.get(LEAF)!]]);
    const r = new TlReader(nested(1), nestingRegistry);
    const e = decodeError(() => r.typed(only, 'Leaf'));
    expect(e.kind).toBe('unexpected-constructor');
    expect(e.message).toBe('at byte 0: unexpected-constructor: constructor 0x11111111 is not a Leaf');
    expect(new TlReader(nested(0), nestingRegistry).typed(only, 'Leaf')).toBe('leaf');
  });
  it('reads one object occupying exactly a given length', () => {
    const bytes = fromHex('22222222 22222222');
    const r = new TlReader(bytes, nestingRegistry);
    expect(r.objectWithin(4)).toBe('leaf');
    expect(r.pos).toBe(4);
    const e = decodeError(() => new TlReader(bytes, nestingRegistry).objectWithin(8));
    expect(e.kind).toBe('trailing-bytes');
    expect(e.offset).toBe(4);
    expect(decodeError(() => new TlReader(bytes, nestingRegistry).objectWithin(12)).kind).toBe('truncated');
    expect(
      decodeError(() => new TlReader(fromHex('11111111 22222222'), nestingRegistry).objectWithin(4)).kind,
    ).toBe('truncated');
  });
  it('returns the rest as a copy and detects trailing bytes', () => {
    const r = reader('01000000 0203');
    r.int();
    expect(toHex(r.rest())).toBe('0203');
    r.expectEnd();
    const e = decodeError(() =>
      readBoxed(fromHex('22222222 00'), nestingRegistry, undefined, (x) => x.object()),
    );
    expect(e.kind).toBe('trailing-bytes');
    expect(e.message).toBe('at byte 4: trailing-bytes: 1 bytes left after the value');
  });
});

describe('decode error paths', () => {
  // inputUser#f21158c6 user_id:long access_hash:long inside messages.startBot's bot field (hand-written readers).
  const INPUT_USER = 0xf21158c6;
  const START_BOT = 0xe6df7378;
  const registry = new Map<number, ObjectReader>();
  registry.set(INPUT_USER, (r) => {
    let field = '';
    try {
      field = 'userId';
      const userId = r.long();
      field = 'accessHash';
      const accessHash = r.long();
      return { userId, accessHash };
    } catch (e) {
      rethrowDecode(e, 'inputUser', field);
    }
  });
  registry.set(START_BOT, (r) => {
    let field = '';
    try {
      field = 'bot';
      const bot = r.object();
      return { bot };
    } catch (e) {
      rethrowDecode(e, 'messages.startBot', field);
    }
  });

  it('names the innermost constructor and the full path', () => {
    const bytes = fromHex('7873dfe6 c65811f2 01000000 00000000 02000000');
    const e = decodeError(() => readBoxed(bytes, registry, undefined, (r) => r.object()));
    expect(e.kind).toBe('truncated');
    expect(e.offset).toBe(16);
    expect(e.constructorName).toBe('inputUser');
    expect(e.path).toEqual(['messages.startBot', 'bot', 'accessHash']);
    expect(e.detail).toBe('needs 8 bytes, 4 remain');
    expect(e.message).toBe(
      'at byte 16 reading inputUser (messages.startBot.bot.accessHash): truncated: needs 8 bytes, 4 remain',
    );
  });

  it('leaves non-decode errors unchanged', () => {
    const original = new RangeError('boom');
    expect(thrown(() => rethrowDecode(original, 'x', 'y'))).toBe(original);
  });

  it('prependPath adds a segment and rebuilds the message', () => {
    const e = new TlDecodeError('padding', 'non-zero padding byte 0x01', 7);
    expect(e.message).toBe('at byte 7: padding: non-zero padding byte 0x01');
    expect(e.prependPath('lastName')).toBe(e);
    expect(e.message).toBe('at byte 7 (lastName): padding: non-zero padding byte 0x01');
    expect(e.name).toBe('TlDecodeError');
  });
});
