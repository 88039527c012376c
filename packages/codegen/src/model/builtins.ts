// What the runtime implements natively. Declarations of these appear in schema files (api.tl
// starts with boolFalse, boolTrue, true and vector) but never become model constructors.

import type { TlTypeRef } from './schema-model.ts';

/** Builtin constructors with the only id the runtime accepts for each. */
export const builtinConstructorIds: ReadonlyMap<string, number> = new Map([
  ['boolFalse', 0xbc799737],
  ['boolTrue', 0x997275b5],
  ['true', 0x3fedd339],
  ['vector', 0x1cb5c415],
]);

/** Primitive declarations (`int ? = Int;`) and the repetition forms (`int128 4*[ int ] = Int128;`). */
export const builtinPrimitiveNames: ReadonlySet<string> = new Set([
  'int',
  'long',
  'double',
  'string',
  'bytes',
  'int128',
  'int256',
  'vector',
]);

/** Boxed types the runtime owns: a schema constructor may not add to them. */
export const reservedTypeNames: ReadonlySet<string> = new Set([
  'Bool',
  'True',
  'Vector',
  'Int',
  'Long',
  'Double',
  'String',
  'Bytes',
  'Int128',
  'Int256',
]);

/** Type names that mean a primitive wherever they are used as an argument type. */
export const primitiveTypes: ReadonlyMap<string, TlTypeRef> = new Map<string, TlTypeRef>([
  ['int', { kind: 'int' }],
  ['long', { kind: 'long' }],
  ['double', { kind: 'double' }],
  ['string', { kind: 'string' }],
  ['bytes', { kind: 'bytes' }],
  ['int128', { kind: 'int128' }],
  ['int256', { kind: 'int256' }],
]);
