// TlReader: deserializes TL values from untrusted bytes. Every read is bounds-checked, vectors are
// checked against the remaining bytes before anything is allocated, nesting is limited, gzip_packed
// is inflated transparently under a size cap, and strict mode (the default) accepts only canonical
// encodings, so whatever it accepts re-encodes to the same bytes.

import type { BigInteger } from 'big-integer';
import bigInt from 'big-integer';
import { describeValue } from './describe-value.ts';
import { constructorIdHex, TlDecodeError, UnknownConstructorError } from './errors.ts';
import { GzipFailure, inflateGzip } from './gzip.ts';
import {
  acquireStringBatch,
  RetryWithoutBatch,
  releaseStringBatch,
  type StringBatch,
} from './string-batch.ts';
import { asciiEnd, decodeUtf8, invalidUtf8Offset, SHORT_ASCII } from './utf8.ts';
import { BOOL_FALSE_ID, BOOL_TRUE_ID, VECTOR_ID } from './writer.ts';

export const GZIP_PACKED_ID = 0x3072cfa1;

/** `long()`'s cache: 256 slots of (low half, high half, value), all zero at first. */
const LONG_CACHE_SHIFT = 24;
const longCacheLo = new Int32Array(1 << (32 - LONG_CACHE_SHIFT));
const longCacheHi = new Int32Array(1 << (32 - LONG_CACHE_SHIFT));
const longCacheValues: BigInteger[] = new Array<BigInteger>(1 << (32 - LONG_CACHE_SHIFT)).fill(bigInt(0n));

/** Reads the fields that follow a constructor id (the id was already consumed). */
export type ObjectReader = (r: TlReader) => unknown;
/** Constructor id (as an unsigned 32-bit number) → reader of its fields. */
export type ReaderRegistry = ReadonlyMap<number, ObjectReader>;

export interface TlReaderOptions {
  /** Accept only canonical encodings (zero padding, shortest length prefix, valid UTF-8, Bool ids). Default true. */
  strict?: boolean;
  /** Maximum nesting of boxed objects (gzip_packed counts as one level). Default 100. */
  maxDepth?: number;
  /** Maximum size of one inflated gzip_packed payload in bytes. Default 64 MiB. */
  maxInflatedSize?: number;
}

export const DEFAULT_MAX_DEPTH = 100;
export const DEFAULT_MAX_INFLATED_SIZE = 64 * 1024 * 1024;

/** The outer buffer to resume once an inflated gzip_packed vector (see `vectorId`) is consumed. */
interface SuspendedBuffer {
  bytes: Uint8Array;
  view: DataView;
  pos: number;
  end: number;
  lazy: boolean;
}

export class TlReader {
  buf: Uint8Array;
  view: DataView;
  pos: number;
  end: number;
  readonly registry: ReaderRegistry;
  readonly strict: boolean;
  readonly maxDepth: number;
  readonly maxInflatedSize: number;
  /** Current nesting of boxed objects. */
  depth: number;
  /** Start of the data of the last length-prefixed value (set by `span`). */
  private spanStart: number;
  /** Outer buffers to resume after inflated gzip_packed vectors, innermost last. */
  private suspended: SuspendedBuffer[];
  /** Entries of `suspended` below this index belong to an enclosing object and are never resumed here. */
  private floor: number;
  /** True while reading the inflated data of a gzip-packed vector (errors then say so). */
  private lazy: boolean;
  /**
   * Set by `readBoxed` for the duration of one value: `stringField` then leaves non-ASCII strings to it
   * and `readBoxed` assigns them at the end (see string-batch.ts).
   */
  strings: StringBatch | undefined;

  constructor(bytes: Uint8Array, registry: ReaderRegistry, options?: TlReaderOptions) {
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
    this.end = bytes.length;
    this.registry = registry;
    this.strict = options?.strict ?? true;
    this.maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxInflatedSize = options?.maxInflatedSize ?? DEFAULT_MAX_INFLATED_SIZE;
    this.depth = 0;
    this.spanStart = 0;
    this.suspended = [];
    this.floor = 0;
    this.lazy = false;
    this.strings = undefined;
  }

