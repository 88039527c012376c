// The registry of a generated layer: every constructor and function by id, for `deserialize` and
// `Object` fields. A layer has 2,500 of them; a table of all of them costs the first decode ~10 ms
// (V8 compiling and running one function that holds 5,000 array elements), while a decode meets a
// handful. So the ids are split by their top bits into buckets (CRC32 ids spread evenly), each a
// small function that V8 compiles only when an id of its bucket is first looked up.

import type { ObjectReader, ReaderRegistry } from './reader.ts';

/** What a registry takes of a class. */
export interface RegistryClass {
  readonly fromReader: ObjectReader;
}

/** The ids of one bucket and their classes, interleaved: `[id, Class, id, Class, …]`. */
export type RegistryEntries = readonly (number | RegistryClass)[];

/** One bucket: a function, so that V8 compiles it only when the bucket is first looked up. */
export type RegistryBucket = () => RegistryEntries;

class LazyRegistry implements ReaderRegistry {
  private readonly readers = new Map<number, ObjectReader>();
  private readonly pending: Array<RegistryBucket | undefined>;
  private readonly shift: number;

  constructor(bits: number, buckets: readonly RegistryBucket[]) {
    if (!Number.isInteger(bits) || bits < 0 || bits > 16 || buckets.length !== 2 ** bits) {
      throw new RangeError(`a registry of ${bits} bits has ${2 ** bits} buckets, not ${buckets.length}`);
    }
    this.pending = [...buckets];
    // With one bucket the shift is 32, and `id >>> 32` is `id` (shift counts are taken mod 32):
    // `fill` reads bucket 0 itself then.
    this.shift = 32 - bits;
  }

  get(id: number): ObjectReader | undefined {
    const read = this.readers.get(id);
    return read !== undefined ? read : this.fill(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Loads the bucket of `id` once (an id it lacks stays unknown without loading it again). */
  private fill(id: number): ObjectReader | undefined {
    const index = this.shift === 32 ? 0 : id >>> this.shift;
    const bucket = this.pending[index];
    if (bucket === undefined) return undefined;
    this.pending[index] = undefined;
    const entries = bucket();
    for (let i = 0; i < entries.length; i += 2) {
      this.readers.set(entries[i] as number, (entries[i + 1] as RegistryClass).fromReader);
    }
    return this.readers.get(id);
  }
}

/**
 * A registry of `2 ** bits` buckets: bucket `i` holds the ids whose top `bits` bits are `i`.
 * Generated registries call it; an id in the wrong bucket would never be found, so tests of the
 * generator check every id of every layer.
 */
export function lazyRegistry(bits: number, buckets: readonly RegistryBucket[]): ReaderRegistry {
  return new LazyRegistry(bits, buckets);
}
