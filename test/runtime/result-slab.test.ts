import { describe, expect, it } from 'vitest';
import {
  copyResult,
  lendSlab,
  returnSlab,
  SLAB_RESULT_MAX,
  takeResult,
} from '../../packages/runtime/src/result-slab.ts';
import { TlWriter } from '../../packages/runtime/src/writer.ts';

const filled = (length: number, value: number) => new Uint8Array(length + 16).fill(value);

describe('serialized results in a shared slab', () => {
  it('copies: later results and later writes to the source do not change earlier ones', () => {
    const source = filled(100, 1);
    const first = copyResult(source, 0, 100);
    source.fill(9);
    const second = copyResult(source, 0, 100);
    expect(first.length).toBe(100);
    expect([...first].every((b) => b === 1)).toBe(true);
    expect([...second].every((b) => b === 9)).toBe(true);
  });

  it('places small results at 8-byte aligned offsets of one buffer', () => {
    const a = copyResult(filled(13, 1), 0, 13);
    const b = copyResult(filled(13, 2), 0, 13);
    expect(a.byteOffset % 8).toBe(0);
    expect(b.byteOffset % 8).toBe(0);
    expect(b.byteLength).toBe(13);
  });

  it('gives a result larger than SLAB_RESULT_MAX a buffer of its own', () => {
    const big = copyResult(filled(SLAB_RESULT_MAX + 1, 3), 0, SLAB_RESULT_MAX + 1);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(SLAB_RESULT_MAX + 1);
  });

  it('never writes into a slab that was transferred away', () => {
    const a = copyResult(filled(8, 4), 0, 8);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    expect(a.byteLength).toBe(0);
    const b = copyResult(filled(8, 5), 0, 8);
    expect([...b]).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('starts a new slab when the current one is full', () => {
    const results = [];
    for (let i = 0; i < 20; i++) results.push(copyResult(filled(SLAB_RESULT_MAX, i), 0, SLAB_RESULT_MAX));
    results.forEach((r, i) => {
      expect(r[0]).toBe(i);
      expect(r[SLAB_RESULT_MAX - 1]).toBe(i);
    });
    expect(new Set(results.map((r) => r.buffer)).size).toBeGreaterThan(1);
  });

  it('copies only [start, end) of the source', () => {
    const source = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    expect([...copyResult(source, 2, 5)]).toEqual([1, 2, 3]);
  });
});

describe('results written in place into the slab', () => {
  /** Writes `count` ints 0..count-1 as one result through a lent slab. */
  function lentResult(w: TlWriter, count: number): Uint8Array {
    lendSlab(w);
    for (let i = 0; i < count; i++) w.int(i);
    returnSlab();
    return takeResult(w);
  }
  const ints = (r: Uint8Array) =>
    Array.from({ length: r.length / 4 }, (_, i) =>
      new DataView(r.buffer, r.byteOffset).getInt32(4 * i, true),
    );

  it('returns views of one slab, aligned, without copying', () => {
    const w = new TlWriter(16);
    const a = lentResult(w, 3);
    const b = lentResult(w, 5);
    expect(ints(a)).toEqual([0, 1, 2]);
    expect(ints(b)).toEqual([0, 1, 2, 3, 4]);
    expect(b.buffer).toBe(a.buffer);
    expect(a.buffer.byteLength).toBeGreaterThan(SLAB_RESULT_MAX);
    expect(b.byteOffset).toBe(a.byteOffset + 16);
    // The writer went back to its own buffer, which is not the slab.
    w.reset();
    w.int(7);
    expect(w.buf.buffer).not.toBe(a.buffer);
    expect(ints(a)).toEqual([0, 1, 2]);
  });

  it('moves output that outgrows the slab into the writer, at the same offsets', () => {
    const w = new TlWriter(16);
    const earlier: Uint8Array[] = [];
    // Fills the slab with 8000-byte results until less than 12000 bytes are free at the loan.
    for (;;) {
      lendSlab(w);
      if (w.buf.length - w.start < 12000) break;
      for (let i = 0; i < 2000; i++) w.int(-i);
      returnSlab();
      earlier.push(takeResult(w));
    }
    const slabBuffer = w.buf.buffer;
    const start = w.start;
    for (let i = 0; i < 3000; i++) w.int(i);
    expect(w.buf.buffer).not.toBe(slabBuffer);
    expect(w.start).toBe(start);
    returnSlab();
    expect(ints(w.finish())).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    const moved = takeResult(w);
    expect(ints(moved)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    for (const r of earlier) expect(ints(r)[1999]).toBe(-1999);
    // The slab's free part was not used: the next small result starts there.
    const next = lentResult(w, 1);
    expect(next.buffer).toBe(slabBuffer);
    expect(next.byteOffset).toBe(start);
  });

  it('keeps results larger than SLAB_RESULT_MAX in buffers of their own', () => {
    const w = new TlWriter(16);
    const big = lentResult(w, SLAB_RESULT_MAX / 4 + 1);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(SLAB_RESULT_MAX + 4);
    expect(ints(big)[SLAB_RESULT_MAX / 4]).toBe(SLAB_RESULT_MAX / 4);
  });

  it('gives copies made during a loan (a nested serialize) buffers of their own', () => {
    const w = new TlWriter(16);
    lendSlab(w);
    w.int(1);
    const nested = copyResult(Uint8Array.from([5, 6, 7, 8]), 0, 4);
    w.int(2);
    returnSlab();
    const outer = takeResult(w);
    expect(nested.buffer).not.toBe(outer.buffer);
    expect([...nested]).toEqual([5, 6, 7, 8]);
    expect(ints(outer)).toEqual([1, 2]);
  });

  it('reuses the space of a loan that ended without a result', () => {
    const w = new TlWriter(16);
    const before = lentResult(w, 1);
    lendSlab(w);
    w.int(99);
    returnSlab();
    const after = lentResult(w, 2);
    expect(after.byteOffset).toBe(before.byteOffset + 8);
    expect(ints(before)).toEqual([0]);
    expect(ints(after)).toEqual([0, 1]);
  });
});
