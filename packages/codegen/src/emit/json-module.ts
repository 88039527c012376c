// The `json` module: per boxed type, the reader of its JSON form (a switch over `_`, the constructor's
// TL name), which class methods call for fields of that type; and `fromJson` with `jsonClasses`, which
// know every class of the schema by TL name. Only a program that calls those two pays for every class:
// the table is built on first use and nothing else refers to it.

import type { TlSchemaModel } from '../model/schema-model.ts';
import { CodeLines, quote } from './code-lines.ts';
import { jsonTypeReader } from './json-symbols.ts';
import { API_NAMESPACE, type SchemaSymbols } from './schema-symbols.ts';

export function jsonModuleText(model: TlSchemaModel, symbols: SchemaSymbols, module: string): string {
  const c = new CodeLines();
  for (const type of model.types) {
    const symbol = symbols.boxedType(type.name);
    const reader = jsonTypeReader(symbols, type.name);
    c.line(`/** Reads a \`${type.name}\` from its JSON form: the constructor named by \`_\`. */`);
    if (type.constructors.length === 0) {
      c.line(`/** No constructor builds \`${type.name}\`: no JSON reads as one. */`);
      c.block(
        `export function ${reader}(json: unknown, _classes: TlJsonClasses | undefined): ${symbol.unionRef}`,
        () => c.line(`throw unexpectedJsonConstructor(jsonConstructorName(json), ${quote(type.name)});`),
      );
      c.line('');
      continue;
    }
    c.block(
      `export function ${reader}(json: unknown, classes: TlJsonClasses | undefined): ${symbol.unionRef}`,
      () => {
        c.line('const name = jsonConstructorName(json);');
        c.block('switch (name)', () => {
          for (const name of type.constructors) {
            c.line(`case ${quote(name)}:`);
            c.indent(() => c.line(`return ${symbols.classValue(name, module)}.fromJson(json, classes);`));
          }
          c.line('default:');
          c.indent(() => c.line(`throw unexpectedJsonConstructor(name, ${quote(type.name)});`));
        });
      },
    );
    c.line('');
  }
  c.line('/**');
  c.line(
    ' * Reads any constructor or function call of the schema from its JSON form (what `toJSON()` gives, as',
  );
  c.line(
    ' * a value or as JSON text): the class named by `_`, every nested object by its own `_`. Errors are',
  );
  c.line(' * `TlJsonError`s naming the path (`messages.startBot.bot.access_hash: …`).');
  c.line(' */');
  c.block(`export function fromJson(json: unknown): ${API_NAMESPACE}.AnyObject`, () => {
    c.line("const value = typeof json === 'string' ? parseJsonText(json) : json;");
    c.line(`return anyObjectFromJson(value, jsonClasses()) as ${API_NAMESPACE}.AnyObject;`);
  });
  c.line('');
  c.line('let classTable: TlJsonClasses | undefined;');
  c.line('');
  c.line('/**');
  c.line(' * Every class by the TL name of its constructor or function, built on first use: pass it to a');
  c.line(
    " * class's `fromJson` to read `Object` and `!X` values (`Api.InvokeWithLayer.fromJson(json, jsonClasses())`).",
  );
  c.line(' */');
  c.block('export function jsonClasses(): TlJsonClasses', () => {
    c.line('if (classTable === undefined) classTable = buildJsonClasses();');
    c.line('return classTable;');
  });
  c.line('');
  // One `set` per class rather than one array literal: a literal of 2000 classes is a union type
  // TypeScript refuses to build.
  c.block('function buildJsonClasses(): Map<string, TlJsonClass>', () => {
    c.line('const classes = new Map<string, TlJsonClass>();');
    for (const definition of [...model.constructors, ...model.functions]) {
      c.line(`classes.set(${quote(definition.name)}, ${symbols.classValue(definition.name, module)});`);
    }
    c.line('return classes;');
  });
  return c.toString();
}
