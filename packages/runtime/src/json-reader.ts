// The JSON form of TL objects, from JSON values back to objects: what the classes' shared `fromJson`
// calls (the form is described in json-value.ts). Every check names the value's path in TL names;
// nothing is coerced: a key no field has, a `long` as an unsafe JSON number, a base64 text that is not
// canonical are errors. A class's `fromJson` reads its own fields (json-class.ts); the objects nested in
// them are of other classes, which it looks up by name in the `classes` the caller passes (the layer's
// `jsonClasses()`), never in a global table: a class refers to no other class.

import { Base64Failure, decodeBase64 } from './base64.ts';
import { describeValue } from './describe-value.ts';
import type { TlRequest } from './generated-class.ts';
import { rethrowJson, TlJsonError } from './json-error.ts';
import { LONG_MAX, LONG_MIN, parseDecimalLong } from './long.ts';
import type { TlBoxedValue, TlObject } from './tl-object.ts';

/**
 * A class that reads itself from JSON: every generated class (`Api.messages.StartBot.fromJson`). Its
 * prototype holds the description `defineTlClass` was given, which says the type a constructor builds.
 */
export interface TlJsonClass {
  readonly prototype: object;
  fromJson(json: unknown, classes?: TlJsonClasses): TlObject;
}

/** Classes by the TL name of their constructor or function (`messages.startBot`): how nested objects are read. */
export type TlJsonClasses = ReadonlyMap<string, TlJsonClass>;

/** Reads one field value (or vector element) from JSON; throws a TlJsonError when it cannot. */
export type FromJson<T> = (json: unknown, classes: TlJsonClasses | undefined) => T;

/** Deeper JSON (a hostile document, thousands of levels) is refused before it can exhaust the stack. */
export const MAX_JSON_NESTING = 1000;
/** How deep the `fromJson` calls under way are (one decode at a time: JS runs them one by one). */
let nesting = 0;

function typeError(expected: string, json: unknown): TlJsonError {
  return new TlJsonError('type', `expected ${expected}, got ${describeJson(json)}`);
}

/** A JSON value for a message: a string in quotes, an object by its `_`. */
export function describeJson(json: unknown): string {
  if (isJsonObject(json)) {
    const name = json._;
    return typeof name === 'string' ? `the object of ${JSON.stringify(name)}` : 'an object without "_"';
  }
  return describeValue(json);
}

/** A plain JSON object (not null, not an array). */
export function isJsonObject(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && !ArrayBuffer.isView(json);
}

/** Parses JSON text; a syntax error is a TlJsonError of kind 'syntax'. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new TlJsonError('syntax', `not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function intFromJson(json: unknown): number {
  if (typeof json !== 'number' || !Number.isInteger(json)) throw typeError('an int (a JSON integer)', json);
  if (json < -0x80000000 || json > 0x7fffffff) {
    throw new TlJsonError('range', `${json} does not fit a 32-bit int`);
  }
  return json;
}

/** A `long`: a decimal string (what `toJSON` writes), or a JSON integer that is exact (at most 2^53 - 1). */
export function longFromJson(json: unknown): bigint {
  let value: bigint | undefined;
  if (typeof json === 'string') value = parseDecimalLong(json);
  else if (typeof json === 'number' && Number.isSafeInteger(json)) value = BigInt(json);
  if (value === undefined) {
    const unsafe =
      typeof json === 'number' && Number.isInteger(json) ? ' (past 2^53 a JSON number is not exact)' : '';
    throw typeError(`a long as a decimal string${unsafe}`, json);
  }
  if (value < LONG_MIN || value > LONG_MAX) {
    throw new TlJsonError('range', `${json} does not fit a 64-bit long`);
  }
  return value;
}

const specialDoubles: ReadonlyMap<string, number> = /*@__PURE__*/ new Map([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
]);

/** A `double`: a JSON number, or one of "NaN", "Infinity", "-Infinity", "-0". */
export function doubleFromJson(json: unknown): number {
  if (typeof json === 'number') return json;
  const special = typeof json === 'string' ? specialDoubles.get(json) : undefined;
  if (special === undefined)
    throw typeError('a double (a number, "NaN", "Infinity", "-Infinity" or "-0")', json);
  return special;
}

export function stringFromJson(json: unknown): string {
  if (typeof json !== 'string') throw typeError('a string', json);
  return json;
}

export function boolFromJson(json: unknown): boolean {
  if (typeof json !== 'boolean') throw typeError('a Bool (true or false)', json);
  return json;
}

export function bytesFromJson(json: unknown): Uint8Array {
  if (typeof json !== 'string') throw typeError('bytes as a base64 string', json);
  try {
    return decodeBase64(json);
  } catch (e) {
    if (e instanceof Base64Failure) throw new TlJsonError('base64', e.message);
    throw e;
  }
}

export function int128FromJson(json: unknown): Uint8Array {
  return fixedFromJson(json, 16, 'int128');
}

export function int256FromJson(json: unknown): Uint8Array {
  return fixedFromJson(json, 32, 'int256');
}

function fixedFromJson(json: unknown, size: number, name: string): Uint8Array {
  const bytes = bytesFromJson(json);
  if (bytes.length !== size) {
    throw new TlJsonError(
      'type',
      `an ${name} is ${size} bytes (base64 of ${size} bytes), got ${bytes.length}`,
    );
  }
  return bytes;
}

