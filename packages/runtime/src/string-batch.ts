// The strings of one decoded value (but the shortest), joined at its end. On Node 20 every TextDecoder call
// costs ~100-150 ns before it decodes anything, and UTF-8 that is not ASCII ~3-4 ns per byte, which made
// strings most of the decoding time of chat messages. Non-ASCII strings are decoded to UTF-16 code units
// into one buffer; `flush` turns the whole buffer into one string with a single UTF-16 TextDecoder call
// and assigns each field its `substring` (V8 shares the backing string, so the strings of one decoded
// value keep that one string alive together). ASCII strings are copied to a byte buffer and joined by
// one UTF-8 TextDecoder call, so they stay one-byte strings.
//
// The code units come from WebAssembly (src/wasm/utf8.wat) where it runs: the bytes around the strings
// are copied into its memory in windows, and one call per window decodes every string in it (~0.6 ns
// per byte against ~1.2 ns for the JS decoder in utf8.ts, which remains the fallback). Invalid UTF-8 is
// only noticed then, after the field that held it was read: the batch throws `RetryWithoutBatch` and
// `readBoxed` decodes the value again without a batch, which reports the error with its offset and
// field path (strict) or replaces the bad sequences (lenient) exactly as before.

import { utf8ToUnits, utf16Decoder } from './utf8.ts';
import {
  allowUtf8Wasm,
  TABLE_BASE,
  TABLE_CAPACITY,
  UNITS_CAPACITY,
  utf8Wasm,
  WINDOW_BASE,
  WINDOW_CAPACITY,
} from './wasm/utf8-wasm.ts';

/** ASCII bytes are valid UTF-8: this decoder takes TextDecoder's one-byte fast path. */
const asciiDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Flushed early past this many code units, so one huge payload does not grow the buffer unbounded. */
const MAX_PENDING_UNITS = 1 << 20;

/** Thrown by the batch when a string it took is not valid UTF-8; `readBoxed` then reads without a batch. */
export class RetryWithoutBatch extends Error {
  constructor() {
    super('a batched string is not valid UTF-8: decode the value again without the batch');
    this.name = 'RetryWithoutBatch';
  }
}

const retryWithoutBatch = new RetryWithoutBatch();

/** Bytes copied at least per window, so that the strings of a chat payload share a few windows. */
const WINDOW_MIN = 16384;

/**
 * Whether batches decode (and the writer checks long strings) with WebAssembly, the default where it
 * runs, or in JS: for tests that check both produce the same values and errors. Drops the pooled batch.
 */
export function useWasmUtf8(enabled: boolean): void {
  allowUtf8Wasm(enabled);
  pooled = undefined;
}

/** Whether new batches decode with WebAssembly. */
export function wasmUtf8Active(): boolean {
  return utf8Wasm() !== null;
}

type Slot = Record<string | number, unknown>;

/**
 * Assigns one field of the value being read: generated readers pass one per field name (`o.message =
 * v`), so that the stores of `flush` are each monomorphic, not one keyed store that sees every class
 * and field (a generic property lookup in V8, ~300 instructions per string).
 */
export type StringSetter = (target: never, value: string) => void;

/** Where a batched string goes: a field through its setter or by name, or a vector element by index. */
export type StringKey = StringSetter | string | number;

