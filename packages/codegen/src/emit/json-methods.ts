// The JSON methods of a generated class: `toJSON()` and `static fromJson(json, classes?)`, one call per
// field into the runtime's TlJsonWriter / TlJsonReader with the converter of the field's type (the
// JSON form is described in the runtime's json-value.ts). A method names its own class, the runtime,
// and for fields of a boxed type that type's JSON reader (json module) or for a bare field that
// constructor's class: the classes its fields can hold, as `fromReader` does, and no table of every
// class. `Object` and `!X` values are read through the `classes` the caller passes.

import type { TlTypeRef } from '../model/schema-model.ts';
import { quote } from './code-lines.ts';
import type { ClassContext } from './definition-class.ts';
import type { DefinitionPlan, PlannedField } from './field-plan.ts';
import { jsonTypeReader } from './json-symbols.ts';
import type { DefinitionSymbol } from './schema-symbols.ts';

interface JsonMethodText {
  signature: string;
  body: string;
}

export function jsonMethods(
  symbol: DefinitionSymbol,
  plan: DefinitionPlan,
  context: ClassContext,
  localClass: string,
): JsonMethodText[] {
  return [toJsonMethod(symbol, plan), fromJsonMethod(symbol, plan, context, localClass)];
}

/** Conditional fields (and `message.bytes`, computed on write) may be absent from the JSON too. */
function isOptional(planned: PlannedField): boolean {
  return planned.condition !== undefined || planned.role === 'body-length';
}

function toJsonMethod(symbol: DefinitionSymbol, plan: DefinitionPlan): JsonMethodText {
  const name = quote(symbol.definition.name);
  const signature = 'toJSON(): TlJsonObject';
  if (plan.stored.length === 0) return { signature, body: `return { _: ${name} };` };
  const lines = [`const j = new TlJsonWriter(${name});`];
  for (const planned of plan.stored) {
    const key = quote(planned.field.name);
    const value = `this.${planned.jsName}`;
    const { type } = planned;
    if (type.kind === 'true') lines.push(`j.flag(${key}, ${value});`);
    else if (type.kind === 'vector') {
      const method = isOptional(planned) ? 'optionalVector' : 'vector';
      lines.push(`j.${method}(${key}, ${value}, ${toJsonConverter(type.element)});`);
    } else {
      const method = isOptional(planned) ? 'optional' : 'field';
      lines.push(`j.${method}(${key}, ${value}, ${toJsonConverter(type)});`);
    }
  }
  lines.push('return j.json;');
  return { signature, body: lines.join('\n') };
}

function fromJsonMethod(
  symbol: DefinitionSymbol,
  plan: DefinitionPlan,
  context: ClassContext,
  localClass: string,
): JsonMethodText {
  const name = quote(symbol.definition.name);
  const signature = `static fromJson(json: unknown, classes?: TlJsonClasses): ${localClass}`;
  if (plan.stored.length === 0) {
    return { signature, body: `return new TlJsonReader(json, ${name}, classes).end(new ${localClass}());` };
  }
  const lines = [
    `const j = new TlJsonReader(json, ${name}, classes);`,
    'return j.end(',
    `  new ${localClass}({`,
  ];
  for (const planned of plan.stored) {
    const key = quote(planned.field.name);
    const { type } = planned;
    let read: string;
    if (type.kind === 'true') read = `j.flag(${key})`;
    else if (type.kind === 'vector') {
      const method = isOptional(planned) ? 'optionalVector' : 'vector';
      read = `j.${method}(${key}, ${fromJsonReader(type.element, context)})`;
    } else {
      const method = isOptional(planned) ? 'optional' : 'field';
      read = `j.${method}(${key}, ${fromJsonReader(type, context)})`;
    }
    lines.push(`    ${planned.jsName}: ${read},`);
  }
  lines.push('  }),', ');');
  return { signature, body: lines.join('\n') };
}

/** The runtime converter of one value of `type` to JSON. */
function toJsonConverter(type: TlTypeRef): string {
  switch (type.kind) {
    case 'int':
    case 'flags':
      return 'intToJson';
    case 'long':
      return 'longToJson';
    case 'double':
      return 'doubleToJson';
    case 'int128':
      return 'int128ToJson';
    case 'int256':
      return 'int256ToJson';
    case 'string':
      return 'stringToJson';
    case 'bytes':
      return 'bytesToJson';
    case 'Bool':
    case 'true':
      return 'boolToJson';
    case 'vector':
      return `vectorToJson(${toJsonConverter(type.element)})`;
    case 'boxed':
    case 'bare':
    case 'typeVar':
      return 'objectToJson';
    case 'object':
      return 'boxedValueToJson';
  }
}

/** The reader of one value of `type` from JSON: a runtime reader, a type's JSON reader or a bare class's `fromJson`. */
function fromJsonReader(type: TlTypeRef, context: ClassContext): string {
  switch (type.kind) {
    case 'int':
    case 'flags':
      return 'intFromJson';
    case 'long':
      return 'longFromJson';
    case 'double':
      return 'doubleFromJson';
    case 'int128':
      return 'int128FromJson';
    case 'int256':
      return 'int256FromJson';
    case 'string':
      return 'stringFromJson';
    case 'bytes':
      return 'bytesFromJson';
    case 'Bool':
    case 'true':
      return 'boolFromJson';
    case 'vector':
      return `vectorFromJson(${fromJsonReader(type.element, context)})`;
    case 'boxed':
      return jsonTypeReader(context.symbols, type.type);
    case 'bare':
      return `${context.symbols.classValue(type.constructor, context.module)}.fromJson`;
    case 'typeVar':
      return 'requestFromJson';
    case 'object':
      return 'boxedValueFromJson';
  }
}