/** The `_` of the JSON form of an object: the TL name of its constructor or function. */
export function jsonConstructorName(json: unknown): string {
  if (!isJsonObject(json)) throw typeError('a TL object (a JSON object with "_")', json);
  const name = json._;
  if (typeof name !== 'string') {
    throw new TlJsonError(
      name === undefined || name === null ? 'missing' : 'type',
      `expected "_" to name the constructor, got ${describeValue(name)}`,
    );
  }
  return name;
}

/** A `_` that is none of the constructors of `typeName`, the type of the field it stands in. */
export function unexpectedJsonConstructor(name: string, typeName: string): TlJsonError {
  return new TlJsonError(
    'unexpected-constructor',
    `${JSON.stringify(name)} is not a constructor of ${typeName}`,
  );
}

/**
 * An object nested in the JSON read without the classes of its layer: a class finds no other class by
 * itself. `what` says what the field holds (`a function call`, `a constructor of InputUser`).
 */
export function jsonClassesNeeded(name: string, what: string): TlJsonError {
  return new TlJsonError(
    'unknown-constructor',
    `${JSON.stringify(name)} stands where ${what} may: reading it needs the classes of the layer (pass the layer's jsonClasses(), or read with its fromJson)`,
  );
}

/** The class named by `_`, from `classes`: where `Object`, `!X` and bare values find theirs. */
export function jsonClassOf(name: string, classes: TlJsonClasses | undefined, what: string): TlJsonClass {
  if (classes === undefined) throw jsonClassesNeeded(name, what);
  const cls = classes.get(name);
  if (cls === undefined) {
    throw new TlJsonError(
      'unknown-constructor',
      `no constructor or function is named ${JSON.stringify(name)}${nameHint(name, classes)}`,
    );
  }
  return cls;
}

/** `messages.StartBot` (a class name) or `Messages.startBot` for `messages.startBot`: the TL name meant. */
function nameHint(name: string, classes: TlJsonClasses): string {
  const lower = name.toLowerCase();
  for (const known of classes.keys()) {
    if (known.toLowerCase() === lower) return ` (TL names are case-sensitive: ${JSON.stringify(known)})`;
  }
  return '';
}

/** Any constructor or function call, by its `_` (the layer's module-level `fromJson`). */
export function anyObjectFromJson(json: unknown, classes: TlJsonClasses | undefined): TlObject {
  return jsonClassOf(jsonConstructorName(json), classes, 'any object').fromJson(json, classes);
}

/** `!X`: a function call, by its `_`. */
export function requestFromJson(json: unknown, classes: TlJsonClasses | undefined): TlRequest<unknown> {
  const value = jsonClassOf(jsonConstructorName(json), classes, 'a function call').fromJson(json, classes);
  if (value.classType !== 'request') {
    throw new TlJsonError(
      'unexpected-constructor',
      `expected a function call, got the constructor ${JSON.stringify((json as { _: string })._)}`,
    );
  }
  return value as TlRequest<unknown>;
}

/** `Object`: a TL object by its `_`, a Bool (`true`/`false`) or a boxed vector of such values. */
export function boxedValueFromJson(json: unknown, classes: TlJsonClasses | undefined): TlBoxedValue {
  if (typeof json === 'boolean') return json;
  if (Array.isArray(json)) return vectorItemsFromJson(json, boxedValueFromJson, classes);
  return anyObjectFromJson(json, classes);
}

function vectorItemsFromJson<T>(
  json: unknown,
  element: FromJson<T>,
  classes: TlJsonClasses | undefined,
): T[] {
  if (!Array.isArray(json)) throw typeError('a vector (an array)', json);
  if (++nesting > MAX_JSON_NESTING) {
    nesting = 0;
    throw new TlJsonError('range', `values nested deeper than ${MAX_JSON_NESTING} levels`);
  }
  const items: T[] = [];
  let i = 0;
  try {
    for (; i < json.length; i++) items.push(element(json[i], classes));
  } catch (e) {
    rethrowJson(e, `[${i}]`, undefined);
  } finally {
    if (nesting > 0) nesting--;
  }
  return items;
}

/** The reader of a vector whose elements `element` reads (for vectors of vectors). */
export function vectorFromJson<T>(element: FromJson<T>): FromJson<T[]> {
  return (json, classes) => vectorItemsFromJson(json, element, classes);
}

/**
 * The checks of the JSON of one object read as the constructor or function `name` (the TL name): a
 * JSON object whose `_` is that name.
 */
export function checkJsonObjectOf(json: unknown, name: string): asserts json is Record<string, unknown> {
  if (!isJsonObject(json)) {
    throw new TlJsonError('type', `expected the JSON object of ${name}, got ${describeJson(json)}`, [], name);
  }
  const tag = json._;
  if (tag !== name) {
    throw new TlJsonError(
      tag === undefined ? 'missing' : 'unexpected-constructor',
      `expected "_": ${JSON.stringify(name)}, got ${describeValue(tag)}`,
      [],
      name,
    );
  }
}

/**
 * Reads the value of the field `key` of the object named `root` (a TL name) one level deeper: an error
 * gets the field and the object in its path.
 */
export function fieldFromJson<T>(
  key: string,
  value: unknown,
  read: FromJson<T>,
  classes: TlJsonClasses | undefined,
  root: string,
): T {
  if (++nesting > MAX_JSON_NESTING) {
    nesting = 0;
    throw new TlJsonError('range', `objects nested deeper than ${MAX_JSON_NESTING} levels`, [key], root);
  }
  try {
    return read(value, classes);
  } catch (e) {
    return rethrowJson(e, key, root);
  } finally {
    if (nesting > 0) nesting--;
  }
}
