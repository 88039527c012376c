import { gzipSync } from 'node:zlib';
import type { ObjectReader } from '@tlforge/runtime';
import {
  GZIP_PACKED_ID,
  inflateGzip,
  readBoxed,
  rethrowDecode,
  TlDecodeError,
  TlReader,
  TlWriter,
} from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { thrown } from './capture.ts';
import { fromHex, sameBytes } from './hex.ts';

/** zlib's gzip as a plain Uint8Array (a Buffer's slice() would share memory with it). */
function gzip(data: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(data));
}

const LEAF = 0x22222222;
const NAMED = 0x44444444;
const HOLDER = 0x33333333;
const registry = new Map<number, ObjectReader>();
registry.set(LEAF, () => 'leaf');
// named#44444444 name:string = Named;
registry.set(NAMED, (r) => {
  try {
    return { name: r.string() };
  } catch (e) {
    rethrowDecode(e, 'named', 'name');
  }
});
/** A `Vector<int>` as generated vector readers read it: a gzip_packed one is read whole from its data. */
function readIntVector(r: TlReader): number[] {
  if (!r.vectorId()) return r.packed(readIntVector);
  const n = r.count(4);
  const items: number[] = [];
  for (let i = 0; i < n; i++) items.push(r.int());
  return items;
}

function readObjectVector(r: TlReader): unknown[] {
  if (!r.vectorId()) return r.packed(readObjectVector);
  const n = r.count(4);
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) items.push(r.object());
  return items;
}

// holder#33333333 items:Vector<int> tail:int = Holder;
registry.set(HOLDER, (r) => ({ items: readIntVector(r), tail: r.int() }));

function packed(inner: Uint8Array): Uint8Array {
  const w = new TlWriter();
  w.uint(GZIP_PACKED_ID);
  w.bytes(gzip(inner));
  return w.finish();
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const w = new TlWriter();
  for (const p of parts) w.raw(p);
  return w.finish();
}

function decodeError(f: () => unknown): TlDecodeError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(TlDecodeError);
  return e as TlDecodeError;
}

const named = (() => {
  const w = new TlWriter();
  w.uint(NAMED);
  w.string('Peter Parker');
  return w.finish();
})();