  /** Marks errors raised while reading a gzip-packed vector's inflated data. */
  private fail(e: TlDecodeError): TlDecodeError {
    if (this.lazy) {
      e.inflated = true;
      e.rebuildMessage();
    }
    return e;
  }

  /**
   * Slow path of every bounds check: resumes the outer buffer when an inflated vector was consumed
   * exactly, else throws 'truncated'. Returns the position to read `n` bytes at.
   */
  private ensure(n: number): number {
    while (this.pos === this.end && this.suspended.length > this.floor) this.resume();
    if (this.pos + n > this.end) throw this.fail(truncated(this.pos, n, this.end - this.pos));
    return this.pos;
  }

  private resume(): void {
    const s = this.suspended.pop()!;
    this.buf = s.bytes;
    this.view = s.view;
    this.pos = s.pos;
    this.end = s.end;
    this.lazy = s.lazy;
  }

  int(): number {
    let p = this.pos;
    if (p + 4 > this.end) p = this.ensure(4);
    this.pos = p + 4;
    return this.view.getInt32(p, true);
  }

  uint(): number {
    let p = this.pos;
    if (p + 4 > this.end) p = this.ensure(4);
    this.pos = p + 4;
    return this.view.getUint32(p, true);
  }

  /**
   * Exact for all 2^64 values. Always via getBigInt64: big-integer wraps a native bigint on every
   * engine with BigInt, and bigInt(number) measured 2x slower than bigInt(getBigInt64()) on V8. That
   * costs ~16-20 ns (getBigInt64 is a builtin call on Node 20, then two allocations), while the same ids
   * (peers, senders) recur throughout a payload: a small direct-mapped cache keyed by the two 32-bit
   * halves returns the BigInteger already built for the same 8 bytes (big-integer values are immutable).
   */
  long(): BigInteger {
    let p = this.pos;
    if (p + 8 > this.end) p = this.ensure(8);
    this.pos = p + 8;
    const view = this.view;
    const lo = view.getInt32(p, true);
    const hi = view.getInt32(p + 4, true);
    const slot = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> LONG_CACHE_SHIFT;
    if (longCacheLo[slot] === lo && longCacheHi[slot] === hi) return longCacheValues[slot];
    const value = bigInt(view.getBigInt64(p, true));
    longCacheLo[slot] = lo;
    longCacheHi[slot] = hi;
    longCacheValues[slot] = value;
    return value;
  }

  /** A `long` as a native bigint (modules generated with `--long bigint`): one allocation, no wrapper. */
  bigint(): bigint {
    let p = this.pos;
    if (p + 8 > this.end) p = this.ensure(8);
    this.pos = p + 8;
    return this.view.getBigInt64(p, true);
  }

  double(): number {
    let p = this.pos;
    if (p + 8 > this.end) p = this.ensure(8);
    this.pos = p + 8;
    return this.view.getFloat64(p, true);
  }

  /** A copy of the 16 bytes. */
  int128(): Uint8Array {
    return this.fixed(16);
  }

  /** A copy of the 32 bytes. */
  int256(): Uint8Array {
    return this.fixed(32);
  }

  private fixed(n: number): Uint8Array {
    let p = this.pos;
    if (p + n > this.end) p = this.ensure(n);
    this.pos = p + n;
    return this.buf.slice(p, p + n);
  }

