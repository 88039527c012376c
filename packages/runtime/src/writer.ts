// TlWriter: serializes TL primitives into one growing Uint8Array through a DataView. Generated
// `_write` methods call it field by field, so every method validates its input (nothing is coerced)
// and none allocates on the success path; error paths build messages only when throwing.

import { describeValue } from './describe-value.ts';
import { TlEncodeError } from './errors.ts';
import { bigIntegerDigitsToBigint, isBigInteger, LONG_MAX, LONG_MIN, parseDecimalLong } from './long.ts';
import type { TlObject } from './tl-object.ts';
import { isTlObject } from './tl-object.ts';
import { encodeUtf8Into, loneSurrogateIndex } from './utf8.ts';
import { SCAN_BASE, SCAN_CAPACITY, utf8Wasm } from './wasm/utf8-wasm.ts';

export const BOOL_TRUE_ID = 0x997275b5;
export const BOOL_FALSE_ID = 0xbc799737;
export const VECTOR_ID = 0x1cb5c415;
/** Strings and bytes must be shorter than this: the long length form has 3 bytes. */
export const MAX_LENGTH_PREFIXED = 0x1000000;
/**
 * From this many UTF-16 units on, strings go to TextEncoder.encodeInto (~90-100 ns a call on Node 20
 * before it encodes anything); shorter ones to the JS loop (utf8.ts), which takes ~2 ns per ASCII unit
 * and ~4 ns per other unit whatever V8's representation of the string (flat, rope, slice).
 * bench D after the other payloads: 2.3 us with 13, 2.1 us with 40 or 64, 2.2 us with 128.
 */
const NATIVE_ENCODE_MIN_UNITS = 64;

const textEncoder = new TextEncoder();

interface WellFormedString {
  isWellFormed?: () => boolean;
}
const hasIsWellFormed = typeof (String.prototype as WellFormedString).isWellFormed === 'function';

/** No lone surrogates in `s` (native where the engine has `isWellFormed`, ES2024). */
function wellFormed(s: string): boolean {
  return hasIsWellFormed ? (s as WellFormedString).isWellFormed!() : loneSurrogateIndex(s) < 0;
}

/** How deep `nested` lets boxed objects go while writing (decoding allows at most 1000). */
export const MAX_WRITE_DEPTH = 1000;

export class TlWriter {
  /** Where the bytes go: the writer's own buffer, or the result slab lent by `resetInto`. */
  buf: Uint8Array;
  view: DataView;
  pos: number;
  /** Where the current output starts in `buf` (0 unless `resetInto` lent a buffer). */
  start: number;
  /** Boxed objects being written inside one another (see `nested`). */
  depth: number;
  private own: Uint8Array;
  private ownView: DataView;

  constructor(initialCapacity = 1024) {
    this.own = new Uint8Array(Math.max(initialCapacity, 16));
    this.ownView = new DataView(this.own.buffer);
    this.buf = this.own;
    this.view = this.ownView;
    this.pos = 0;
    this.start = 0;
    this.depth = 0;
  }

  /**
   * Writes a boxed object one level deeper. Nothing a schema describes nests MAX_WRITE_DEPTH deep, but
   * a cyclic object graph does: it stops here with an error (which `serializeObject` turns into the
   * path where the cycle closes) instead of overflowing the stack.
   */
  nested(value: TlObject): void {
    if (++this.depth > MAX_WRITE_DEPTH) {
      throw new TlEncodeError('depth', `objects nested deeper than ${MAX_WRITE_DEPTH} levels`);
    }
    value._write(this);
    this.depth--;
  }

  /**
   * Makes room for `n` more bytes, at least doubling so appends stay amortized O(1). Positions stay
   * where they were (callers may hold one, as msg_container's length does), so the bytes written so
   * far keep their offsets; output that outgrows a lent buffer moves into the writer's own.
   */
  private grow(n: number): void {
    const needed = this.pos + n;
    let next = this.own;
    if (next === this.buf || next.length < needed) {
      let size = next.length * 2;
      if (size < needed) size = needed;
      next = new Uint8Array(size);
      this.own = next;
      this.ownView = new DataView(next.buffer);
    }
    next.set(this.buf.subarray(this.start, this.pos), this.start);
    this.buf = next;
    this.view = this.ownView;
  }

