// The `codecs` module: per boxed type, its reader (a switch over the constructor ids, or a Map for
// types with many constructors) and its writer (the SUBCLASS_OF_ID check), a reader per vector type,
// the readers of function results, and a setter per property that holds a string. Each type has
// functions of its own so that V8 keeps separate feedback for them: a call site there sees a few
// classes, where a helper shared by every type would see all of them.

import type { TlBoxedType, TlSchemaModel } from '../model/schema-model.ts';
import { CodeLines, hexLiteral, quote } from './code-lines.ts';
import type { LongRepresentation } from './long-representation.ts';
import { resultReaderFunction, vectorReaderFunction } from './read-method.ts';
import { CODECS_MODULE, type SchemaSymbols, usesReaderMap } from './schema-symbols.ts';

export function codecsModuleText(
  model: TlSchemaModel,
  symbols: SchemaSymbols,
  long: LongRepresentation,
): string {
  const c = new CodeLines();
  const classValue = (name: string) => symbols.classValue(name, CODECS_MODULE);
  // A prefix declaration shares its id with the definition that reads it (see TlDefinitionBase.prefixOf).
  const readable = (names: readonly string[]) =>
    names.filter((name) => symbols.definition(name).definition.prefixOf === undefined);
  for (const type of model.types) {
    const symbol = symbols.boxedType(type.name);
    const typeName = quote(type.name);
    if (usesReaderMap(type.constructors.length)) {
      // Built on first use: at import the classes of a cycle of modules may not be defined yet, and a
      // program that never reads this type never pays for the map.
      c.line(`/** Constructors of \`${type.name}\`, read by \`${symbol.readIdentifier}\`. */`);
      c.line(`let ${symbol.readersIdentifier}: ReaderRegistry | undefined;`);
      c.line('');
      c.line(
        `/** Reads a boxed \`${type.name}\` (${type.constructors.length} constructors: a Map lookup). */`,
      );
      c.block(`export function ${symbol.readIdentifier}(r: TlReader): ${symbol.unionRef}`, () => {
        c.wrap(
          `${symbol.readersIdentifier} ??= new Map<number, ObjectReader>([`,
          () => {
            for (const name of readable(type.constructors)) {
              const definition = symbols.definition(name);
              c.line(`[${hexLiteral(definition.definition.id)}, ${classValue(name)}.fromReader],`);
            }
          },
          ']);',
        );
        c.line(`return r.typed(${symbol.readersIdentifier}, ${typeName}) as ${symbol.unionRef};`);
      });
    } else {
      c.line(`/** Reads a boxed \`${type.name}\`: the constructor by its id; gzip_packed is inflated. */`);
      c.block(`export function ${symbol.readIdentifier}(r: TlReader): ${symbol.unionRef}`, () => {
        c.line('const id = r.uint();');
        c.line('r.enter();');
        c.block('switch (id)', () => {
          for (const name of readable(type.constructors)) {
            const definition = symbols.definition(name);
            c.line(`case ${hexLiteral(definition.definition.id)}:`);
            c.indent(() => c.line(`return r.leave(${classValue(name)}.fromReader(r));`));
          }
          c.line('default:');
          c.indent(() => c.line(`return r.otherBoxed(id, ${symbol.readIdentifier}, ${typeName});`));
        });
      });
    }
    c.line('');
    if (type.constructors.length === 0) {
      c.line(`/** No constructor builds \`${type.name}\`: nothing can be written as one. */`);
      c.block(
        `export function ${symbol.writeIdentifier}(_w: TlWriter, value: ${symbol.unionRef} | null | undefined): void`,
        () => c.line(`throw boxedValueError(value, ${typeName});`),
      );
      c.line('');
      continue;
    }
    const ids = symbol.constructorIdsIdentifier;
    let check = `value?.SUBCLASS_OF_ID !== ${hexLiteral(symbol.typeId)} || value.classType !== 'constructor'`;
    if (ids !== undefined) {
      c.line(
        `/** Another type has the same SUBCLASS_OF_ID: \`${symbol.writeIdentifier}\` checks these ids too. */`,
      );
      c.line(
        `const ${ids}: ReadonlySet<number> = /*@__PURE__*/ new Set(${constructorIdList(type, symbols)});`,
      );
      c.line('');
      check += ` || !${ids}.has(value.CONSTRUCTOR_ID)`;
    }
    c.line(`/** Writes a boxed \`${type.name}\`: any of its constructors (checked by SUBCLASS_OF_ID). */`);
    c.block(
      `export function ${symbol.writeIdentifier}(w: TlWriter, value: ${symbol.unionRef} | null | undefined): void`,
      () => {
        c.line(`if (${check}) throw boxedValueError(value, ${typeName});`);
        c.line('w.nested(value);');
      },
    );
    c.line('');
  }
  const context = { symbols, long, module: CODECS_MODULE };
  for (const [, reader] of symbols.vectorReaders) {
    c.line(vectorReaderFunction(reader.identifier, reader.type, context));
    c.line('');
  }
  for (const [, reader] of symbols.resultReaders) {
    c.line(resultReaderFunction(reader.identifier, reader.type, context));
    c.line('');
  }
  if (symbols.stringSetters.size > 0) {
    // A string of a large value is assigned once the value is decoded (see the runtime's
    // string-batch.ts), through its property's setter: one store site per property, where a keyed store
    // of every class and property would be a generic lookup.
    c.line('/* Setters of the properties that hold `string` fields. */');
    for (const [property, setter] of symbols.stringSetters) {
      c.line(`export function ${setter}(o: { ${property}: string | undefined }, v: string): void {`);
      c.line(`  o.${property} = v;`);
      c.line('}');
    }
    c.line('');
  }
  return c.toString();
}

/** The ids of a type's constructors as an array literal: `[0x90a6ca84, 0x7600b9d3]`. */
export function constructorIdList(type: TlBoxedType, symbols: SchemaSymbols): string {
  return `[${type.constructors.map((name) => hexLiteral(symbols.definition(name).definition.id)).join(', ')}]`;
}
