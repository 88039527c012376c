// The strings of one decoded value (but the shortest), joined at its end. On Node 20 every TextDecoder call
// costs ~100-150 ns before it decodes anything, and UTF-8 that is not ASCII ~4 ns per byte, which made
// strings most of the decoding time of chat messages. The reader decodes each such string to UTF-16
// code units in JS (~1 ns per byte) into one buffer; `flush` turns the whole buffer into one string
// with a single UTF-16 TextDecoder call and assigns each field its `substring` (V8 shares the backing
// string, so the strings of one decoded value keep that one string alive together). ASCII strings are
// copied to a byte buffer and joined by one UTF-8 TextDecoder call, so they stay one-byte strings.

import { utf8ToUnits, utf16Decoder } from './utf8.ts';

/** ASCII bytes are valid UTF-8: this decoder takes TextDecoder's one-byte fast path. */
const asciiDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Flushed early past this many code units, so one huge payload does not grow the buffer unbounded. */
const MAX_PENDING_UNITS = 1 << 20;

type Slot = Record<string | number, unknown>;

export class StringBatch {
  private units = new Uint16Array(4096);
  private used = 0;
  /** ASCII strings are joined apart, as bytes, so that their substrings stay one-byte strings. */
  private ascii = new Uint8Array(4096);
  private asciiView = new DataView(this.ascii.buffer);
  private asciiUsed = 0;
  /**
   * Where each pending string goes: `targets[i][keys[i]]`, from [bounds[2i], bounds[2i+1]) of the UTF-16
   * units (`bounds[2i] >= 0`) or of the ASCII bytes (stored as `~start`, `end`).
   */
  private readonly targets: (Slot | undefined)[] = [];
  private readonly keys: (string | number)[] = [];
  private readonly bounds: number[] = [];
  /** Entries in use: the arrays are overwritten rather than shrunk (setting `length` is slow in V8). */
  private count = 0;
  /** Whether the value being decoded has offered a string already (see `takesNext`). */
  private armed = false;

  /**
   * Whether the batch takes the next string. The first string of a value is decoded at once: a value
   * with one long string (a single short message) gains nothing from the batch, and TextDecoder's UTF-8
   * path costs less per call than the UTF-16 one that joins the batch.
   */
  takesNext(): boolean {
    if (this.armed) return true;
    this.armed = true;
    return false;
  }

  /**
   * Decodes UTF-8 bytes [start, end) (ASCII before `ascii`) for `target[key]`, assigned by `flush`.
   * Returns false, adding nothing, when the bytes are not valid UTF-8.
   */
  add(
    bytes: Uint8Array,
    view: DataView,
    start: number,
    ascii: number,
    end: number,
    target: object,
    key: string | number,
  ): boolean {
    const length = end - start;
    if (this.used + length > this.units.length) {
      if (this.used > 0 && this.used + length > MAX_PENDING_UNITS) this.flush();
      if (this.used + length > this.units.length) {
        const grown = new Uint16Array(Math.max(this.units.length * 2, this.used + length));
        grown.set(this.units.subarray(0, this.used));
        this.units = grown;
      }
    }
    const n = utf8ToUnits(bytes, view, start, ascii, end, this.units, this.used);
    if (n < 0) return false;
    this.record(target, key, this.used, this.used + n);
    this.used += n;
    return true;
  }

  /** ASCII bytes [start, end) for `target[key]`, assigned by `flush`. */
  addAscii(
    bytes: Uint8Array,
    view: DataView,
    start: number,
    end: number,
    target: object,
    key: string | number,
  ): void {
    const length = end - start;
    if (this.asciiUsed + length + 4 > this.ascii.length) {
      if (this.asciiUsed > 0 && this.asciiUsed + length > MAX_PENDING_UNITS) this.flush();
      if (this.asciiUsed + length + 4 > this.ascii.length) {
        const grown = new Uint8Array(Math.max(this.ascii.length * 2, this.asciiUsed + length + 4));
        grown.set(this.ascii.subarray(0, this.asciiUsed));
        this.ascii = grown;
        this.asciiView = new DataView(grown.buffer);
      }
    }
    // Four bytes per step; the buffer keeps 4 spare bytes, and bytes past `length` are overwritten later.
    const out = this.asciiView;
    const at = this.asciiUsed;
    let i = 0;
    for (; i + 4 <= length; i += 4) out.setInt32(at + i, view.getInt32(start + i, true), true);
    for (; i < length; i++) this.ascii[at + i] = bytes[start + i];
    this.record(target, key, ~at, at + length);
    this.asciiUsed = at + length;
  }

  private record(target: object, key: string | number, start: number, end: number): void {
    const i = this.count++;
    this.targets[i] = target as Slot;
    this.keys[i] = key;
    this.bounds[2 * i] = start;
    this.bounds[2 * i + 1] = end;
  }

  /** Assigns every pending string and empties the batch. */
  flush(): void {
    this.armed = false;
    const count = this.count;
    if (count === 0) return;
    const joined = this.used === 0 ? '' : utf16Decoder.decode(this.units.subarray(0, this.used));
    const joinedAscii =
      this.asciiUsed === 0 ? '' : asciiDecoder.decode(this.ascii.subarray(0, this.asciiUsed));
    const { targets, keys, bounds } = this;
    for (let i = 0; i < count; i++) {
      const start = bounds[2 * i];
      const end = bounds[2 * i + 1];
      (targets[i] as Slot)[keys[i]] =
        start >= 0 ? joined.substring(start, end) : joinedAscii.substring(~start, end);
      // Not kept alive by the pooled batch.
      targets[i] = undefined;
    }
    this.count = 0;
    this.used = 0;
    this.asciiUsed = 0;
  }

  /** Drops pending strings (the value being decoded failed). */
  clear(): void {
    this.armed = false;
    for (let i = 0; i < this.count; i++) this.targets[i] = undefined;
    this.count = 0;
    this.used = 0;
    this.asciiUsed = 0;
  }
}

let pooled: StringBatch | undefined;

/** The shared batch, or a fresh one while it is in use (a decode inside a decode). */
export function acquireStringBatch(): StringBatch {
  const batch = pooled ?? new StringBatch();
  pooled = undefined;
  return batch;
}

export function releaseStringBatch(batch: StringBatch): void {
  batch.clear();
  pooled = batch;
}
