import { lazyRegistry, type ObjectReader, type RegistryBucket, type TlReader } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';

const reader = (tag: string): { fromReader: ObjectReader } => ({ fromReader: (_r: TlReader) => tag });

describe('lazyRegistry', () => {
  it('finds each id in the bucket of its top bits and loads a bucket once, on its first lookup', () => {
    const a = reader('a');
    const b = reader('b');
    const c = reader('c');
    const calls = [0, 0, 0, 0];
    const bucket =
      (index: number, entries: unknown[]): RegistryBucket =>
      () => {
        calls[index]!++;
        return entries as ReturnType<RegistryBucket>;
      };
    const registry = lazyRegistry(2, [
      bucket(0, [0x00000001, a, 0x3fffffff, b]),
      bucket(1, []),
      bucket(2, []),
      bucket(3, [0xc0000000, c]),
    ]);
    expect(calls).toEqual([0, 0, 0, 0]);
    expect(registry.get(0xc0000000)).toBe(c.fromReader);
    expect(calls).toEqual([0, 0, 0, 1]);
    expect(registry.get(0x3fffffff)).toBe(b.fromReader);
    expect(registry.has(0x00000001)).toBe(true);
    expect(calls).toEqual([1, 0, 0, 1]);
    // An id its bucket lacks is unknown, and asking again does not load the bucket again.
    expect(registry.get(0x00000002)).toBeUndefined();
    expect(registry.has(0xc0000001)).toBe(false);
    expect(registry.has(0x40000000)).toBe(false);
    expect(registry.get(0x40000001)).toBeUndefined();
    expect(calls).toEqual([1, 1, 0, 1]);
  });

  it('with zero bits has one bucket for every id', () => {
    const a = reader('a');
    const b = reader('b');
    const registry = lazyRegistry(0, [() => [0x00000000, a, 0xffffffff, b]]);
    expect(registry.get(0xffffffff)).toBe(b.fromReader);
    expect(registry.get(0)).toBe(a.fromReader);
    expect(registry.get(0x80000000)).toBeUndefined();
  });

  it('refuses a bucket count that is not 2 ** bits', () => {
    expect(() => lazyRegistry(2, [() => [], () => []])).toThrow(
      new RangeError('a registry of 2 bits has 4 buckets, not 2'),
    );
    expect(() => lazyRegistry(-1, [])).toThrow(RangeError);
    expect(() => lazyRegistry(1.5, [() => [], () => []])).toThrow(RangeError);
  });
});
