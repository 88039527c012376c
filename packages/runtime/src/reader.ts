// TlReader: deserializes TL values from untrusted bytes. Every read is bounds-checked, vectors are
// checked against the remaining bytes before anything is allocated, nesting is limited, and strict
// mode (the default) accepts only canonical encodings, so whatever it accepts re-encodes to the same
// bytes. One decode has one budget: the inflated bytes of all its gzip_packed values together, and
// the vector elements it may allocate. gzip_packed is handled in one place (`packed`): the value it
// holds is read whole from the inflated data, which it must use up exactly.

import type { BigInteger } from 'big-integer';
import bigInt from 'big-integer';
import { describeValue } from './describe-value.ts';
import {
  constructorIdHex,
  OutsideSubsetError,
  TlDecodeError,
  TlError,
  UnknownConstructorError,
} from './errors.ts';
import { GzipFailure, inflateGzip } from './gzip.ts';
import {
  acquireStringBatch,
  RetryWithoutBatch,
  releaseStringBatch,
  type StringBatch,
  type StringKey,
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
/**
 * Constructor id (as an unsigned 32-bit number) → reader of its fields: a `Map`, or a generated
 * layer's lazily filled registry (`lazyRegistry`).
 */
export interface ReaderRegistry {
  get(id: number): ObjectReader | undefined;
  has(id: number): boolean;
}

/**
 * The registry of a result that holds no `Object` value: typed readers know their constructors, and
 * any other id is unknown to them (generated `readResult`s use it, so they do not bundle every class).
 */
export const noRegistry: ReaderRegistry = /*@__PURE__*/ new Map<number, ObjectReader>();

/** Says what an id the registry lacks is elsewhere (another layer), or undefined. */
export type IdExplainer = (id: number) => string | undefined;

/**
 * What the explanation of an unknown id means: the id is of another layer, or of the schema but
 * outside the subset the code was generated for (`--only`), an error of its own kind.
 */
export type UnknownIdKind = 'other-layer' | 'outside-subset';

const explainers = new WeakMap<ReaderRegistry, { explain: IdExplainer; kind: UnknownIdKind }>();

/**
 * Attaches to a registry what its unknown ids are elsewhere: every UnknownConstructorError of a
 * reader using this registry then says so. Generated registries of the prebuilt layers and of
 * `--only` subsets do this.
 */
export function explainUnknownIds<R extends ReaderRegistry>(
  registry: R,
  explain: IdExplainer,
  kind: UnknownIdKind = 'other-layer',
): R {
  explainers.set(registry, { explain, kind });
  return registry;
}

export interface TlReaderOptions {
  /** Accept only canonical encodings (zero padding, shortest length prefix, valid UTF-8, Bool ids). Default true. */
  strict?: boolean;
  /** Maximum nesting of boxed objects (gzip_packed counts as one level): 1 to 1000, default 100. */
  maxDepth?: number;
  /**
   * Maximum number of bytes all gzip_packed values of one decode may inflate to, together: 0 to
   * 1 GiB, default 64 MiB.
   */
  maxInflatedSize?: number;
  /**
   * Maximum number of vector elements one decode may allocate, all vectors together: 0 to 2^31 - 1,
   * default 1,000,000 (the largest answers Telegram sends hold tens of thousands).
   */
  maxElements?: number;
}

export const DEFAULT_MAX_DEPTH = 100;
/** Each nesting level takes a few stack frames; far below this the stack cannot overflow. */
export const MAX_DEPTH_CEILING = 1000;
export const DEFAULT_MAX_INFLATED_SIZE = 64 * 1024 * 1024;
export const MAX_INFLATED_SIZE_CEILING = 1024 * 1024 * 1024;
export const DEFAULT_MAX_ELEMENTS = 1_000_000;

/** A limit option: an integer in [min, max], or its default when absent. */
function limitOption(
  options: TlReaderOptions | undefined,
  name: keyof TlReaderOptions,
  min: number,
  max: number,
  fallback: number,
): number {
  const value: unknown = options?.[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TlError(
      'invalid-option',
      `${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`,
    );
  }
  return value;
}

interface ReaderLimits {
  strict: boolean;
  maxDepth: number;
  maxInflatedSize: number;
  maxElements: number;
}

/** The limits of a reader made without options. */
const defaultLimits: ReaderLimits = Object.freeze({
  strict: true,
  maxDepth: DEFAULT_MAX_DEPTH,
  maxInflatedSize: DEFAULT_MAX_INFLATED_SIZE,
  maxElements: DEFAULT_MAX_ELEMENTS,
});

/** Checks every option once, when a reader is made: a NaN or a negative limit must not turn a limit off. */
function readerLimits(options: TlReaderOptions | undefined): ReaderLimits {
  if (options === undefined) return defaultLimits;
  const strict: unknown = options.strict;
  if (strict !== undefined && typeof strict !== 'boolean') {
    throw new TlError('invalid-option', `strict must be a boolean, got ${describeValue(strict)}`);
  }
  return {
    strict: strict ?? true,
    maxDepth: limitOption(options, 'maxDepth', 1, MAX_DEPTH_CEILING, DEFAULT_MAX_DEPTH),
    maxInflatedSize: limitOption(
      options,
      'maxInflatedSize',
      0,
      MAX_INFLATED_SIZE_CEILING,
      DEFAULT_MAX_INFLATED_SIZE,
    ),
    maxElements: limitOption(options, 'maxElements', 0, 0x7fffffff, DEFAULT_MAX_ELEMENTS),
  };
}

/** `TlReader.restart`, which is private (defined by the class's static block). */
let restartReader: (r: TlReader, registry: ReaderRegistry, end: number) => TlReader;

export class TlReader {
  buf: Uint8Array;
  view: DataView;
  pos: number;
  end: number;
  readonly registry: ReaderRegistry;
  readonly strict: boolean;
  readonly maxDepth: number;
  readonly maxInflatedSize: number;
  readonly maxElements: number;
  /** Current nesting of boxed objects. */
  depth: number;
  /** What gzip_packed values may still inflate to in this decode. */
  private inflateBudget: number;
  /** How many more vector elements this decode may allocate. */
  private elementBudget: number;
  /** Start of the data of the last length-prefixed value (set by `span`). */
  private spanStart: number;
  /**
   * Set by `readBoxed` for the duration of one value: `stringField` then leaves non-ASCII strings to it
   * and `readBoxed` assigns them at the end (see string-batch.ts).
   */
  strings: StringBatch | undefined;

  /**
   * Reads `bytes`; `view` may be given when one already covers them from their offset 0, and `end`
   * when only their first `end` bytes are the input (readBoxed's scratch copy of a small input).
   */
  constructor(
    bytes: Uint8Array,
    registry: ReaderRegistry,
    options?: TlReaderOptions,
    view?: DataView,
    end: number = bytes.length,
  ) {
    this.buf = bytes;
    this.view = view ?? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
    this.end = end;
    this.registry = registry;
    const limits = readerLimits(options);
    this.strict = limits.strict;
    this.maxDepth = limits.maxDepth;
    this.maxInflatedSize = limits.maxInflatedSize;
    this.maxElements = limits.maxElements;
    this.depth = 0;
    this.inflateBudget = limits.maxInflatedSize;
    this.elementBudget = limits.maxElements;
    this.spanStart = 0;
    this.strings = undefined;
  }

  /**
   * Readies this reader, made over `scratchBytes` without options, for another decode of their first
   * `end` bytes (see readBoxed): everything a decode changes is set as the constructor sets it. Its
   * buffer is `scratchBytes` again already: readBoxed puts it back after every decode.
   */
  private restart(registry: ReaderRegistry, end: number): this {
    this.pos = 0;
    this.end = end;
    (this as { registry: ReaderRegistry }).registry = registry;
    this.depth = 0;
    this.inflateBudget = this.maxInflatedSize;
    this.elementBudget = this.maxElements;
    this.spanStart = 0;
    this.strings = undefined;
    return this;
  }

  static {
    restartReader = (r, registry, end) => r.restart(registry, end);
  }

  /** Slow path of every bounds check: fewer than `n` bytes remain. */
  private ensure(n: number): number {
    throw truncated(this.pos, n, this.end - this.pos);
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
      if (len === 255) throw new TlDecodeError('length-prefix', 'length prefix byte 0xff is not valid TL', p);
      len = bytes[p + 1] | (bytes[p + 2] << 8) | (bytes[p + 3] << 16);
      if (len <= 253 && this.strict) {
        throw new TlDecodeError(
          'length-prefix',
          `long length form used for ${len} bytes (at most 253 must use the one-byte form)`,
          p,
        );
      }
      start = p + 4;
    }
    const dataEnd = start + len;
    const total = (dataEnd - p + 3) & ~3;
    if (p + total > this.end) throw truncated(p, total, this.end - p);
    if (this.strict) {
      for (let i = dataEnd; i < p + total; i++) {
        if (bytes[i] !== 0)
          throw new TlDecodeError('padding', `non-zero padding byte 0x${hex2(bytes[i])}`, i);
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
    throw new TlDecodeError('utf8', 'invalid UTF-8 in string', at < 0 ? start : at);
  }

  /**
   * A string that will be stored in a field of the object being read (`key` is its setter, or its name)
   * or in a vector at index `key`. Inside `readBoxed` a string longer than SHORT_ASCII bytes (but the
   * value's first one) goes to the value's string batch and is assigned when the value is complete; ''
   * stands in until then. Elsewhere (and for short strings, which JS builds fastest) the same as
   * `string()`.
   */
  stringField(target: object, key: StringKey): string {
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
    throw new TlDecodeError('utf8', 'invalid UTF-8 in string', at < 0 ? start : at);
  }

  bool(): boolean {
    const id = this.uint();
    const p = this.pos - 4;
    if (id === BOOL_TRUE_ID) return true;
    if (id === BOOL_FALSE_ID) return false;
    if (id === GZIP_PACKED_ID) return this.packed(readBool) as boolean;
    if (this.strict) {
      throw new TlDecodeError(
        'bool',
        `expected boolTrue (0x997275b5) or boolFalse (0xbc799737), got ${constructorIdHex(id)}`,
        p,
      );
    }
    // Lenient: like Telethon and mtcute, anything but boolTrue reads as false.
    return false;
  }

  /**
   * Reads a boxed vector's id: true for a vector, false for a gzip_packed (its id consumed), which the
   * caller then reads whole with `packed` (generated vector readers: `if (!r.vectorId()) return
   * r.packed(read$Vector$T)`).
   */
  vectorId(): boolean {
    const id = this.uint();
    if (id === VECTOR_ID) return true;
    if (id === GZIP_PACKED_ID) return false;
    throw new TlDecodeError(
      'vector-id',
      `expected vector id 0x1cb5c415, got ${constructorIdHex(id)}`,
      this.pos - 4,
    );
  }

  /**
   * The element count of a vector. A negative count is a `vector-length` error. A count whose
   * elements (at least `minElementBytes` each; 0 is treated as 1 so the count stays bounded) cannot
   * fit in the remaining bytes is `truncated` at the first element: a hostile count and a cut-off
   * payload look the same from here, and both fail before the caller allocates anything. The count
   * is charged to the decode's element budget.
   */
  count(minElementBytes: number): number {
    const n = this.int();
    const p = this.pos - 4;
    if (n < 0) {
      throw new TlDecodeError('vector-length', `vector count ${n} is negative`, p);
    }
    const min = Math.max(minElementBytes, 1);
    const remaining = this.end - this.pos;
    if (n * min > remaining) {
      throw new TlDecodeError(
        'truncated',
        `a vector of ${n} elements needs at least ${n * min} bytes, ${remaining} remain`,
        this.pos,
      );
    }
    if (n > this.elementBudget) {
      throw new TlDecodeError(
        'element-limit',
        `a vector of ${n} elements would pass the limit of ${this.maxElements} vector elements in one decode (maxElements)`,
        p,
      );
    }
    this.elementBudget -= n;
    return n;
  }

  /** Any boxed object, looked up in the registry. */
  object(): unknown {
    const id = this.uint();
    const p = this.pos - 4;
    const read = this.registry.get(id);
    if (read !== undefined) return this.nested(read, p);
    if (id === GZIP_PACKED_ID) return this.packed(readObject);
    if (id === BOOL_TRUE_ID) return true;
    if (id === BOOL_FALSE_ID) return false;
    if (id === VECTOR_ID) return this.nested(readBoxedVector, p);
    throw this.unknown(id, p, 'Object');
  }

  /** A boxed object of one type: `readers` holds that type's constructors. */
  typed(readers: ReaderRegistry, typeName: string): unknown {
    const id = this.uint();
    const read = readers.get(id);
    if (read !== undefined) return this.nested(read, this.pos - 4);
    // Rare path: the closure carrying the expected type only exists for gzip_packed values.
    if (id === GZIP_PACKED_ID) return this.packed((r) => r.typed(readers, typeName));
    throw this.notOf(id, typeName);
  }

  /** Generated type readers (`read$Peer`) call this right after reading the constructor id: one level deeper. */
  enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, this.pos - 4);
    }
  }

  /** The end of an object begun with `enter`: passes its value through. */
  leave<T>(value: T): T {
    this.depth--;
    return value;
  }

  /**
   * A generated type reader met an id that is none of its constructors (after `enter`): a gzip_packed
   * value is read whole with `read` from its inflated data, anything else is 'unexpected-constructor'
   * (an id of the schema) or an UnknownConstructorError.
   */
  otherBoxed<T>(id: number, read: (r: TlReader) => T, typeName: string): T {
    this.depth--;
    if (id === GZIP_PACKED_ID) return this.packed(read);
    throw this.notOf(id, typeName);
  }

  private notOf(id: number, typeName: string): TlDecodeError {
    const p = this.pos - 4;
    if (this.registry.has(id)) {
      return new TlDecodeError(
        'unexpected-constructor',
        `constructor ${constructorIdHex(id)} is not a ${typeName}`,
        p,
      );
    }
    return this.unknown(id, p, typeName);
  }

  private unknown(id: number, p: number, expected: string): UnknownConstructorError {
    const explainer = explainers.get(this.registry);
    const explanation = explainer?.explain(id >>> 0);
    if (explanation !== undefined && explainer?.kind === 'outside-subset') {
      return new OutsideSubsetError(id, p, expected, explanation);
    }
    return new UnknownConstructorError(id, p, expected, explanation);
  }

  /** Calls a registry reader one nesting level deeper; `p` is where its constructor id started. */
  private nested(read: ObjectReader, p: number): unknown {
    if (++this.depth > this.maxDepth) {
      throw new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, p);
    }
    const value = read(this);
    this.depth--;
    return value;
  }

  /** True when the next 4 bytes are a gzip_packed id (consumes nothing). */
  packedNext(): boolean {
    return this.pos + 4 <= this.end && this.view.getUint32(this.pos, true) === GZIP_PACKED_ID;
  }

  /** One boxed object that must occupy exactly `length` bytes (a msg_container message body). */
  objectWithin(length: number): unknown {
    const p = this.pos;
    if (length < 0 || p + length > this.end) {
      throw truncated(p, length, this.end - p);
    }
    const outerEnd = this.end;
    this.end = p + length;
    const value = this.object();
    if (this.pos !== this.end) {
      throw new TlDecodeError(
        'trailing-bytes',
        `${this.end - this.pos} bytes left in a ${length}-byte body`,
        this.pos,
      );
    }
    this.end = outerEnd;
    return value;
  }

  /** A copy of everything left; the reader is then at its end. */
  rest(): Uint8Array {
    const out = this.buf.slice(this.pos, this.end);
    this.pos = this.end;
    return out;
  }

  expectEnd(): void {
    if (this.pos !== this.end) {
      throw new TlDecodeError(
        'trailing-bytes',
        `${this.end - this.pos} bytes left after the value`,
        this.pos,
      );
    }
  }

  /**
   * The one place gzip_packed is unpacked. Called right after its id (at `pos - 4`): reads packed_data,
   * inflates it within what is left of the decode's budget, and reads one value with `read` from the
   * inflated data, which it must use up exactly: a packed value never continues outside its gzip.
   * Errors inside get 'gzip_packed' in their path (their offsets are into the inflated data).
   */
  packed<T>(read: (r: TlReader) => T): T {
    const p = this.pos - 4;
    if (++this.depth > this.maxDepth) {
      throw new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, p);
    }
    const inflated = this.inflateAt(p);
    const outerBytes = this.buf;
    const outerView = this.view;
    const outerPos = this.pos;
    const outerEnd = this.end;
    this.setBuffer(inflated);
    let value: T;
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
    this.depth--;
    return value;
  }

  /** Reads packed_data of a gzip_packed whose id started at `p` and inflates it within the budget. */
  private inflateAt(p: number): Uint8Array {
    const end = this.span();
    const packed = this.buf.subarray(this.spanStart, end);
    // The trailer's size, checked against the budget before anything is inflated.
    const declared = packed.length >= 18 ? this.view.getUint32(end - 4, true) : 0;
    if (packed.length >= 18 && declared > this.inflateBudget) {
      throw new TlDecodeError(
        'inflated-limit',
        `gzip_packed declares ${declared} bytes, but ${this.inflateBudget} of the ${this.maxInflatedSize} bytes one decode may inflate remain (maxInflatedSize)`,
        p,
      );
    }
    let inflated: Uint8Array;
    try {
      inflated = inflateGzip(packed, this.inflateBudget);
    } catch (e) {
      if (e instanceof GzipFailure) throw new TlDecodeError('gzip', e.message, p);
      throw e;
    }
    this.inflateBudget -= inflated.length;
    return inflated;
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
        throw new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, p);
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
  // A small input has too few strings for the batch to pay for itself (measured: up to 17% faster
  // without it below 1 KiB).
  const strings = bytes.length > STRING_BATCH_MIN_INPUT ? acquireStringBatch() : undefined;
  // A small input is read from a copy in a buffer whose DataView already exists: copying a few
  // hundred bytes costs less than making a DataView for each call.
  const scratch = bytes.length <= SCRATCH_SIZE && !scratchBusy;
  if (scratch) {
    scratchBytes.set(bytes);
    scratchBusy = true;
  }
  try {
    const r = scratch
      ? scratchReader(registry, options, bytes.length)
      : new TlReader(bytes, registry, options);
    return readWhole(r, strings, read);
  } catch (e) {
    if (!(e instanceof RetryWithoutBatch)) throw e;
    // A batched string is not valid UTF-8: string by string, the error gets its offset and path
    // (strict), or the bad sequences are replaced (lenient).
    return readWhole(new TlReader(bytes, registry, options), undefined, read);
  } finally {
    if (strings !== undefined) releaseStringBatch(strings);
    if (scratch) {
      scratchBusy = false;
      // Data a gzip_packed inflated to, and the caller's registry, must not stay reachable from the
      // pooled reader; the next decode starts from the scratch buffer again.
      if (pooledReader !== undefined) {
        pooledReader.buf = scratchBytes;
        pooledReader.view = scratchView;
        (pooledReader as { registry: ReaderRegistry }).registry = noRegistry;
      }
    }
  }
}