  /**
   * Validates the length prefix and padding of a string/bytes value, advances past it, leaves the
   * data start in `spanStart` and returns the data end.
   */
  private span(): number {
    let p = this.pos;
    if (p + 4 > this.end) p = this.ensure(4);
    const bytes = this.buf;
    let len = bytes[p];
    let start = p + 1;
    if (len >= 254) {
      if (len === 255)
        throw this.fail(new TlDecodeError('length-prefix', 'length prefix byte 0xff is not valid TL', p));
      len = bytes[p + 1] | (bytes[p + 2] << 8) | (bytes[p + 3] << 16);
      if (len <= 253 && this.strict) {
        throw this.fail(
          new TlDecodeError(
            'length-prefix',
            `long length form used for ${len} bytes (at most 253 must use the one-byte form)`,
            p,
          ),
        );
      }
      start = p + 4;
    }
    const dataEnd = start + len;
    const total = (dataEnd - p + 3) & ~3;
    if (p + total > this.end) throw this.fail(truncated(p, total, this.end - p));
    if (this.strict) {
      for (let i = dataEnd; i < p + total; i++) {
        if (bytes[i] !== 0)
          throw this.fail(new TlDecodeError('padding', `non-zero padding byte 0x${hex2(bytes[i])}`, i));
      }
    }
    this.pos = p + total;
    this.spanStart = start;
    return dataEnd;
  }

  /** A copy of the data (the reader's buffer may be reused by the caller). */
  bytes(): Uint8Array {
    const end = this.span();
    return this.buf.slice(this.spanStart, end);
  }

  string(): string {
    const end = this.span();
    const start = this.spanStart;
    const value = decodeUtf8(this.buf, this.view, start, end, this.strict);
    if (value !== undefined) return value;
    const at = invalidUtf8Offset(this.buf, start, end);
    throw this.fail(new TlDecodeError('utf8', 'invalid UTF-8 in string', at < 0 ? start : at));
  }

  /**
   * A string that will be stored as `target[key]` (a field of the object being read, or a vector element
   * at its index). Inside `readBoxed` a string longer than SHORT_ASCII bytes (but the value's first one)
   * goes to the value's string batch and is assigned when the value is complete; '' stands in until then. Elsewhere (and for short
   * strings, which a JS loop builds fastest) the same as `string()`.
   */
  stringField(target: object, key: string | number): string {
    const end = this.span();
    const start = this.spanStart;
    const strings = this.strings;
    if (strings !== undefined && end - start > SHORT_ASCII && strings.takesNext()) {
      const ascii = asciiEnd(this.buf, this.view, start, end);
      if (ascii === end) {
        strings.addAscii(this.buf, this.view, start, end, target, key);
        return '';
      }
      if (strings.add(this.buf, this.view, start, ascii, end, target, key)) return '';
    }
    const value = decodeUtf8(this.buf, this.view, start, end, this.strict);
    if (value !== undefined) return value;
    const at = invalidUtf8Offset(this.buf, start, end);
    throw this.fail(new TlDecodeError('utf8', 'invalid UTF-8 in string', at < 0 ? start : at));
  }

  bool(): boolean {
    const id = this.uint();
    // After the read: it may have resumed an outer buffer (see enterGzipVector).
    const p = this.pos - 4;
    if (id === BOOL_TRUE_ID) return true;
    if (id === BOOL_FALSE_ID) return false;
    if (id === GZIP_PACKED_ID) return this.inGzip(p, readBool) as boolean;
    if (this.strict) {
      throw this.fail(
        new TlDecodeError(
          'bool',
          `expected boolTrue (0x997275b5) or boolFalse (0xbc799737), got ${constructorIdHex(id)}`,
          p,
        ),
      );
    }
    // Lenient: like Telethon and mtcute, anything but boolTrue reads as false.
    return false;
  }

  /** Reads a boxed vector's id. A gzip_packed here is inflated and the vector read from its data. */
  vectorId(): void {
    const id = this.uint();
    // After the read: it may have resumed an outer buffer (see enterGzipVector).
    const p = this.pos - 4;
    if (id === VECTOR_ID) return;
    if (id === GZIP_PACKED_ID) {
      this.enterGzipVector(p);
      return;
    }
    throw this.fail(
      new TlDecodeError('vector-id', `expected vector id 0x1cb5c415, got ${constructorIdHex(id)}`, p),
    );
  }

