import { describe, expect, it } from 'vitest';
import { copyResult, SLAB_RESULT_MAX } from '../../src/result-slab.ts';

const filled = (length: number, value: number) => new Uint8Array(length + 16).fill(value);

describe('serialized results in a shared slab', () => {
  it('copies: later results and later writes to the source do not change earlier ones', () => {
    const source = filled(100, 1);
    const first = copyResult(source, 100);
    source.fill(9);
    const second = copyResult(source, 100);
    expect(first.length).toBe(100);
    expect([...first].every((b) => b === 1)).toBe(true);
    expect([...second].every((b) => b === 9)).toBe(true);
  });

  it('places small results at 8-byte aligned offsets of one buffer', () => {
    const a = copyResult(filled(13, 1), 13);
    const b = copyResult(filled(13, 2), 13);
    expect(a.byteOffset % 8).toBe(0);
    expect(b.byteOffset % 8).toBe(0);
    expect(b.byteLength).toBe(13);
  });

  it('gives a result larger than SLAB_RESULT_MAX a buffer of its own', () => {
    const big = copyResult(filled(SLAB_RESULT_MAX + 1, 3), SLAB_RESULT_MAX + 1);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(SLAB_RESULT_MAX + 1);
  });

  it('never writes into a slab that was transferred away', () => {
    const a = copyResult(filled(8, 4), 8);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    expect(a.byteLength).toBe(0);
    const b = copyResult(filled(8, 5), 8);
    expect([...b]).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('starts a new slab when the current one is full', () => {
    const results = [];
    for (let i = 0; i < 20; i++) results.push(copyResult(filled(SLAB_RESULT_MAX, i), SLAB_RESULT_MAX));
    results.forEach((r, i) => {
      expect(r[0]).toBe(i);
      expect(r[SLAB_RESULT_MAX - 1]).toBe(i);
    });
    expect(new Set(results.map((r) => r.buffer)).size).toBeGreaterThan(1);
  });
});
