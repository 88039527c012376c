// The body of a generated `static fromReader(r)`: creates the instance through the constructor's
// decoding path (no argument object, no conversions) and assigns every field as it is read, in wire
// order, which is the order the public constructor assigns them in (absent conditional fields and a
// clear `true` bit `undefined`): decoded and constructed objects share one hidden class. Also the
// module-level readers of function results.

import type { TlTypeRef } from '../model/schema-model.ts';
import { CodeLines, quote } from './code-lines.ts';
import { TlEmitError } from './emit-error.ts';
import type { DefinitionPlan, PlannedField } from './field-plan.ts';
import { itemsLocal, loopCount, loopIndex, pathExpression } from './field-plan.ts';
import type { LongRepresentation } from './long-representation.ts';
import type { SchemaSymbols } from './schema-symbols.ts';
import { minWireSize, valueTypeText } from './type-text.ts';

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
  declareLoopVariables(c, plan.vectorDepth);
  c.line('try {');
  c.indent(() => {
    for (const planned of plan.fields) emitFieldRead(c, planned, plan, context);
    c.line(`return ${INSTANCE};`);
  });
  c.line('} catch (e) {');
  c.indent(() => c.line(`return rethrowDecode(e, ${quote(tlName)}, ${pathExpression(plan.vectorDepth)});`));
  c.line('}');
  return c.toString();
}

/** A module-level `function <identifier>(r: TlReader): <type>` reading one function result. */
export function resultReaderFunction(
  identifier: string,
  type: TlTypeRef,
  context: ReadMethodContext,
): string {
  const c = new CodeLines();
  const returnType = valueTypeText(type, context.symbols, context.long);
  c.block(`export function ${identifier}(r: TlReader): ${returnType}`, () => {
    if (type.kind === 'vector') {
      declareLoopVariables(c, vectorNesting(type));
      const items = itemsLocal(0);
      c.line(`const ${items}: ${returnType} = [];`);
      emitVectorFill(c, type, items, 0, context);
      c.line(`return ${items};`);
    } else {
      c.line(`return ${readExpression(type, context)};`);
    }
  });
  return c.toString();
}

function declareLoopVariables(c: CodeLines, depth: number): void {
  for (let d = 0; d < depth; d++) {
    c.line(`let ${loopIndex(d)} = -1;`);
    c.line(`let ${loopCount(d)} = 0;`);
  }
}

function vectorNesting(type: TlTypeRef): number {
  return type.kind === 'vector' ? 1 + vectorNesting(type.element) : 0;
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
      c.line(`${target} = ${local};`);
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
    const read = readExpression(planned.type, context, { target: INSTANCE, key: quote(planned.jsName) });
    c.line(condition === undefined ? `${target} = ${read};` : `${target} = ${test} ? ${read} : undefined;`);
    return;
  }
  // A vector is filled in a local and assigned when complete, still before the next field.
  const vector = planned.type;
  const arrayType = valueTypeText(vector, context.symbols, context.long);
  if (condition === undefined) {
    c.line(`const ${local}: ${arrayType} = [];`);
    emitVectorFill(c, vector, local, 0, context);
    c.line(`${target} = ${local};`);
    return;
  }
  c.block(
    `if (${test})`,
    () => {
      c.line(`const ${local}: ${arrayType} = [];`);
      emitVectorFill(c, vector, local, 0, context);
      c.line(`${target} = ${local};`);
    },
    '} else {',
  );
  c.indent(() => c.line(`${target} = undefined;`));
  c.line('}');
}

/** Reads a vector's id (if boxed) and elements, pushing them onto the array `target`. */
function emitVectorFill(
  c: CodeLines,
  type: VectorType,
  target: string,
  depth: number,
  context: ReadMethodContext,
) {
  const index = loopIndex(depth);
  const count = loopCount(depth);
  if (type.boxed) c.line('r.vectorId();');
  const min = minWireSize(type.element, context.symbols.model);
  const loop = `for (${index} = 0, ${count} = r.count(${min}); ${index} < ${count}; ${index}++)`;
  if (type.element.kind === 'vector') {
    const inner = type.element;
    const items = itemsLocal(depth + 1);
    c.block(loop, () => {
      c.line(`const ${items}: ${valueTypeText(inner, context.symbols, context.long)} = [];`);
      emitVectorFill(c, inner, items, depth + 1, context);
      c.line(`${target}.push(${items});`);
    });
  } else {
    const element = readExpression(type.element, context, { target, key: `${target}.length` });
    c.line(`${loop} ${target}.push(${element});`);
  }
  c.line(`${index} = -1;`);
}

/** Where a value read will be stored: `target[key]` (a field of the instance, or a vector element). */
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