  /**
   * The element count of a vector. A negative count is a `vector-length` error. A count whose
   * elements (at least `minElementBytes` each; 0 is treated as 1 so the count stays bounded) cannot
   * fit in the remaining bytes is `truncated` at the first element: a hostile count and a cut-off
   * payload look the same from here, and both fail before the caller allocates anything.
   */
  count(minElementBytes: number): number {
    const n = this.int();
    // After the read: it may have resumed an outer buffer (see enterGzipVector).
    const p = this.pos - 4;
    if (n < 0) {
      throw this.fail(new TlDecodeError('vector-length', `vector count ${n} is negative`, p));
    }
    const min = Math.max(minElementBytes, 1);
    const remaining = this.end - this.pos;
    if (n * min > remaining) {
      throw this.fail(
        new TlDecodeError(
          'truncated',
          `a vector of ${n} elements needs at least ${n * min} bytes, ${remaining} remain`,
          this.pos,
        ),
      );
    }
    return n;
  }

  /** Any boxed object, looked up in the registry. */
  object(): unknown {
    const id = this.uint();
    // After the read: it may have resumed an outer buffer (see enterGzipVector).
    const p = this.pos - 4;
    const read = this.registry.get(id);
    if (read !== undefined) return this.nested(read, p);
    if (id === GZIP_PACKED_ID) return this.inGzip(p, readObject);
    if (id === BOOL_TRUE_ID) return true;
    if (id === BOOL_FALSE_ID) return false;
    if (id === VECTOR_ID) return this.nested(readBoxedVector, p);
    throw this.fail(new UnknownConstructorError(id, p, 'Object'));
  }

  /** A boxed object of one type: `readers` holds that type's constructors. */
  typed(readers: ReaderRegistry, typeName: string): unknown {
    const id = this.uint();
    // After the read: it may have resumed an outer buffer (see enterGzipVector).
    const p = this.pos - 4;
    const read = readers.get(id);
    if (read !== undefined) return this.nested(read, p);
    // Rare path: the closure carrying the expected type only exists for gzip_packed values.
    if (id === GZIP_PACKED_ID) return this.inGzip(p, (r) => r.typed(readers, typeName));
    if (this.registry.has(id)) {
      throw this.fail(
        new TlDecodeError(
          'unexpected-constructor',
          `constructor ${constructorIdHex(id)} is not a ${typeName}`,
          p,
        ),
      );
    }
    throw this.fail(new UnknownConstructorError(id, p, typeName));
  }

