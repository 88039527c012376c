// Error classes shared by the whole toolchain. Every failure carries a machine-readable `kind`; the
// runtime's encode/decode errors also carry the field path (and for decoding the byte offset) so a
// message says what went wrong, where, and what was expected.

export class TlError extends Error {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
    this.name = new.target.name;
  }
}

export type EncodeErrorKind =
  | 'type'
  | 'range'
  | 'missing'
  | 'flags'
  | 'length'
  | 'surrogate'
  /** The object graph contains itself: it has no finite encoding. */
  | 'cycle'
  /** Nested so deeply that writing it ran out of stack. */
  | 'depth';

/** A value cannot be serialized. `path` is outermost first: ['messages.StartBot', 'bot', 'accessHash']. */
export class TlEncodeError extends TlError {
  declare readonly kind: EncodeErrorKind;
  readonly path: string[];
  readonly detail: string;
  constructor(kind: EncodeErrorKind, detail: string, path: string[] = []) {
    super(kind, formatEncodeMessage(path, detail));
    this.path = path;
    this.detail = detail;
  }

  /** Adds an enclosing field or class name in front of the path and rebuilds the message. */
  prependPath(segment: string): this {
    this.path.unshift(segment);
    this.message = formatEncodeMessage(this.path, this.detail);
    return this;
  }
}

function formatEncodeMessage(path: string[], detail: string): string {
  return path.length === 0 ? detail : `${path.join('.')}: ${detail}`;
}

export type DecodeErrorKind =
  /** What was passed to `deserialize`/`readResult` is not a Uint8Array. */
  | 'input'
  | 'truncated'
  | 'vector-length'
  | 'vector-id'
  | 'padding'
  | 'utf8'
  | 'bool'
  | 'depth'
  | 'gzip'
  | 'trailing-bytes'
  | 'length-prefix'
  | 'unexpected-constructor'
  | 'unknown-constructor'
  /** A flags word has bits that no field uses (strict mode only: they would not re-encode). */
  | 'flags'
  /** The gzip_packed values of one decode would inflate to more than `maxInflatedSize` bytes. */
  | 'inflated-limit'
  /** The vectors of one decode would hold more than `maxElements` elements. */
  | 'element-limit'
  /** An id of the schema that the `--only` subset the code was generated for leaves out. */
  | 'outside-subset';

/**
 * Bytes cannot be deserialized. `offset` is the byte offset in the buffer being read; inside a
 * gzip_packed value it is relative to the inflated data (`inflated`, and the message says so).
 */
export class TlDecodeError extends TlError {
  declare readonly kind: DecodeErrorKind;
  readonly offset: number;
  /** The innermost constructor being read, set by the first `rethrowDecode` the error passes. */
  constructorName: string | undefined;
  readonly path: string[];
  readonly detail: string;
  /**
   * True while path[0] is the name of the outermost constructor that rethrew the error (not a field):
   * the next enclosing `rethrowDecode` replaces it with its own field segment and name.
   */
  rootIsConstructor: boolean;
  /** True when `offset` is into the inflated data of a gzip_packed value rather than the input. */
  inflated: boolean;
  /**
   * Vector indexes (`[3]`, `[3][1]`) added by generated vector readers on the way out, waiting for the
   * field name of the enclosing reader's `rethrowDecode` to be attached to: `messages[3]`.
   */
  pendingIndex: string;
  constructor(kind: DecodeErrorKind, detail: string, offset: number) {
    super(kind, formatDecodeMessage(offset, false, undefined, [], kind, detail));
    this.offset = offset;
    this.constructorName = undefined;
    this.path = [];
    this.detail = detail;
    this.rootIsConstructor = false;
    this.inflated = false;
    this.pendingIndex = '';
  }

  prependPath(segment: string): this {
    this.path.unshift(segment);
    this.rootIsConstructor = false;
    this.rebuildMessage();
    return this;
  }