  int(v: number): void {
    if (typeof v !== 'number' || (v | 0) !== v) throw intError(v, 'a 32-bit signed integer');
    if (this.pos + 4 > this.buf.length) this.grow(4);
    this.view.setInt32(this.pos, v, true);
    this.pos += 4;
  }

  uint(v: number): void {
    if (typeof v !== 'number' || v >>> 0 !== v) throw intError(v, 'a 32-bit unsigned integer');
    if (this.pos + 4 > this.buf.length) this.grow(4);
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  long(v: unknown): void {
    if (this.pos + 8 > this.buf.length) this.grow(8);
    if (typeof v === 'object' && v !== null) {
      // big-integer on any engine with BigInt wraps a native bigint (NativeBigInt): the hot case.
      const value = (v as { value?: unknown }).value;
      if (typeof value === 'bigint') {
        if (BigInt.asIntN(64, value) === value && isBigInteger(v)) {
          this.longFromBigint(value);
          return;
        }
      } else if (isBigInteger(v)) {
        if (typeof value === 'number') {
          // SmallInteger (engines without BigInt): always a safe integer when built by the package.
          if (Number.isSafeInteger(value)) {
            this.longFromNumber(value);
            return;
          }
        } else {
          const exact = bigIntegerDigitsToBigint(value as number[], (v as { sign?: unknown }).sign === true);
          if (exact !== undefined && BigInt.asIntN(64, exact) === exact) {
            this.longFromBigint(exact);
            return;
          }
        }
      }
    } else if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) {
        this.longFromNumber(v);
        return;
      }
    } else if (typeof v === 'bigint') {
      if (BigInt.asIntN(64, v) === v) {
        this.longFromBigint(v);
        return;
      }
    } else if (typeof v === 'string') {
      const parsed = parseDecimalLong(v);
      if (parsed !== undefined && BigInt.asIntN(64, parsed) === parsed) {
        this.longFromBigint(parsed);
        return;
      }
    }
    throw longError(v);
  }

  /**
   * A `long` stored as a native bigint (modules generated with `--long bigint`): the bigint case first,
   * anything else (a value the constructor could not convert) through `long`, which reports it.
   */
  bigint(v: unknown): void {
    if (typeof v === 'bigint' && v >= LONG_MIN && v <= LONG_MAX) {
      if (this.pos + 8 > this.buf.length) this.grow(8);
      this.view.setBigInt64(this.pos, v, true);
      this.pos += 8;
      return;
    }
    this.long(v);
  }

  private longFromNumber(v: number): void {
    // Exact for every safe integer: hi is the floor so lo lands in [0, 2^32).
    const hi = Math.floor(v / 4294967296);
    this.view.setUint32(this.pos, v - hi * 4294967296, true);
    this.view.setInt32(this.pos + 4, hi, true);
    this.pos += 8;
  }

  private longFromBigint(v: bigint): void {
    this.view.setBigInt64(this.pos, v, true);
    this.pos += 8;
  }

  double(v: number): void {
    if (typeof v !== 'number') throw new TlEncodeError('type', `expected a number, got ${describeValue(v)}`);
    if (this.pos + 8 > this.buf.length) this.grow(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  int128(v: Uint8Array): void {
    this.fixed(v, 16, 'int128');
  }

  int256(v: Uint8Array): void {
    this.fixed(v, 32, 'int256');
  }

  private fixed(v: Uint8Array, size: number, name: string): void {
    if (!(v instanceof Uint8Array)) {
      throw new TlEncodeError('type', `expected a Uint8Array for ${name}, got ${describeValue(v)}`);
    }
    if (v.length !== size) {
      if (v.length === 0) checkAttached(v);
      throw new TlEncodeError('length', `${name} must be exactly ${size} bytes, got ${v.length}`);
    }
    if (this.pos + size > this.buf.length) this.grow(size);
    this.buf.set(v, this.pos);
    this.pos += size;
  }

  bytes(v: Uint8Array): void {
    if (!(v instanceof Uint8Array)) {
      throw new TlEncodeError('type', `expected a Uint8Array, got ${describeValue(v)}`);
    }
    if (v.length === 0) checkAttached(v);
    if (v.length >= MAX_LENGTH_PREFIXED) throw lengthError(v.length);
    this.lengthPrefixed(v);
  }

  /** `data` (shorter than MAX_LENGTH_PREFIXED) with its length header and zero padding. */
  private lengthPrefixed(data: Uint8Array): void {
    const len = data.length;
    const header = len <= 253 ? 1 : 4;
    const total = (header + len + 3) & ~3;
    if (this.pos + total > this.buf.length) this.grow(total);
    const buf = this.buf;
    const p = this.pos;
    writeLengthPrefix(buf, p, len);
    buf.set(data, p + header);
    // The buffer may be reused (pooled writer), so padding is always written explicitly.
    for (let i = p + header + len; i < p + total; i++) buf[i] = 0;
    this.pos = p + total;
  }

  string(v: string): void {
    if (typeof v !== 'string') throw new TlEncodeError('type', `expected a string, got ${describeValue(v)}`);
    const n = v.length;
    if (n >= NATIVE_ENCODE_MIN_UNITS) {
      this.nativeString(v);
      return;
    }
    // Short strings: UTF-8 needs at most 3 bytes per UTF-16 unit, so under 64 units the data
    // always fits the one-byte header form.
    if (this.pos + 3 * n + 4 > this.buf.length) this.grow(3 * n + 4);
    const buf = this.buf;
    const p = this.pos;
    let q = encodeUtf8Into(v, n, buf, p + 1);
    if (q < 0) throw surrogateError(v, -1 - q);
    buf[p] = q - p - 1;
    // The buffer may be reused (pooled writer), so padding is always written explicitly.
    while ((q - p) & 3) buf[q++] = 0;
    this.pos = q;
  }

  /**
   * Longer strings, by TextEncoder.encodeInto. It would silently replace a lone surrogate by U+FFFD
   * (EF BF BD), so the string must be checked. With WebAssembly, strings are encoded into its memory,
   * searched there for EF BF BD (~20 ns for a chat message; only a hit pays `isWellFormed`, ~0.6 ns
   * per unit on Node 20; all-ASCII output needs no search), and copied out behind their exact header.
   * Otherwise `isWellFormed` runs first and TextEncoder writes straight into the buffer.
   */
  private nativeString(v: string): void {
    const n = v.length;
    if (n >= MAX_LENGTH_PREFIXED) throw lengthError(n);
    const wasm = 3 * n <= SCAN_CAPACITY ? utf8Wasm() : null;
    if (wasm !== null) {
      const len = textEncoder.encodeInto(v, wasm.scan).written;
      if (len !== n && wasm.replacement(SCAN_BASE, SCAN_BASE + len) !== 0 && !wellFormed(v)) {
        throw surrogateError(v, loneSurrogateIndex(v));
      }
      this.lengthPrefixed(wasm.scan.subarray(0, len));
      return;
    }
    if (!wellFormed(v)) throw surrogateError(v, loneSurrogateIndex(v));
    const p = this.pos;
    // The header's size is a guess: more than 169 units usually take more than 253 bytes (a sixth of
    // them outside ASCII is enough). A wrong guess moves the data 3 bytes below. Huge strings reserve
    // 1 byte per unit and grow as encodeInto needs.
    let header = n <= 169 ? 1 : 4;
    const reserve = 4 + (n <= 65536 ? 3 * n : n) + 3;
    if (p + reserve > this.buf.length) this.grow(reserve);
    let read = 0;
    let q = p + header;
    for (;;) {
      const result = textEncoder.encodeInto(read === 0 ? v : v.slice(read), this.buf.subarray(q));
      read += result.read;
      q += result.written;
      if (read >= n) break;
      this.pos = q;
      this.grow(3 * (n - read) + 7);
      this.pos = p;
    }
    const buf = this.buf;
    const len = q - p - header;
    if (len > 253 ? header === 1 : header === 4) {
      const moved = len > 253 ? 3 : -3;
      buf.copyWithin(p + header + moved, p + header, q);
      q += moved;
      header += moved;
    }
    if (len >= MAX_LENGTH_PREFIXED) throw lengthError(len);
    writeLengthPrefix(buf, p, len);
    while ((q - p) & 3) buf[q++] = 0;
    this.pos = q;
  }

  bool(v: boolean): void {
    if (v === true) this.uint(BOOL_TRUE_ID);
    else if (v === false) this.uint(BOOL_FALSE_ID);
    else throw new TlEncodeError('type', `expected a boolean, got ${describeValue(v)}`);
  }

  /**
   * Any boxed value (fields typed `Object` or `!X`), the inverse of `TlReader.object()`: a TL object
   * by its own `_write`, a boolean as boolTrue/boolFalse, an array as a boxed `Vector` of boxed values.
   */
  object(v: unknown): void {
    if (typeof v === 'boolean') {
      this.bool(v);
      return;
    }
    if (Array.isArray(v)) {
      // The length is read once: an array that grows while it is written cannot make the count wrong.
      const n = v.length;
      this.uint(VECTOR_ID);
      this.int(n);
      let i = 0;
      try {
        for (; i < n; i++) this.object(v[i]);
      } catch (e) {
        if (e instanceof TlEncodeError) e.prependPath(`[${i}]`);
        throw e;
      }
      return;
    }
    if (!isTlObject(v)) throw new TlEncodeError('type', `expected a TL object, got ${describeValue(v)}`);
    this.nested(v as TlObject);
  }

  /** Appends already-serialized bytes unchanged (e.g. an rpc_result body passed through). */
  raw(v: Uint8Array): void {
    if (!(v instanceof Uint8Array)) {
      throw new TlEncodeError('type', `expected a Uint8Array, got ${describeValue(v)}`);
    }
    if (v.length === 0) checkAttached(v);
    if (this.pos + v.length > this.buf.length) this.grow(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  /** A copy of the bytes written so far; the writer stays usable. */
  finish(): Uint8Array {
    return this.buf.slice(this.start, this.pos);
  }

  /** Starts a new output at the beginning of the writer's own buffer. */
  reset(): void {
    this.buf = this.own;
    this.view = this.ownView;
    this.pos = 0;
    this.start = 0;
  }

  /**
   * Starts a new output at `start` of a lent buffer (`view` must view all of it), so that a result
   * can be written where it will be returned from (see result-slab.ts). If it does not fit, it
   * continues in the writer's own buffer at the same offsets.
   */
  resetInto(buf: Uint8Array, view: DataView, start: number): void {
    this.buf = buf;
    this.view = view;
    this.pos = start;
    this.start = start;
  }

  /** The size of the writer's own buffer (what a pooled writer keeps between uses). */
  get capacity(): number {
    return this.own.length;
  }
}

function writeLengthPrefix(buf: Uint8Array, p: number, len: number): void {
  if (len <= 253) {
    buf[p] = len;
  } else {
    buf[p] = 254;
    buf[p + 1] = len & 0xff;
    buf[p + 2] = (len >> 8) & 0xff;
    buf[p + 3] = len >> 16;
  }
}

function intError(v: unknown, what: string): TlEncodeError {
  const kind = typeof v === 'number' && Number.isInteger(v) ? 'range' : 'type';
  return new TlEncodeError(kind, `expected ${what}, got ${describeValue(v)}`);
}

function longError(v: unknown): TlEncodeError {
  let outOfRange = false;
  if (typeof v === 'number') outOfRange = Number.isInteger(v);
  else if (typeof v === 'bigint') outOfRange = true;
  else if (typeof v === 'string') outOfRange = parseDecimalLong(v) !== undefined;
  else if (isBigInteger(v)) outOfRange = true;
  const detail =
    outOfRange && typeof v === 'number'
      ? `expected a 64-bit integer, got ${describeValue(v)} (numbers beyond 2^53 are not exact; use a bigint or string)`
      : `expected a 64-bit integer, got ${describeValue(v)}`;
  return new TlEncodeError(outOfRange ? 'range' : 'type', detail);
}

function lengthError(len: number): TlEncodeError {
  return new TlEncodeError(
    'length',
    `length ${len} does not fit TL's 3-byte length (must be below 16777216)`,
  );
}

function surrogateError(s: string, index: number): TlEncodeError {
  const unit = s.charCodeAt(index).toString(16).toUpperCase();
  return new TlEncodeError(
    'surrogate',
    `lone surrogate U+${unit} at index ${index} cannot be encoded as UTF-8`,
  );
}

/**
 * A view of a detached buffer (transferred to a worker, `structuredClone(…, { transfer })`) reads as
 * empty but cannot be copied from. Only empty views can be detached ones, so only they are checked:
 * constructing a view on a detached buffer throws, on an empty one it does not.
 */
function checkAttached(v: Uint8Array): void {
  if (v.buffer.byteLength !== 0) return;
  try {
    new Uint8Array(v.buffer);
  } catch {
    throw new TlEncodeError('type', 'the Uint8Array cannot be read: its buffer is detached (transferred)');
  }
}
