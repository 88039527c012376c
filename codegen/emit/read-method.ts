// The body of a generated `static fromReader(r)`: reads every field into a local in wire order (absent
// conditional fields `undefined`, a clear `true` bit `undefined`), then constructs the class, so every
// decoded object of one class has the same shape. Also the module-level readers of function results.

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
}

type VectorType = Extract<TlTypeRef, { kind: 'vector' }>;

/** Statements of `static fromReader(r: TlReader)` for the class `className` of the TL definition `tlName`. */
export function readMethodBody(
  tlName: string,
  className: string,
  plan: DefinitionPlan,
  context: ReadMethodContext,
): string {
  const c = new CodeLines();
  if (plan.fields.length === 0) {
    c.line(`return new ${className}();`);
    return c.toString();
  }
  c.line("let field = '';");
  declareLoopVariables(c, plan.vectorDepth);
  c.line('try {');
  c.indent(() => {
    for (const planned of plan.fields) emitFieldRead(c, planned, plan, context);
    const args = plan.stored.map((f) => (f.local === f.jsName ? f.jsName : `${f.jsName}: ${f.local}`));
    c.line(
      args.length === 0 ? `return new ${className}();` : `return new ${className}({ ${args.join(', ')} });`,
    );
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
  c.block(`function ${identifier}(r: TlReader): ${returnType}`, () => {
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
      return;
    case 'sized-body': {
      const length = plan.fields.find((f) => f.role === 'body-length')!;
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`const ${local} = r.objectWithin(${length.local}) as TlObject;`);
      return;
    }
    case 'raw-rest':
      c.line(`field = ${quote(planned.jsName)};`);
      c.line(`const ${local} = r.rest();`);
      return;
    case 'value':
      break;
  }
  const test = condition === undefined ? '' : `(${condition.flagsLocal} & ${condition.mask}) !== 0`;
  if (planned.type.kind === 'true') {
    c.line(`const ${local} = ${test} ? true : undefined;`);
    return;
  }
  c.line(`field = ${quote(planned.jsName)};`);
  if (planned.type.kind !== 'vector') {
    const read = readExpression(planned.type, context);
    c.line(
      condition === undefined
        ? `const ${local} = ${read};`
        : `const ${local} = ${test} ? ${read} : undefined;`,
    );
    return;
  }
  const vector = planned.type;
  const arrayType = valueTypeText(vector, context.symbols, context.long);
  if (condition === undefined) {
    c.line(`const ${local}: ${arrayType} = [];`);
    emitVectorFill(c, vector, local, 0, context);
    return;
  }
  c.line(`let ${local}: ${arrayType} | undefined;`);
  c.block(`if (${test})`, () => {
    c.line(`${local} = [];`);
    emitVectorFill(c, vector, local, 0, context);
  });
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
    c.line(`${loop} ${target}.push(${readExpression(type.element, context)});`);
  }
  c.line(`${index} = -1;`);
}

/** An expression reading one non-vector value. */
function readExpression(type: TlTypeRef, context: ReadMethodContext): string {
  switch (type.kind) {
    case 'int':
    case 'double':
    case 'int128':
    case 'int256':
    case 'bytes':
    case 'string':
      return `r.${type.kind}()`;
    case 'Bool':
      return 'r.bool()';
    case 'long':
      return context.long.read('r');
    case 'boxed': {
      const symbol = context.symbols.boxedType(type.type);
      return `r.typed(${symbol.readersIdentifier}, ${quote(type.type)}) as ${symbol.unionRef}`;
    }
    case 'bare':
      return `${context.symbols.definition(type.constructor).classRef}.fromReader(r)`;
    case 'object':
      return 'r.object() as TlObject';
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