/** Inputs up to this size are read from `scratchBytes` (see readBoxed). */
const SCRATCH_SIZE = 1024;
const scratchBytes = new Uint8Array(SCRATCH_SIZE);
const scratchView = new DataView(scratchBytes.buffer);
/** A decode that reads from the scratch buffer is running (a nested one must not reuse it). */
let scratchBusy = false;
/** The reader of every scratch decode without options. */
let pooledReader: TlReader | undefined;

/**
 * A reader of the first `end` bytes of `scratchBytes`. Without options always the same one: only one
 * decode at a time uses the scratch buffer, and a small decode then allocates no reader.
 */
function scratchReader(
  registry: ReaderRegistry,
  options: TlReaderOptions | undefined,
  end: number,
): TlReader {
  if (options !== undefined) return new TlReader(scratchBytes, registry, options, scratchView, end);
  pooledReader ??= new TlReader(scratchBytes, registry, undefined, scratchView, end);
  return restartReader(pooledReader, registry, end);
}

/** Inputs up to this size decode their strings one by one (see readBoxed). */
const STRING_BATCH_MIN_INPUT = 1024;

function readWhole<T>(r: TlReader, strings: StringBatch | undefined, read: (r: TlReader) => T): T {
  r.strings = strings;
  const inflated = r.unwrapLeadingGzip();
  try {
    const value = read(r);
    r.expectEnd();
    strings?.flush();
    return value;
  } catch (e) {
    if (e instanceof TlDecodeError) {
      // A vector read at the top (a Vector<…> result) leaves its index with no field to attach it to.
      if (e.pendingIndex !== '') {
        e.path.unshift(e.pendingIndex);
        e.pendingIndex = '';
        e.rebuildMessage();
      }
      if (inflated) inGzipData(e);
    }
    throw e;
  }
}
