// The `json` module: `fromJson`, which reads any object of the schema from its JSON form, and
// `jsonClasses`, every class by TL name, which a class's own `fromJson` needs for the objects nested in
// its fields. Only a program that calls one of the two pays for every class: the table is built on first
// use and nothing else refers to it (the classes' JSON methods are the runtime's, json-class.ts).

import type { TlSchemaModel } from '../model/schema-model.ts';
import { CodeLines, quote } from './code-lines.ts';
import { API_NAMESPACE, type SchemaSymbols } from './schema-symbols.ts';

export function jsonModuleText(model: TlSchemaModel, symbols: SchemaSymbols, module: string): string {
  const c = new CodeLines();
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
    " * class's `fromJson` to read the objects in its fields (`Api.messages.StartBot.fromJson(json, jsonClasses())`).",
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
