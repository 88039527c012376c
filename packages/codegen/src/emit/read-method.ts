// The body of a generated `static fromReader(r)`: creates the instance through the constructor's
// decoding path (no argument object, no conversions) and assigns every field as it is read, in wire
// order, which is the order the public constructor assigns them in (absent conditional fields and a
// clear `true` bit `undefined`): decoded and constructed objects share one hidden class. Also the
// module-level readers of function results.

import type { TlTypeRef } from '../model/schema-model.ts';
import { minWireSize } from '../model/wire-size.ts';
import { CodeLines, quote } from './code-lines.ts';
import { TlEmitError } from './emit-error.ts';
import type { DefinitionPlan, PlannedField } from './field-plan.ts';
import type { LongRepresentation } from './long-representation.ts';
import type { SchemaSymbols } from './schema-symbols.ts';
import { valueTypeText } from './type-text.ts';

export interface ReadMethodContext {
  symbols: SchemaSymbols;
  long: LongRepresentation;
  /** The generated module the code is written into. */
  module: string;
}

type VectorType = Extract<TlTypeRef, { kind: 'vector' }>;

/** The reader's local holding the instance being filled. */
const INSTANCE = 'o';
/** The module-level token that makes a generated constructor skip its arguments (see module-helpers.ts). */
export const DECODING = 'decoding';

/** Statements of `static fromReader(r: TlReader)` for the class `className` of the TL definition `tlName`. */
export function readMethodBody(
  tlName: string,
  className: string,
  plan: DefinitionPlan,
  context: ReadMethodContext,
): string {
  const c = new CodeLines();
  if (plan.stored.length === 0 && plan.fields.length === 0) {
    c.line(`return new ${className}();`);
    return c.toString();
  }
  c.line(
    `const ${INSTANCE} = ${plan.stored.length === 0 ? `new ${className}()` : `new ${className}(${DECODING})`};`,
  );
  c.line("let field = '';");
  c.line('try {');
  c.indent(() => {
    for (const planned of plan.fields) emitFieldRead(c, planned, plan, context);
    c.line(`return ${INSTANCE};`);
  });
  c.line('} catch (e) {');
  // A vector reader adds the element index to the error itself (rethrowElement).
  c.line(`  return rethrowDecode(e, ${quote(tlName)}, field);`);
  c.line('}');
  return c.toString();
}

/** A module-level `function <identifier>(r: TlReader): <type>` reading one (non-vector) function result. */
export function resultReaderFunction(
  identifier: string,
  type: TlTypeRef,
  context: ReadMethodContext,
): string {
  const c = new CodeLines();
  c.block(
    `export function ${identifier}(r: TlReader): ${valueTypeText(type, context.symbols, context.long)}`,
    () => {
      c.line(`return ${readExpression(type, context)};`);
    },
  );
  return c.toString();
}

/**
 * A module-level reader of one vector type, shared by every field, element and result of that type.
 * A gzip_packed standing where a boxed vector is expected is read whole by the same function from its
 * inflated data (`r.packed`), so a packed vector can never continue outside its gzip. A failing
 * element adds its index to the error (`messages[3]` once the field name is known).
 */
export function vectorReaderFunction(
  identifier: string,
  type: VectorType,
  context: ReadMethodContext,
): string {
  const c = new CodeLines();
  const arrayType = valueTypeText(type, context.symbols, context.long);
  c.block(`export function ${identifier}(r: TlReader): ${arrayType}`, () => {
    if (type.boxed) c.line(`if (!r.vectorId()) return r.packed(${identifier});`);
    c.line('let i = 0;');
    c.line('try {');
    const min = minWireSize(type.element, context.symbols.model);
    const element =
      type.element.kind === 'vector'
        ? `${context.symbols.vectorReader(type.element)}(r)`
        : readExpression(type.element, context, { target: 'items', key: 'i' });
    c.line(`  const n = r.count(${min});`);
    // Allocated at its size: grown by `push`, the array would be copied as it grows and keep spare slots.
    c.line(`  const items: ${arrayType} = new Array(n);`);
    c.line(`  for (; i < n; i++) items[i] = ${element};`);
    c.line('  return items;');
    c.line('} catch (e) {');
    c.line('  return rethrowElement(e, i);');
    c.line('}');
  });
  return c.toString();
}

