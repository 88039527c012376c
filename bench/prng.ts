// Deterministic pseudo-random numbers for the benchmark payloads and the fuzz campaign: the same seed
// gives the same bytes on every machine and every run, so results stay comparable across commits.

/** mulberry32: tiny, fast, and good enough to pick texts and field values. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A positive 63-bit value, as TL `long` identifiers (access hashes, random ids) look. */
  long(): bigint {
    const high = BigInt(Math.floor(this.next() * 0x80000000));
    const low = BigInt(Math.floor(this.next() * 0x100000000));
    return (high << 32n) | low;
  }

  /** A signed 64-bit value (access hashes are often negative). */
  signedLong(): bigint {
    const v = this.long();
    return this.chance(0.5) ? -v : v;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}