  /**
   * Generated type readers (`read$Peer`) call this right after reading the constructor id: one nesting
   * level deeper, and the object may not continue into an outer buffer. Returns what `leave` restores.
   */
  enter(): number {
    if (++this.depth > this.maxDepth) {
      throw this.fail(
        new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, this.pos - 4),
      );
    }
    const outerFloor = this.floor;
    this.floor = this.suspended.length;
    return outerFloor;
  }

  /** The end of an object begun with `enter`: passes its value through. */
  leave<T>(value: T, outerFloor: number): T {
    if (this.suspended.length !== this.floor) this.leaveGzipVectors(this.floor);
    this.floor = outerFloor;
    this.depth--;
    return value;
  }

  /**
   * A generated type reader met an id that is none of its constructors (after `enter`): a gzip_packed
   * value is inflated and read with `read`, anything else is 'unexpected-constructor' (an id of the
   * schema) or an UnknownConstructorError.
   */
  otherBoxed<T>(id: number, outerFloor: number, read: (r: TlReader) => T, typeName: string): T {
    this.floor = outerFloor;
    this.depth--;
    const p = this.pos - 4;
    if (id === GZIP_PACKED_ID) return this.inGzip(p, read) as T;
    if (this.registry.has(id)) {
      throw this.fail(
        new TlDecodeError(
          'unexpected-constructor',
          `constructor ${constructorIdHex(id)} is not a ${typeName}`,
          p,
        ),
      );
    }
    throw this.fail(new UnknownConstructorError(id, p, typeName));
  }

  /** Calls a registry reader one nesting level deeper; `p` is where its constructor id started. */
  private nested(read: ObjectReader, p: number): unknown {
    if (++this.depth > this.maxDepth) {
      throw this.fail(new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, p));
    }
    // An object never continues into an outer buffer: raise the floor for its duration.
    const outerFloor = this.floor;
    const floor = this.suspended.length;
    this.floor = floor;
    const value = read(this);
    if (this.suspended.length !== floor) this.leaveGzipVectors(floor);
    this.floor = outerFloor;
    this.depth--;
    return value;
  }

  /** One boxed object that must occupy exactly `length` bytes (a msg_container message body). */
  objectWithin(length: number): unknown {
    const p = this.pos;
    if (length < 0 || p + length > this.end) {
      throw this.fail(truncated(p, length, this.end - p));
    }
    const outerEnd = this.end;
    const outerFloor = this.floor;
    this.end = p + length;
    this.floor = this.suspended.length;
    const value = this.object();
    if (this.pos !== this.end) {
      throw this.fail(
        new TlDecodeError(
          'trailing-bytes',
          `${this.end - this.pos} bytes left in a ${length}-byte body`,
          this.pos,
        ),
      );
    }
    this.end = outerEnd;
    this.floor = outerFloor;
    return value;
  }

  /** A copy of everything left; the reader is then at its end. */
  rest(): Uint8Array {
    const out = this.buf.slice(this.pos, this.end);
    this.pos = this.end;
    return out;
  }

  expectEnd(): void {
    if (this.suspended.length > this.floor) this.leaveGzipVectors(this.floor);
    if (this.pos !== this.end) {
      throw this.fail(
        new TlDecodeError('trailing-bytes', `${this.end - this.pos} bytes left after the value`, this.pos),
      );
    }
  }

  /** Reads packed_data of a gzip_packed whose id started at `p` and inflates it under the cap. */
  private inflateAt(p: number): Uint8Array {
    const end = this.span();
    const packed = this.buf.subarray(this.spanStart, end);
    try {
      return inflateGzip(packed, this.maxInflatedSize);
    } catch (e) {
      if (e instanceof GzipFailure) throw this.fail(new TlDecodeError('gzip', e.message, p));
      throw e;
    }
  }

  /**
   * Reads one value with `read` from the inflated data of the gzip_packed at `p`; the value must use
   * all of it. Errors inside get 'gzip_packed' in their path (their offsets are into the inflated data).
   */
  private inGzip(p: number, read: (r: TlReader) => unknown): unknown {
    if (++this.depth > this.maxDepth) {
      throw this.fail(new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, p));
    }
    const inflated = this.inflateAt(p);
    const outerBytes = this.buf;
    const outerView = this.view;
    const outerPos = this.pos;
    const outerEnd = this.end;
    const outerFloor = this.floor;
    this.setBuffer(inflated);
    this.floor = this.suspended.length;
    let value: unknown;
    try {
      value = read(this);
      this.expectEnd();
    } catch (e) {
      if (e instanceof TlDecodeError) inGzipData(e);
      throw e;
    }
    this.buf = outerBytes;
    this.view = outerView;
    this.pos = outerPos;
    this.end = outerEnd;
    this.floor = outerFloor;
    this.depth--;
    return value;
  }

  /**
   * A gzip_packed where a boxed vector is expected: the reader switches to the inflated data (after
   * its vector id) and the generated code reads count and elements from it as usual. The outer
   * buffer resumes when a read finds the inflated data consumed exactly, or when the enclosing object
   * ends (`leaveGzipVectors`) or the value ends (`expectEnd`); inflated bytes still unread then are
   * 'trailing-bytes'.
   */
  private enterGzipVector(p: number): void {
    const inflated = this.inflateAt(p);
    if (inflated.length < 4) throw inGzipData(truncated(0, 4, inflated.length));
    const id = (inflated[0] | (inflated[1] << 8) | (inflated[2] << 16) | (inflated[3] << 24)) >>> 0;
    if (id !== VECTOR_ID) {
      throw inGzipData(
        new TlDecodeError('vector-id', `expected vector id 0x1cb5c415, got ${constructorIdHex(id)}`, 0),
      );
    }
    this.suspended.push({ bytes: this.buf, view: this.view, pos: this.pos, end: this.end, lazy: this.lazy });
    this.setBuffer(inflated);
    this.pos = 4;
    this.lazy = true;
  }

  private leaveGzipVectors(keep: number): void {
    while (this.suspended.length > keep) {
      if (this.pos !== this.end) {
        throw inGzipData(
          new TlDecodeError('trailing-bytes', `${this.end - this.pos} bytes left after the vector`, this.pos),
        );
      }
      this.resume();
    }
  }

  private setBuffer(bytes: Uint8Array): void {
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
    this.end = bytes.length;
  }

  /**
   * Replaces a leading gzip_packed (possibly nested) by its inflated data; used by `readBoxed`.
   * Returns whether it did.
   */
  unwrapLeadingGzip(): boolean {
    let unwrapped = false;
    while (this.end - this.pos >= 4 && this.view.getUint32(this.pos, true) === GZIP_PACKED_ID) {
      const p = this.pos;
      if (++this.depth > this.maxDepth) {
        throw this.fail(new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, p));
      }
      this.pos += 4;
      const inflated = this.inflateAt(p);
      this.expectEnd();
      this.setBuffer(inflated);
      unwrapped = true;
    }
    return unwrapped;
  }
}

