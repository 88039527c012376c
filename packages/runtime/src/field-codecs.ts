// The checked steps generated `_write` and `fromReader` methods call for fields that are more than one
// writer/reader call: required values, vectors, `true` flags, shared flag bits, bare and `Object`
// values, `!X` requests and msg_container's sized bodies. Each failure is a TlEncodeError or
// TlDecodeError whose path the generated method completes.

import { describeTlValue, describeValue } from './describe-value.ts';
import { encodeError, TlDecodeError, type TlEncodeError } from './errors.ts';
import type { TlRequest } from './generated-class.ts';
import type { TlReader } from './reader.ts';
import { isTlObject, type TlObject } from './tl-object.ts';
import { MAX_WRITE_DEPTH, type TlWriter } from './writer.ts';

interface BareWritable {
  _writeBare(w: TlWriter): void;
}

/** The error path segment of a vector element: `messages[3]` (index -1: not inside the vector). */
export function indexedField(field: string, index: number): string {
  return index < 0 ? field : `${field}[${index}]`;
}

/** A required field's value: `undefined` or `null` is a 'missing' error, never a default. */
export function required<T>(value: T | null | undefined, tlType: string): T {
  if (value === undefined || value === null) {
    throw encodeError('missing', `expected ${tlType}, got ${describeValue(value)}`);
  }
  return value;
}

/** A vector's elements: missing is 'missing', anything but an array is 'type'. */
export function arrayValue<T>(value: readonly T[] | null | undefined, tlType: string): readonly T[] {
  if (value === undefined || value === null) {
    throw encodeError('missing', `expected ${tlType}, got ${describeValue(value)}`);
  }
  if (!Array.isArray(value)) {
    throw encodeError('type', `expected ${tlType} (an array), got ${describeValue(value)}`);
  }
  return value;
}

/**
 * A `flags.N?true` field is set by `true` only; `false`, `undefined` and `null` leave it clear.
 * Decoding gives `true` for a set bit and `undefined` for a clear one, like an object built
 * without the field, so decoded and constructed objects compare equal.
 */
export function trueFlag(value: unknown): boolean {
  if (value === true) return true;
  if (value === undefined || value === null || value === false) return false;
  throw encodeError('type', `expected a boolean for a true flag, got ${describeValue(value)}`);
}

/** A shared flag bit is set but one of its non-`true` fields is missing. */
export function sharedFlagError(
  flag: string,
  missing: string,
  names: readonly string[],
  values: readonly unknown[],
): TlEncodeError {
  const present: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const value = values[i];
    if (value !== undefined && value !== null && value !== false) present.push(names[i] as string);
  }
  return encodeError(
    'flags',
    `${flag} is shared by ${names.join(', ')}: ${present.join(', ')} set it, so ${missing} must be present too`,
  );
}

/** Why a value cannot be written as a boxed value of `typeName` (its writer checked SUBCLASS_OF_ID). */
export function boxedValueError(value: unknown, typeName: string): TlEncodeError {
  if (value === undefined || value === null) {
    return encodeError('missing', `expected ${typeName}, got ${describeValue(value)}`);
  }
  return encodeError('type', `expected ${typeName}, got ${describeTlValue(value)}`);
}

/** A bare value (fields only) of exactly one constructor. */
export function writeBare(w: TlWriter, value: unknown, constructorId: number, constructorName: string): void {
  if (value === undefined || value === null) {
    throw encodeError('missing', `expected ${constructorName}, got ${describeValue(value)}`);
  }
  if (!isTlObject(value) || value.CONSTRUCTOR_ID !== constructorId) {
    throw encodeError('type', `expected ${constructorName}, got ${describeTlValue(value)}`);
  }
  if (++w.depth > MAX_WRITE_DEPTH) {
    throw encodeError('depth', `objects nested deeper than ${MAX_WRITE_DEPTH} levels`);
  }
  (value as unknown as BareWritable)._writeBare(w);
  w.depth--;
}

/** `Object`: any TL object, constructor or function call. */
export function writeObject(w: TlWriter, value: unknown): void {
  if (value === undefined || value === null) {
    throw encodeError('missing', `expected a TL object, got ${describeValue(value)}`);
  }
  w.object(value);
}

/** `!X`: a function call. */
export function writeRequest(w: TlWriter, value: unknown): void {
  if (value === undefined || value === null) {
    throw encodeError('missing', `expected a function call, got ${describeValue(value)}`);
  }
  if (!isTlObject(value) || value.classType !== 'request') {
    throw encodeError('type', `expected a function call, got ${describeTlValue(value)}`);
  }
  w.nested(value);
}

/** `!X` when decoding: the object read must be a function call. */
export function readRequest(r: TlReader): TlRequest<unknown> {
  const at = r.pos;
  const value = r.object();
  if (!isTlObject(value) || value.classType !== 'request') {
    throw new TlDecodeError(
      'unexpected-constructor',
      `expected a function call, got ${describeTlValue(value)}`,
      at,
    );
  }
  return value as TlRequest<unknown>;
}

/**
 * A flags word with bits that no field of the constructor uses. Strict mode rejects it: the bits would
 * be lost on re-encoding. Lenient mode ignores them, as other TL implementations do.
 */
export function unknownFlagBits(r: TlReader, flags: number, unused: number): void {
  if (!r.strict) return;
  const bits = (flags & unused) >>> 0;
  throw new TlDecodeError(
    'flags',
    `flags word 0x${(flags >>> 0).toString(16)} has bits 0x${bits.toString(16)} that no field uses`,
    r.pos - 4,
  );
}

/** msg_container's `message`: writes a placeholder length, the body, then the body's real length. */
export function writeSizedObject(w: TlWriter, value: unknown): number {
  const at = w.pos;
  w.int(0);
  writeObject(w, value);
  const end = w.pos;
  const length = end - at - 4;
  w.pos = at;
  w.int(length);
  w.pos = end;
  return length;
}

/** A `bytes` given for a sized body must be the body's length (it is computed when omitted). */
export function checkBodyLength(given: unknown, length: number): void {
  if (given !== undefined && given !== null && given !== length) {
    throw encodeError('length', `is ${describeValue(given)} but the body takes ${length} bytes`);
  }
}

/**
 * The object `deserialize` returns: a constructor or function call of the schema. A bare Bool or
 * Vector answer is no object of the schema: `request.readResult(bytes)` reads those.
 */
export function readAnyObject(r: TlReader): TlObject {
  const at = r.pos;
  const value = r.object();
  if (!isTlObject(value)) {
    throw new TlDecodeError(
      'unexpected-constructor',
      `expected a constructor or function of the schema, got ${describeTlValue(value)}; read Bool and Vector answers with request.readResult`,
      at,
    );
  }
  return value;
}
