// What a `TlTypeRef` becomes in generated code: the TS type of a stored value and of a constructor
// argument, its TL spelling for error messages, and the fewest bytes one value can take on the wire
// (the vector-count guard `r.count(min)`).

import type { TlField, TlSchemaModel, TlTypeRef } from '../model/schema-model.ts';
import type { LongRepresentation } from './long-representation.ts';
import type { SchemaSymbols } from './schema-symbols.ts';

/** The TL spelling of a type, as a schema would write it (`Vector<long>`, `vector<future_salt>`, `!X`). */
export { typeRefText as tlTypeText } from '../model/type-ref-text.ts';

/** TS type of a stored (and decoded) value. */
export function valueTypeText(type: TlTypeRef, symbols: SchemaSymbols, long: LongRepresentation): string {
  switch (type.kind) {
    case 'int':
    case 'double':
    case 'flags':
      return 'number';
    case 'long':
      return long.valueType;
    case 'int128':
    case 'int256':
    case 'bytes':
      return 'Uint8Array';
    case 'string':
      return 'string';
    case 'Bool':
    case 'true':
      return 'boolean';
    case 'vector':
      return `${valueTypeText(type.element, symbols, long)}[]`;
    case 'boxed':
      return symbols.boxedType(type.type).unionRef;
    case 'bare':
      return symbols.definition(type.constructor).classRef;
    case 'object':
      return 'TlBoxedValue';
    case 'typeVar':
      return symbols.typeParameter(type.name);
  }
}

/** TS type a constructor accepts: like the value type, except `long` takes any `LongInput`. */
export function inputTypeText(type: TlTypeRef, symbols: SchemaSymbols, long: LongRepresentation): string {
  if (type.kind === 'long') return long.inputType;
  if (type.kind === 'vector') return `${inputTypeText(type.element, symbols, long)}[]`;
  return valueTypeText(type, symbols, long);
}

/** True when a constructor argument of this type must be converted before it is stored. */
export function needsInputConversion(type: TlTypeRef): boolean {
  if (type.kind === 'long') return true;
  return type.kind === 'vector' && needsInputConversion(type.element);
}

/** The expression storing the argument `expression` (of the input type) as the value type. */
export function convertInput(type: TlTypeRef, expression: string, long: LongRepresentation): string {
  if (type.kind === 'long') return long.convertInput(expression);
  if (type.kind === 'vector' && type.element.kind === 'long') return long.convertInputArray(expression);
  if (type.kind === 'vector' && needsInputConversion(type.element)) {
    return `mapArrayArg(${expression}, (item) => ${convertInput(type.element, 'item', long)})`;
  }
  return expression;
}

/**
 * The fewest bytes one value of `type` takes on the wire, for the vector-count guard. A bare type sums
 * its unconditional fields. The walk keeps its own stack and remembers each constructor's size: a chain
 * of bare types as long as the schema must not overflow the call stack, and two fields of the same bare
 * type must not double the work at every level. A bare type reached again inside itself counts 0 (a
 * lower bound: the guard only needs one).
 */
export function minWireSize(
  type: TlTypeRef,
  model: TlSchemaModel,
  visiting: Set<string> = new Set(),
): number {
  if (type.kind !== 'bare') return fixedMinWireSize(type);
  const sizes = new Map<string, number>();
  const stack: Array<{ name: string; fields: readonly TlField[]; next: number; size: number }> = [];
  /** Starts the walk of a bare constructor, or gives its size when it needs none. */
  const enter = (name: string): number | undefined => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const bare = model.constructorsByName.get(name);
    if (bare === undefined || visiting.has(name)) return 0;
    visiting.add(name);
    stack.push({ name, fields: bare.fields, next: 0, size: 0 });
    return undefined;
  };
  const first = enter(type.constructor);
  if (first !== undefined) return first;
  for (;;) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.fields.length) {
      const field = frame.fields[frame.next++]!;
      if (field.condition !== undefined) continue;
      frame.size +=
        field.type.kind === 'bare' ? (enter(field.type.constructor) ?? 0) : fixedMinWireSize(field.type);
      continue;
    }
    stack.pop();
    visiting.delete(frame.name);
    sizes.set(frame.name, frame.size);
    const parent = stack[stack.length - 1];
    if (parent === undefined) return frame.size;
    parent.size += frame.size;
  }
}

/** `minWireSize` of anything but a bare constructor. */
function fixedMinWireSize(type: TlTypeRef): number {
  switch (type.kind) {
    case 'true':
      return 0;
    case 'long':
    case 'double':
      return 8;
    case 'int128':
      return 16;
    case 'int256':
      return 32;
    case 'vector':
      return type.boxed ? 8 : 4;
    default:
      // int, #, string/bytes (one length byte padded to 4), Bool and every boxed value (an id).
      return 4;
  }
}
