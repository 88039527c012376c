// The body of a generated `_write` (boxed: id + fields) or `_writeBare` (fields only). Flags words are
// computed first from the conditional fields (TL-NOTES §5), then every field is written in wire order.
// One try/catch per method: `field` (and the loop indexes) say where a failure happened.

import type { TlTypeRef } from '../model/schema-model.ts';
import { CodeLines, hexLiteral, quote } from './code-lines.ts';
import type { DefinitionPlan, PlannedField } from './field-plan.ts';
import { itemsLocal, loopCount, loopIndex, pathExpression } from './field-plan.ts';
import type { LongRepresentation } from './long-representation.ts';
import type { SchemaSymbols } from './schema-symbols.ts';
import { tlTypeText } from './type-text.ts';

export const VECTOR_ID = 0x1cb5c415;

export interface WriteMethodContext {
  symbols: SchemaSymbols;
  long: LongRepresentation;
  module: string;
}

/** Statements of `_write(w)` (`withId`) or `_writeBare(w)`. */
export function writeMethodBody(
  id: number,
  plan: DefinitionPlan,
  flagGroups: readonly { flagsField: string; bits: readonly { bit: number; fields: readonly string[] }[] }[],
  withId: boolean,
  context: WriteMethodContext,
): string {
  const c = new CodeLines();
  if (plan.fields.length === 0) {
    if (withId) c.line(`w.uint(${hexLiteral(id)});`);
    return c.toString();
  }
  c.line("let field = '';");
  for (let depth = 0; depth < plan.vectorDepth; depth++) c.line(`let ${loopIndex(depth)} = -1;`);
  c.line('try {');
  c.indent(() => {
    const byName = new Map(plan.fields.map((f) => [f.field.name, f]));
    for (const planned of plan.fields) {
      if (planned.role === 'flags') c.line(`let ${planned.local} = 0;`);
    }
    for (const group of flagGroups) {
      const flagsLocal = byName.get(group.flagsField)!.local;
      for (const bit of group.bits) {
        emitFlagBit(
          c,
          flagsLocal,
          `${group.flagsField}.${bit.bit}`,
          bit.fields.map((name) => byName.get(name)!),
        );
      }
    }
    if (withId) c.line(`w.uint(${hexLiteral(id)});`);
    for (const planned of plan.fields) emitFieldWrite(c, planned, plan, context);
  });
  c.line('} catch (e) {');
  c.indent(() => c.line(`rethrowEncode(e, ${pathExpression(plan.vectorDepth)});`));
  c.line('}');
  return c.toString();
}

/**
 * One bit of a flags word: set when any field on it is present (`true` fields: when `=== true`); on a
 * shared bit every non-`true` field must then be present.
 */
function emitFlagBit(
  c: CodeLines,
  flagsLocal: string,
  flagName: string,
  fields: readonly PlannedField[],
): void {
  const mask = fields[0].condition!.mask;
  for (const planned of fields) {
    if (planned.type.kind === 'true') {
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`if (trueFlag(this.${planned.jsName})) ${flagsLocal} |= ${mask};`);
    } else {
      c.line(`if (this.${planned.jsName} != null) ${flagsLocal} |= ${mask};`);
    }
  }
  const valueFields = fields.filter((f) => f.type.kind !== 'true');
  if (fields.length < 2 || valueFields.length === 0) return;
  const names = `[${fields.map((f) => quote(f.jsName)).join(', ')}]`;
  const values = `[${fields.map((f) => `this.${f.jsName}`).join(', ')}]`;
  c.block(`if ((${flagsLocal} & ${mask}) !== 0)`, () => {
    for (const planned of valueFields) {
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(
        `if (this.${planned.jsName} == null) throw sharedFlagError(${quote(flagName)}, ${quote(planned.jsName)}, ${names}, ${values});`,
      );
    }
  });
}