export class StringBatch {
  private readonly wasm = utf8Wasm();
  // The JS decoder's code units (with WebAssembly they are in its memory).
  private units = new Uint16Array(this.wasm === null ? 4096 : 0);
  /** Code units decoded so far, by either decoder. */
  private used = 0;
  // With WebAssembly: its table entries in use, how many of them are decoded, an upper bound of the
  // units once all are decoded, and the window of copied bytes.
  private entries = 0;
  private converted = 0;
  private unitsBound = 0;
  private windowBytes: Uint8Array | undefined = undefined;
  private windowStart = 0;
  private windowEnd = 0;
  /** ASCII strings are joined apart, as bytes, so that their substrings stay one-byte strings. */
  private ascii = new Uint8Array(4096);
  private asciiView = new DataView(this.ascii.buffer);
  private asciiUsed = 0;
  /**
   * Where each pending string goes: `keys[i](targets[i], string)`, or `targets[i][keys[i]]`. Its code
   * units are `bounds[2i]`: a table entry (WebAssembly) or [bounds[2i], bounds[2i+1]) of `units` (JS);
   * ASCII bytes [~bounds[2i], bounds[2i+1]).
   */
  private readonly targets: (Slot | undefined)[] = [];
  private readonly keys: StringKey[] = [];
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
   * Takes UTF-8 bytes [start, end) (ASCII before `ascii`) for `target` at `key`, assigned by `flush`.
   * Returns false, adding nothing, when the caller must decode them itself: the JS decoder found them
   * invalid, or they are too long for the WebAssembly window.
   */
  add(
    bytes: Uint8Array,
    view: DataView,
    start: number,
    ascii: number,
    end: number,
    target: object,
    key: StringKey,
  ): boolean {
    const length = end - start;
    if (this.wasm !== null) {
      if (length > WINDOW_CAPACITY) return false;
      if (this.unitsBound + length > UNITS_CAPACITY || this.entries === TABLE_CAPACITY) this.flush();
      if (bytes !== this.windowBytes || start < this.windowStart || end > this.windowEnd) {
        this.moveWindow(bytes, start, end);
      }
      const entry = this.entries++;
      const table = this.wasm.table;
      table[2 * entry] = WINDOW_BASE + start - this.windowStart;
      table[2 * entry + 1] = WINDOW_BASE + end - this.windowStart;
      this.unitsBound += length;
      this.record(target, key, entry, 0);
      return true;
    }
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

  /** Decodes the entries of the current window, then copies the bytes from `start` on into it. */
  private moveWindow(bytes: Uint8Array, start: number, end: number): void {
    this.convertPending();
    const stop = Math.min(bytes.length, start + Math.max(WINDOW_MIN, end - start));
    this.wasm!.heap.set(bytes.subarray(start, stop), WINDOW_BASE);
    this.windowBytes = bytes;
    this.windowStart = start;
    this.windowEnd = stop;
  }

  private convertPending(): void {
    if (this.converted === this.entries) return;
    const used = this.wasm!.convert(TABLE_BASE, this.converted, this.entries, 0, this.used);
    if (used < 0) throw retryWithoutBatch;
    this.used = used;
    this.converted = this.entries;
  }
  /** ASCII bytes [start, end) for `target` at `key`, assigned by `flush`. */
  addAscii(
    bytes: Uint8Array,
    view: DataView,
    start: number,
    end: number,
    target: object,
    key: StringKey,
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

  private record(target: object, key: StringKey, start: number, end: number): void {
    const i = this.count++;
    this.targets[i] = target as Slot;
    this.keys[i] = key;
    this.bounds[2 * i] = start;
    this.bounds[2 * i + 1] = end;
  }

  /** Assigns every pending string and empties the batch (throws RetryWithoutBatch on invalid UTF-8). */
  flush(): void {
    this.armed = false;
    const count = this.count;
    if (count === 0) return;
    const wasm = this.wasm;
    if (wasm !== null) this.convertPending();
    const units = wasm !== null ? wasm.units : this.units;
    const joined = this.used === 0 ? '' : utf16Decoder.decode(units.subarray(0, this.used));
    const joinedAscii =
      this.asciiUsed === 0 ? '' : asciiDecoder.decode(this.ascii.subarray(0, this.asciiUsed));
    const { targets, keys, bounds } = this;
    // With WebAssembly, a non-ASCII string's code units are given by its table entry.
    const table = wasm?.table;
    for (let i = 0; i < count; i++) {
      const start = bounds[2 * i];
      let value: string;
      if (start < 0) value = joinedAscii.substring(~start, bounds[2 * i + 1]);
      else if (table !== undefined) value = joined.substring(table[2 * start], table[2 * start + 1]);
      else value = joined.substring(start, bounds[2 * i + 1]);
      const key = keys[i];
      if (typeof key === 'function') (key as (target: unknown, value: string) => void)(targets[i], value);
      else (targets[i] as Slot)[key] = value;
      // Not kept alive by the pooled batch.
      targets[i] = undefined;
    }
    this.reset();
  }

  /** Drops pending strings (the value being decoded failed). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.targets[i] = undefined;
    this.reset();
  }

  private reset(): void {
    this.armed = false;
    this.count = 0;
    this.used = 0;
    this.asciiUsed = 0;
    this.entries = 0;
    this.converted = 0;
    this.unitsBound = 0;
    // The caller may refill the same array for its next value: never trust a window across values.
    this.windowBytes = undefined;
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
