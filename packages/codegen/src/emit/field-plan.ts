// How each field of a definition is handled by the generated class: its JS name, its reader local,
// its flag bit, and the MTProto service fields whose wire form the TL line does not say by itself:
//   - `rpc_result.result` can only be decoded with the request's result type, so it stays raw bytes;
//   - `gzip_packed.packed_data` is written `string` but holds a gzip stream, so it is `bytes`;
//   - `message bytes:int body:Object` (msg_container): `bytes` is the body's length, computed on write.

import type { TlDefinition, TlField, TlTypeRef } from '../model/schema-model.ts';
import { isSizedBody } from '../model/sized-body.ts';
import { TlSchemaError } from '../parser/schema-error.ts';
import { maskLiteral } from './code-lines.ts';
import { TlEmitError } from './emit-error.ts';
import { fieldName } from './naming.ts';
import { localIdentifier } from './safe-identifier.ts';

export type FieldRole =
  /** A `#` word: computed from the conditional fields, never stored. */
  | 'flags'
  | 'value'
  /** `message.bytes`: the length of the following body, computed on write (checked if given). */
  | 'body-length'
  /** `message.body`: one object occupying exactly `bytes` bytes. */
  | 'sized-body'
  /** `rpc_result.result`: the remaining bytes, kept raw. */
  | 'raw-rest';

export interface FieldCondition {
  flagsField: string;
  /** The reader/writer local holding that flags word. */
  flagsLocal: string;
  bit: number;
  mask: string;
}

export interface PlannedField {
  field: TlField;
  /** Property name on the class (`randomId`). */
  jsName: string;
  /** Local variable in the reader (`randomId`, `default_`). */
  local: string;
  role: FieldRole;
  /** The wire type (the model's, except `gzip_packed.packed_data` which is `bytes`). */
  type: TlTypeRef;
  condition?: FieldCondition;
}

export interface DefinitionPlan {
  fields: PlannedField[];
  /** Fields stored on instances and taken by the constructor (everything but `#` words). */
  stored: PlannedField[];
  /** Deepest vector nesting among the fields (loop index variables needed). */
  vectorDepth: number;
}

/** Locals every generated method declares itself; a field's local must not be one of these. */
export const methodLocals: readonly string[] = ['r', 'w', 'e', 'o', 'field', 'bodyLength', 'options'];

export function loopIndex(depth: number): string {
  return `i${depth}`;
}

export function loopCount(depth: number): string {
  return `n${depth}`;
}

export function itemsLocal(depth: number): string {
  return `items${depth}`;
}

/** `field`, or `field` with the active vector indexes appended: `messages[3]`. */
export function pathExpression(vectorDepth: number): string {
  let expression = 'field';
  for (let depth = 0; depth < vectorDepth; depth++)
    expression = `indexedField(${expression}, ${loopIndex(depth)})`;
  return expression;
}

/**
 * The plan of one definition's fields. `moduleNames` are the names a local must not shadow (module-level
 * identifiers, the classes of the module). Two fields with one property name are a `name-clash`:
 * pushed to `diagnostics` when given (`tlforge check`), thrown as a `TlEmitError` otherwise.
 */
export function planDefinition(
  definition: TlDefinition,
  className: string,
  moduleNames: { has(name: string): boolean },
  diagnostics?: TlSchemaError[],
): DefinitionPlan {
  const reserved = new Set<string>([...methodLocals, className]);
  const taken = { has: (name: string) => reserved.has(name) || moduleNames.has(name) };
  let vectorDepth = 0;
  for (const field of definition.fields) vectorDepth = Math.max(vectorDepth, vectorNesting(field.type));
  for (let depth = 0; depth < vectorDepth; depth++) {
    reserved.add(loopIndex(depth));
    reserved.add(loopCount(depth));
    reserved.add(itemsLocal(depth));
  }
  const jsNames = new Map<string, string>();
  /** TL field name by property name: a map, so a declaration of 100,000 fields is not quadratic. */
  const owners = new Map<string, string>();
  const locals = new Map<string, string>();
  for (const field of definition.fields) {
    const jsName = fieldName(field.name);
    const other = owners.get(jsName);
    if (other !== undefined && other !== field.name) {
      const detail = `fields ${other} and ${field.name} of ${definition.name} would both be named ${jsName}`;
      if (diagnostics === undefined) throw new TlEmitError('name-clash', detail, field.position);
      diagnostics.push(new TlSchemaError('name-clash', field.position, detail, field.name));
    }
    owners.set(jsName, field.name);
    jsNames.set(field.name, jsName);
    const local = localIdentifier(jsName, taken);
    reserved.add(local);
    locals.set(field.name, local);
  }

  const fields: PlannedField[] = definition.fields.map((field, index) => {
    const next = definition.fields[index + 1];
    let role: FieldRole = field.type.kind === 'flags' ? 'flags' : 'value';
    const type = wireType(definition, field);
    if (isRawRest(definition, field)) role = 'raw-rest';
    if (isSizedBody(field, next)) role = 'body-length';
    if (isSizedBody(definition.fields[index - 1], field)) role = 'sized-body';
    const planned: PlannedField = {
      field,
      jsName: jsNames.get(field.name)!,
      local: locals.get(field.name)!,
      role,
      type,
    };
    if (field.condition !== undefined) {
      planned.condition = {
        flagsField: field.condition.flagsField,
        flagsLocal: locals.get(field.condition.flagsField)!,
        bit: field.condition.bit,
        mask: maskLiteral(field.condition.bit),
      };
    }
    return planned;
  });
  return { fields, stored: fields.filter((f) => f.role !== 'flags'), vectorDepth };
}

/** `rpc_result.result`: the remaining bytes, kept raw. */
function isRawRest(definition: TlDefinition, field: TlField): boolean {
  return definition.name === 'rpc_result' && field.name === 'result' && field.type.kind === 'object';
}

/** A field's wire type: the model's, but `bytes` for the two service fields above. */
export function wireType(definition: TlDefinition, field: TlField): TlTypeRef {
  if (isRawRest(definition, field)) return { kind: 'bytes' };
  if (definition.name === 'gzip_packed' && field.name === 'packed_data' && field.type.kind === 'string') {
    return { kind: 'bytes' };
  }
  return field.type;
}

function vectorNesting(type: TlTypeRef): number {
  let depth = 0;
  for (let t = type; t.kind === 'vector'; t = t.element) depth++;
  return depth;
}