/** The bits of the `#` field `flagsField` that some conditional field of the definition is on. */
function usedFlagBits(plan: DefinitionPlan, flagsField: string): number {
  let used = 0;
  for (const f of plan.fields)
    if (f.field.condition?.flagsField === flagsField) used |= 1 << f.field.condition.bit;
  return used;
}

function emitFieldRead(
  c: CodeLines,
  planned: PlannedField,
  plan: DefinitionPlan,
  context: ReadMethodContext,
): void {
  const { local, condition } = planned;
  const target = `${INSTANCE}.${planned.jsName}`;
  switch (planned.role) {
    case 'flags': {
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`const ${local} = r.uint();`);
      // A bit no field uses would be dropped on re-encoding: strict mode rejects it (see unknownFlagBits).
      const unused = ~usedFlagBits(plan, planned.field.name) >>> 0;
      if (unused !== 0) {
        const mask = `0x${unused.toString(16)}`;
        c.line(`if ((${local} & ${mask}) !== 0) unknownFlagBits(r, ${local}, ${mask});`);
      }
      return;
    }
    case 'body-length':
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`const ${local} = r.int();`);
      // A body that arrived gzip-packed is written back unpacked, so its length is left to the writer.
      c.line(`${target} = r.packedNext() ? undefined : ${local};`);
      return;
    case 'sized-body': {
      const length = plan.fields.find((f) => f.role === 'body-length')!;
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`${target} = r.objectWithin(${length.local}) as TlBoxedValue;`);
      return;
    }
    case 'raw-rest':
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`${target} = r.rest();`);
      return;
    case 'value':
      break;
  }
  const test = condition === undefined ? '' : `(${condition.flagsLocal} & ${condition.mask}) !== 0`;
  if (planned.type.kind === 'true') {
    c.line(`${target} = ${test} ? true : undefined;`);
    return;
  }
  c.line(`field = ${quote(planned.jsName)};`);
  if (planned.type.kind !== 'vector') {
    const slot =
      planned.type.kind === 'string'
        ? { target: INSTANCE, key: context.symbols.stringSetter(planned.jsName) }
        : undefined;
    const read = readExpression(planned.type, context, slot);
    c.line(condition === undefined ? `${target} = ${read};` : `${target} = ${test} ? ${read} : undefined;`);
    return;
  }
  const read = `${context.symbols.vectorReader(planned.type)}(r)`;
  c.line(condition === undefined ? `${target} = ${read};` : `${target} = ${test} ? ${read} : undefined;`);
}

/**
 * Where a string read will be stored: a field of the instance (`key` is the property's setter) or a
 * vector element (`key` is its index).
 */
interface ValueSlot {
  target: string;
  key: string;
}

/**
 * An expression reading one non-vector value. A string read for a slot uses `r.stringField`, which may
 * decode it with the other strings of the value and assign it when the value is complete.
 */
function readExpression(type: TlTypeRef, context: ReadMethodContext, slot?: ValueSlot): string {
  switch (type.kind) {
    case 'string':
      return slot === undefined ? 'r.string()' : `r.stringField(${slot.target}, ${slot.key})`;
    case 'int':
    case 'double':
    case 'int128':
    case 'int256':
    case 'bytes':
      return `r.${type.kind}()`;
    case 'Bool':
      return 'r.bool()';
    case 'long':
      return context.long.read('r');
    case 'boxed':
      return `${context.symbols.boxedType(type.type).readIdentifier}(r)`;
    case 'bare':
      return `${context.symbols.classValue(type.constructor, context.module)}.fromReader(r)`;
    case 'object':
      return 'r.object() as TlBoxedValue';
    case 'typeVar':
      return 'readRequest(r)';
    case 'flags':
      return 'r.uint()';
    case 'true':
      return 'true';
    case 'vector':
      throw new TlEmitError(
        'unsupported-definition',
        'a vector is read by emitVectorFill, not as an expression',
      );
  }
}