function emitFieldWrite(
  c: CodeLines,
  planned: PlannedField,
  plan: DefinitionPlan,
  context: WriteMethodContext,
): void {
  const value = `this.${planned.jsName}`;
  switch (planned.role) {
    case 'flags':
      c.line(`w.uint(${planned.local} >>> 0);`);
      return;
    case 'body-length':
      // Written together with the body that follows it.
      return;
    case 'sized-body': {
      const length = plan.fields.find((f) => f.role === 'body-length')!;
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`const bodyLength = writeSizedObject(w, ${value});`);
      c.line(`field = ${quote(length.jsName)};`);
      c.line(`checkBodyLength(this.${length.jsName}, bodyLength);`);
      return;
    }
    case 'raw-rest':
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`w.raw(required(${value}, 'Object (serialized)'));`);
      return;
    case 'value':
      break;
  }
  if (planned.type.kind === 'true') return;
  c.line(`field = ${quote(planned.jsName)};`);
  const condition = planned.condition;
  if (condition === undefined) {
    emitValueWrite(c, planned.type, value, true, 0, context);
    return;
  }
  const test = `(${condition.flagsLocal} & ${condition.mask}) !== 0`;
  if (planned.type.kind === 'vector') {
    c.block(`if (${test})`, () => emitVectorWrite(c, planned.type as VectorType, value, 0, context));
    return;
  }
  // Present per the flags word: primitives get the non-null assertion, object helpers take `unknown`.
  const present = isPrimitive(planned.type) ? `${value}!` : value;
  const single = new CodeLines();
  emitValueWrite(single, planned.type, present, false, 0, context);
  c.line(`if (${test}) ${single.toString()}`);
}

type VectorType = Extract<TlTypeRef, { kind: 'vector' }>;

function isPrimitive(type: TlTypeRef): boolean {
  return type.kind !== 'boxed' && type.kind !== 'bare' && type.kind !== 'object' && type.kind !== 'typeVar';
}

/**
 * Writes `value` of `type`. `required`: the value comes straight from a required field, so a missing
 * value must be reported as 'missing' (helpers for objects and vectors always check that themselves).
 */
function emitValueWrite(
  c: CodeLines,
  type: TlTypeRef,
  value: string,
  required: boolean,
  depth: number,
  context: WriteMethodContext,
): void {
  const checked = required ? `required(${value}, ${quote(tlTypeText(type))})` : value;
  switch (type.kind) {
    case 'int':
    case 'double':
    case 'int128':
    case 'int256':
    case 'bytes':
    case 'string':
      c.line(`w.${type.kind}(${checked});`);
      return;
    case 'Bool':
      c.line(`w.bool(${checked});`);
      return;
    case 'long':
      c.line(context.long.write('w', checked));
      return;
    case 'vector':
      c.block('', () => emitVectorWrite(c, type, value, depth, context));
      return;
    case 'boxed':
      c.line(`${context.symbols.boxedType(type.type).writeIdentifier}(w, ${value});`);
      return;
    case 'bare': {
      const bare = context.symbols.definition(type.constructor).definition;
      c.line(`writeBare(w, ${value}, ${hexLiteral(bare.id)}, ${quote(type.constructor)});`);
      return;
    }
    case 'object':
      c.line(`writeObject(w, ${value});`);
      return;
    case 'typeVar':
      c.line(`writeRequest(w, ${value});`);
      return;
    case 'true':
    case 'flags':
      return;
  }
}

/** The statements of a vector write (inside a block): id if boxed, count, elements with index tracking. */
function emitVectorWrite(
  c: CodeLines,
  type: VectorType,
  value: string,
  depth: number,
  context: WriteMethodContext,
) {
  const items = itemsLocal(depth);
  const index = loopIndex(depth);
  const count = loopCount(depth);
  c.line(`const ${items} = arrayValue(${value}, ${quote(tlTypeText(type))});`);
  // The length is read once: an array that grows while it is written cannot make the count wrong.
  c.line(`const ${count} = ${items}.length;`);
  if (type.boxed) c.line(`w.uint(${hexLiteral(VECTOR_ID)});`);
  c.line(`w.int(${count});`);
  const loop = `for (${index} = 0; ${index} < ${count}; ${index}++)`;
  const element = `${items}[${index}]!`;
  if (type.element.kind === 'vector') {
    const inner = type.element;
    c.block(loop, () => emitVectorWrite(c, inner, element, depth + 1, context));
  } else {
    const single = new CodeLines();
    emitValueWrite(single, type.element, element, false, depth + 1, context);
    c.line(`${loop} ${single.toString()}`);
  }
  c.line(`${index} = -1;`);
}
