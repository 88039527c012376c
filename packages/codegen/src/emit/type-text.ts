// What a `TlTypeRef` becomes in generated code: the TS type of a stored value and of a constructor
// argument, and its TL spelling for error messages.

import type { TlTypeRef } from '../model/schema-model.ts';
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