describe('gzip_packed', () => {
  it('is inflated transparently where an object is expected', () => {
    expect(new TlReader(packed(named), registry).object()).toEqual({ name: 'Peter Parker' });
    expect(new TlReader(packed(packed(named)), registry).object()).toEqual({ name: 'Peter Parker' });
  });

  it('is inflated at the start of readBoxed and inside typed() and bool()', () => {
    expect(readBoxed(packed(named), registry, undefined, (r) => r.object())).toEqual({
      name: 'Peter Parker',
    });
    const only = new Map([[NAMED, registry.get(NAMED)!]]);
    expect(new TlReader(packed(named), registry).typed(only, 'Named')).toEqual({ name: 'Peter Parker' });
    expect(new TlReader(packed(fromHex('b5757299')), registry).bool()).toBe(true);
  });

  it('continues with the outer bytes after the inflated object', () => {
    const r = new TlReader(concat(packed(named), fromHex('07000000')), registry);
    expect(r.object()).toEqual({ name: 'Peter Parker' });
    expect(r.int()).toBe(7);
    r.expectEnd();
  });

  it('is inflated where a boxed vector is expected, and the outer fields follow', () => {
    const vector = fromHex('15c4b51c 03000000 01000000 02000000 03000000');
    const bytes = concat(fromHex('33333333'), packed(vector), fromHex('09000000'));
    expect(readBoxed(bytes, registry, undefined, (r) => r.object())).toEqual({ items: [1, 2, 3], tail: 9 });
    const asResult = readBoxed(packed(vector), registry, undefined, readIntVector);
    expect(asResult).toEqual([1, 2, 3]);
  });

  it('rejects inflated data longer than the object it holds', () => {
    const e = decodeError(() => new TlReader(packed(concat(named, fromHex('00000000'))), registry).object());
    expect(e.kind).toBe('trailing-bytes');
    expect(e.offset).toBe(named.length);
    expect(e.path).toEqual(['gzip_packed']);
    const vectorAndMore = fromHex('15c4b51c 01000000 01000000 09000000 05000000');
    const holder = new Map<number, ObjectReader>([[HOLDER, readIntVector]]);
    const e2 = decodeError(() =>
      new TlReader(concat(fromHex('33333333'), packed(vectorAndMore)), holder).object(),
    );
    expect(e2.kind).toBe('trailing-bytes');
    expect(e2.path).toEqual(['gzip_packed']);
  });

  it('never lets an element of a gzip-packed vector continue into the outer bytes', () => {
    // wrapper#55555555 items:Vector<Object> = Wrapper; its only element's string is missing from the
    // inflated data but a valid string follows outside.
    const wrapper = new Map(registry);
    wrapper.set(0x55555555, readObjectVector);
    const inner = fromHex('15c4b51c 01000000 44444444');
    const bytes = concat(fromHex('55555555'), packed(inner), fromHex('0548656c 6c6f0000'));
    const e = decodeError(() => new TlReader(bytes, wrapper).object());
    expect(e.kind).toBe('truncated');
    expect(e.offset).toBe(12);
    expect(e.inflated).toBe(true);
    expect(e.message).toBe(
      'at byte 12 of inflated gzip_packed data reading named (gzip_packed.named.name): truncated: needs 4 bytes, 0 remain',
    );
    // The same bytes with the string inside the gzip data read fine.
    const whole = concat(fromHex('55555555'), packed(concat(inner, fromHex('0548656c 6c6f0000'))));
    expect(new TlReader(whole, wrapper).object()).toEqual([{ name: 'Hello' }]);
  });

  it('marks errors inside the inflated data with a gzip_packed path segment', () => {
    const bad = fromHex('44444444 0548656c 6c6f0001');
    const e = decodeError(() => readBoxed(packed(bad), registry, undefined, (r) => r.object()));
    expect(e.kind).toBe('padding');
    expect(e.offset).toBe(11);
    expect(e.message).toBe(
      'at byte 11 of inflated gzip_packed data reading named (gzip_packed.named.name): padding: non-zero padding byte 0x01',
    );
  });

  it('fails with inflated-limit when the declared size exceeds the budget', () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    const e = decodeError(() =>
      new TlReader(packed(big), registry, { maxInflatedSize: 1024 * 1024 }).object(),
    );
    expect(e.kind).toBe('inflated-limit');
    expect(e.offset).toBe(0);
    expect(e.message).toBe(
      'at byte 0: inflated-limit: gzip_packed declares 2097152 bytes, but 1048576 of the 1048576 bytes one decode may inflate remain (maxInflatedSize)',
    );
  });

  it('stops inflating at the declared size when the trailer lies about it', () => {
    const compressed = gzip(new Uint8Array(100_000));
    compressed.set([0x10, 0, 0, 0], compressed.length - 4);
    expect(thrown(() => inflateGzip(compressed, 1000))).toMatchObject({
      message: 'the deflate stream inflates to more than the 16 bytes the gzip trailer declares',
    });
  });

  it('rejects output longer or shorter than the trailer declares', () => {
    const compressed = gzip(new Uint8Array(5000).fill(7));
    const longer = compressed.slice();
    longer.set([10, 0, 0, 0], longer.length - 4);
    expect((thrown(() => inflateGzip(longer, 1 << 26)) as Error).message).toBe(
      'the deflate stream inflates to more than the 10 bytes the gzip trailer declares',
    );
    const shorter = compressed.slice();
    shorter.set([0x89, 0x13, 0, 0], shorter.length - 4);
    expect((thrown(() => inflateGzip(shorter, 1 << 26)) as Error).message).toBe(
      'inflated 5000 bytes but the gzip trailer declares 5001',
    );
    expect(sameBytes(inflateGzip(compressed, 1 << 26), new Uint8Array(5000).fill(7))).toBe(true);
    expect(sameBytes(inflateGzip(compressed, 5000), new Uint8Array(5000).fill(7))).toBe(true);
  });

  it('fails with gzip on corrupt streams', () => {
    const good = gzip(named);
    const badMagic = good.slice();
    badMagic[0] = 0;
    const badCrc = good.slice();
    badCrc[badCrc.length - 8] ^= 1;
    const badBody = good.slice();
    for (let i = 10; i < badBody.length - 8; i++) badBody[i] = 0xff;
    for (const gz of [badMagic, badCrc, badBody, good.subarray(0, 12)]) {
      const w = new TlWriter();
      w.uint(GZIP_PACKED_ID);
      w.bytes(gz);
      const e = decodeError(() => new TlReader(w.finish(), registry).object());
      expect(e.kind).toBe('gzip');
      expect(e.offset).toBe(0);
    }
    const w = new TlWriter();
    w.uint(GZIP_PACKED_ID);
    w.bytes(badCrc);
    expect(decodeError(() => new TlReader(w.finish(), registry).object()).message).toBe(
      'at byte 0: gzip: CRC32 of the inflated data does not match',
    );
  });
});