function readBool(r: TlReader): unknown {
  return r.bool();
}

/** The elements of a boxed `Vector` met where any object may stand: each one boxed too. */
function readBoxedVector(r: TlReader): unknown[] {
  const n = r.count(4);
  const values: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) values[i] = r.object();
  return values;
}

function readObject(r: TlReader): unknown {
  return r.object();
}

/** Marks an error raised inside inflated gzip_packed data: offset note and a 'gzip_packed' path segment. */
function inGzipData(e: TlDecodeError): TlDecodeError {
  e.inflated = true;
  return e.prependPath('gzip_packed');
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

function truncated(offset: number, needed: number, remaining: number): TlDecodeError {
  return new TlDecodeError('truncated', `needs ${needed} bytes, ${remaining} remain`, offset);
}

/**
 * Reads one boxed value with `read` from a whole buffer: a leading gzip_packed is inflated first, and
 * the value must use every byte (`deserialize`, `readResult` in generated code).
 */
export function readBoxed<T>(
  bytes: Uint8Array,
  registry: ReaderRegistry,
  options: TlReaderOptions | undefined,
  read: (r: TlReader) => T,
): T {
  if (!(bytes instanceof Uint8Array)) {
    throw new TlDecodeError('input', `expected the bytes as a Uint8Array, got ${describeValue(bytes)}`, 0);
  }
  const strings = acquireStringBatch();
  try {
    return readWhole(new TlReader(bytes, registry, options), strings, read);
  } catch (e) {
    if (!(e instanceof RetryWithoutBatch)) throw e;
    // A batched string is not valid UTF-8: string by string, the error gets its offset and path
    // (strict), or the bad sequences are replaced (lenient).
    return readWhole(new TlReader(bytes, registry, options), undefined, read);
  } finally {
    releaseStringBatch(strings);
  }
}

function readWhole<T>(r: TlReader, strings: StringBatch | undefined, read: (r: TlReader) => T): T {
  r.strings = strings;
  const inflated = r.unwrapLeadingGzip();
  try {
    const value = read(r);
    r.expectEnd();
    strings?.flush();
    return value;
  } catch (e) {
    if (inflated && e instanceof TlDecodeError) inGzipData(e);
    throw e;
  }
}
