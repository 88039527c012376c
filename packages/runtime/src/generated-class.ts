// What every generated class is built from: the statics and JSON methods `defineTlClass` installs,
// the `decoding` token its readers construct instances with, the check of its constructor's argument
// object, and the request typing (`TlRequest`, `ResultOf`). Generated modules only declare classes and
// call these.

import { describeValue } from './describe-value.ts';
import { TlEncodeError } from './errors.ts';
import { defineJsonMethods } from './json-class.ts';
import type { TlReaderOptions } from './reader.ts';
import type { TlObject } from './tl-object.ts';

/** A function call: serializes like any object and knows how to read its own result. */
export interface TlRequest<R> extends TlObject {
  readonly classType: 'request';
  readResult(bytes: Uint8Array, options?: TlReaderOptions): R;
}

/** What a request returns: `ResultOf<Api.help.GetConfig>` is `Api.TypeConfig`. */
export type ResultOf<Q> = Q extends TlRequest<infer R> ? R : never;

/**
 * Passed by `fromReader` instead of constructor arguments: the constructor then returns at once and
 * the reader assigns every field in the constructor's order, so decoded objects keep the class's shape
 * without an argument object or input conversions. Typed `never` to fit every constructor.
 */
export const decoding: never = Object.freeze({ decoding: true }) as never;

/**
 * Defines a class's statics, read-only, on the class and on its prototype: instances share them and
 * never carry them as own properties. Runs once per class when its module loads (generated code marks
 * the call pure, so a bundler drops classes nobody uses): one descriptor object reused for the eight
 * `defineProperty` calls costs less than descriptor maps for `defineProperties`. `description` is the
 * definition in TL syntax, which the class's `toJSON` and `fromJson` work from (json-class.ts).
 */
export function defineTlClass<C extends { prototype: object }>(
  cls: C,
  constructorId: number,
  subclassOfId: number,
  className: string,
  classType: 'constructor' | 'request',
  description: string,
): C {
  const prototype = cls.prototype;
  const descriptor: PropertyDescriptor = { value: constructorId };
  Object.defineProperty(cls, 'CONSTRUCTOR_ID', descriptor);
  Object.defineProperty(prototype, 'CONSTRUCTOR_ID', descriptor);
  descriptor.value = subclassOfId;
  Object.defineProperty(cls, 'SUBCLASS_OF_ID', descriptor);
  Object.defineProperty(prototype, 'SUBCLASS_OF_ID', descriptor);
  descriptor.value = className;
  Object.defineProperty(cls, 'className', descriptor);
  Object.defineProperty(prototype, 'className', descriptor);
  descriptor.value = classType;
  Object.defineProperty(cls, 'classType', descriptor);
  Object.defineProperty(prototype, 'classType', descriptor);
  defineJsonMethods(cls, prototype, description);
  return cls;
}

/**
 * The argument object of a generated constructor with required fields: anything but an object (a
 * forgotten argument, `null`, a string) is an encode error naming the class, not a TypeError from
 * reading a field of `undefined`.
 */
export function constructorArgs<A extends object>(args: A, className: string): A {
  if (typeof args !== 'object' || args === null) {
    throw new TlEncodeError(
      args === undefined || args === null ? 'missing' : 'type',
      `the constructor needs its argument object, got ${describeValue(args)}`,
      [className],
    );
  }
  return args;
}
