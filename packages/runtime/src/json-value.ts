// The JSON form of TL objects, from objects to JSON values: what the classes' shared `toJSON()` calls.
// The form is lossless and language-neutral: `_` is the constructor's TL name and every key a field's
// TL name (`{ "_": "messages.startBot", "random_id": "6414074", … }`); `long` is a decimal string,
// bytes, int128 and int256 are base64, a `double` that JSON cannot hold (NaN, ±Infinity, -0) is a
// string, a set `true` flag is `true`, an absent field is absent. `fromJson` (json-reader.ts) reads it
// back to an equal object. `toJSON` (json-class.ts) converts only its own object's fields: nested
// objects convert themselves through their own `toJSON`, so no class needs another one.

import { encodeBase64 } from './base64.ts';
import { describeValue } from './describe-value.ts';
import { rethrowJson, TlJsonError } from './json-error.ts';
import { MAX_JSON_NESTING } from './json-reader.ts';
import { bigIntegerDigitsToBigint, isBigInteger, LONG_MAX, LONG_MIN, parseDecimalLong } from './long.ts';
import { isTlObject } from './tl-object.ts';

/** A value of JSON: what `JSON.stringify` writes and `JSON.parse` gives back unchanged. */
export type TlJsonValue = null | boolean | number | string | TlJsonValue[] | { [key: string]: TlJsonValue };

/** The JSON form of one TL object: its constructor's TL name in `_`, then its fields by TL name. */
export interface TlJsonObject {
  _: string;
  [field: string]: TlJsonValue;
}

/** Converts one field value (or vector element) to JSON; throws a TlJsonError when it cannot. */
export type ToJson = (value: unknown) => TlJsonValue;

/** How deep the `toJSON` calls under way are: past MAX_JSON_NESTING they stop with an error. */
let nesting = 0;

function typeError(expected: string, value: unknown): TlJsonError {
  return new TlJsonError('type', `expected ${expected}, got ${describeValue(value)}`);
}

const INT_MIN = -0x80000000;
const INT_MAX = 0x7fffffff;

export function intToJson(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError('an int', value);
  if (value < INT_MIN || value > INT_MAX) {
    throw new TlJsonError('range', `${value} does not fit a 32-bit int`);
  }
  return value;
}

/** A `long` as a decimal string: JSON numbers lose precision past 2^53. */
export function longToJson(value: unknown): string {
  let exact: bigint | undefined;
  if (typeof value === 'bigint') exact = value;
  else if (typeof value === 'number') exact = Number.isSafeInteger(value) ? BigInt(value) : undefined;
  else if (typeof value === 'string') exact = parseDecimalLong(value);
  else if (isBigInteger(value)) exact = bigIntegerValue(value);
  if (exact === undefined) throw typeError('a 64-bit integer', value);
  if (exact < LONG_MIN || exact > LONG_MAX) {
    throw new TlJsonError('range', `${exact} does not fit a 64-bit long`);
  }
  return exact.toString();
}

/** The exact value of a big-integer value of any copy of the package (see long.ts). */
function bigIntegerValue(value: object): bigint | undefined {
  const inner = (value as { value: unknown }).value;
  if (typeof inner === 'bigint') return inner;
  if (typeof inner === 'number') return BigInt(inner);
  return bigIntegerDigitsToBigint(inner as number[], (value as { sign?: unknown }).sign === true);
}

/** A finite double as a JSON number; NaN, Infinity, -Infinity and -0 (which JSON numbers cannot hold) as strings. */
export function doubleToJson(value: unknown): number | string {
  if (typeof value !== 'number') throw typeError('a double', value);
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return value;
}

export function stringToJson(value: unknown): string {
  if (typeof value !== 'string') throw typeError('a string', value);
  return value;
}

export function boolToJson(value: unknown): boolean {
  if (typeof value !== 'boolean') throw typeError('a boolean', value);
  return value;
}

export function bytesToJson(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw typeError('bytes (a Uint8Array)', value);
  return encodeBase64(value);
}

export function int128ToJson(value: unknown): string {
  return fixedToJson(value, 16, 'int128');
}

export function int256ToJson(value: unknown): string {
  return fixedToJson(value, 32, 'int256');
}

function fixedToJson(value: unknown, size: number, name: string): string {
  if (!(value instanceof Uint8Array) || value.length !== size) {
    throw typeError(`an ${name} (a Uint8Array of ${size} bytes)`, value);
  }
  return encodeBase64(value);
}

/** A TL object (a field of a boxed or bare type, or `!X`): its own `toJSON`. */
export function objectToJson(value: unknown): TlJsonValue {
  if (!isTlObject(value)) throw typeError('a TL object', value);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON !== 'function') throw typeError('a TL object with toJSON', value);
  return (toJSON as () => TlJsonValue).call(value);
}

/** An `Object` field: a TL object, a Bool (`true`/`false`) or a boxed vector of such values (an array). */
export function boxedValueToJson(value: unknown): TlJsonValue {
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return vectorItemsToJson(value, boxedValueToJson);
  return objectToJson(value);
}

/** The elements of a vector, each by `element`; an error names the element's index. */
function vectorItemsToJson(value: unknown, element: ToJson): TlJsonValue[] {
  if (!Array.isArray(value)) throw typeError('a vector (an array)', value);
  if (++nesting > MAX_JSON_NESTING) {
    nesting = 0;
    throw new TlJsonError(
      'range',
      `values nested deeper than ${MAX_JSON_NESTING} levels (one contains itself?)`,
    );
  }
  const items: TlJsonValue[] = [];
  let i = 0;
  try {
    for (; i < value.length; i++) items.push(element(value[i]));
  } catch (e) {
    rethrowJson(e, `[${i}]`, undefined);
  } finally {
    if (nesting > 0) nesting--;
  }
  return items;
}

/** The converter of a vector whose elements `element` converts (for vectors of vectors). */
export function vectorToJson(element: ToJson): ToJson {
  return (value) => vectorItemsToJson(value, element);
}

/**
 * Sets a key of a JSON object as an own property, `__proto__` included (a TL field may be named so:
 * assigning it would set the object's prototype instead).
 */
export function setJsonKey(json: { [key: string]: TlJsonValue }, key: string, value: TlJsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(json, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    json[key] = value;
  }
}

/**
 * Converts the value of the field `key` of the object named `root` (a TL name) one level deeper: an
 * error gets the field and the object in its path, and an object that contains itself ends here with
 * an error rather than in a stack overflow.
 */
export function fieldToJson(key: string, value: unknown, toJson: ToJson, root: string): TlJsonValue {
  if (++nesting > MAX_JSON_NESTING) {
    nesting = 0;
    throw new TlJsonError(
      'range',
      `objects nested deeper than ${MAX_JSON_NESTING} levels (one contains itself?)`,
      [key],
      root,
    );
  }
  try {
    return toJson(value);
  } catch (e) {
    return rethrowJson(e, key, root);
  } finally {
    if (nesting > 0) nesting--;
  }
}