  /** Recomputes `message` after `constructorName` or `path` changed. */
  rebuildMessage(): void {
    this.message = formatDecodeMessage(
      this.offset,
      this.inflated,
      this.constructorName,
      this.path,
      this.kind,
      this.detail,
    );
  }
}

function formatDecodeMessage(
  offset: number,
  inflated: boolean,
  constructorName: string | undefined,
  path: string[],
  kind: string,
  detail: string,
): string {
  const reading = constructorName === undefined ? '' : ` reading ${constructorName}`;
  const where = path.length === 0 ? '' : ` (${path.join('.')})`;
  const of = inflated ? ' of inflated gzip_packed data' : '';
  return `at byte ${offset}${of}${reading}${where}: ${kind}: ${detail}`;
}

/** Formats a constructor id the way the schema writes it: '0x1cb5c415'. */
export function constructorIdHex(id: number): string {
  return `0x${(id >>> 0).toString(16).padStart(8, '0')}`;
}

/** A boxed value whose constructor id the registry does not know. */
export class UnknownConstructorError extends TlDecodeError {
  readonly constructorId: number;
  readonly idHex: string;
  /** What the id is elsewhere, when the generated code knows (`0x… is \`user\` of layer 214; …`). */
  readonly explanation: string | undefined;
  constructor(constructorId: number, offset: number, expected: string, explanation?: string) {
    const idHex = constructorIdHex(constructorId);
    const known = explanation === undefined ? '' : ` (${explanation})`;
    super(
      'unknown-constructor',
      `unknown constructor ${idHex} where ${expected} was expected${known}`,
      offset,
    );
    this.constructorId = constructorId >>> 0;
    this.idHex = idHex;
    this.explanation = explanation;
  }
}

/**
 * An id of the schema that the code, generated for a subset of it (`tlforge generate --only`), does
 * not know: the data needs a constructor the program did not ask for.
 */
export class OutsideSubsetError extends UnknownConstructorError {
  declare readonly kind: 'outside-subset';
  constructor(constructorId: number, offset: number, expected: string, explanation: string) {
    super(constructorId, offset, expected, explanation);
    (this as { kind: DecodeErrorKind }).kind = 'outside-subset';
    this.rebuildMessage();
  }
}

/** For generated checks (missing field, wrong constructor, flags) that must report a path. */
export function encodeError(kind: EncodeErrorKind, detail: string): TlEncodeError {
  return new TlEncodeError(kind, detail);
}

/** Used in generated `_write` catch blocks: adds the field being written to an encode error's path. */
export function rethrowEncode(e: unknown, segment: string): never {
  if (e instanceof TlEncodeError) e.prependPath(segment);
  throw e;
}

/**
 * Used in generated reader catch blocks. The first call names the innermost constructor; every call
 * makes the path start with its own constructor name and field, so the error leaving the outermost
 * reader has the full path: ['messages.startBot', 'bot', 'accessHash'].
 */
export function rethrowDecode(e: unknown, constructorName: string, segment: string): never {
  if (e instanceof TlDecodeError) {
    if (e.constructorName === undefined) e.constructorName = constructorName;
    if (e.rootIsConstructor) e.path.shift();
    e.path.unshift(constructorName, segment + e.pendingIndex);
    e.pendingIndex = '';
    e.rootIsConstructor = true;
    e.rebuildMessage();
  }
  throw e;
}

/**
 * Used in generated vector readers' catch blocks: element `index` failed. The index waits in
 * `pendingIndex` for the field name the enclosing reader adds (`messages[3]`); an outer vector puts its
 * own index in front (`rows[3][1]`).
 */
export function rethrowElement(e: unknown, index: number): never {
  if (e instanceof TlDecodeError) {
    if (e.rootIsConstructor) {
      e.path.shift();
      e.rootIsConstructor = false;
    }
    e.pendingIndex = `[${index}]${e.pendingIndex}`;
  }
  throw e;
}
