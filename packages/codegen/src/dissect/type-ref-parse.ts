// A type as a person writes it on a command line (`tlforge decode --type 'Vector<long>'`), resolved
// against the schema: primitives, `Bool`, `Object`, `Vector<T>` / `vector<T>`, a boxed type
// (`messages.Messages`), a bare constructor (`%Message`, `future_salt`). Names the schema lacks are a
// TlError that says which.

import { TlError } from '@tlforge/runtime';
import type { TlTypeRef } from '../model/schema-model.ts';
import type { DissectSchema } from './dissect-schema.ts';

const primitives: ReadonlyMap<string, TlTypeRef> = new Map<string, TlTypeRef>([
  ['int', { kind: 'int' }],
  ['long', { kind: 'long' }],
  ['double', { kind: 'double' }],
  ['string', { kind: 'string' }],
  ['bytes', { kind: 'bytes' }],
  ['int128', { kind: 'int128' }],
  ['int256', { kind: 'int256' }],
  ['Bool', { kind: 'Bool' }],
  ['Object', { kind: 'object' }],
]);

export function parseTypeRef(text: string, schema: DissectSchema): TlTypeRef {
  const source = text.replace(/\s+/g, '');
  const vector = /^(Vector|vector)<(.+)>$/.exec(source);
  if (vector !== null) {
    return { kind: 'vector', boxed: vector[1] === 'Vector', element: parseTypeRef(vector[2]!, schema) };
  }
  const primitive = primitives.get(source);
  if (primitive !== undefined) return primitive;
  const bare = source.startsWith('%');
  const name = bare ? source.slice(1) : source;
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) {
    throw new TlError('invalid-type', `not a TL type: ${JSON.stringify(text)}`);
  }
  const type = schema.type(name);
  if (type !== undefined) {
    if (!bare) return { kind: 'boxed', type: name };
    if (type.constructors.length !== 1) {
      throw new TlError(
        'invalid-type',
        `%${name} is bare, but ${name} has ${type.constructors.length} constructors`,
      );
    }
    return { kind: 'bare', constructor: type.constructors[0]! };
  }
  const definition = schema.byTlName(name);
  if (definition?.kind === 'constructor') return { kind: 'bare', constructor: name };
  throw new TlError('invalid-type', `the schema has no type or constructor named ${name}`);
}
