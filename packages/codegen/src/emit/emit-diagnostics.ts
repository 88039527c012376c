// What the emitter would refuse, found without writing anything: names that clash once made safe for
// TypeScript, constructors of one type that write it differently, a generic function without its `!X`
// argument. `tlforge check` reports these with the resolver's diagnostics, so it fails exactly when
// `generate` would; the emitter runs the same function before it prints a file.

import { sortDiagnostics } from '../model/resolve-schema.ts';
import type { TlSchemaModel } from '../model/schema-model.ts';
import { TlSchemaError } from '../parser/schema-error.ts';
import { planDefinition } from './field-plan.ts';
import { runtimeTypes, runtimeValues } from './runtime-imports.ts';
import { SchemaSymbols } from './schema-symbols.ts';

/** The symbol table of the generated module for `model`: every name, and the problems with them in `diagnostics`. */
export function schemaSymbols(model: TlSchemaModel): SchemaSymbols {
  return new SchemaSymbols(model, [...runtimeValues, ...runtimeTypes]);
}

/** Every problem the emitter would refuse `model` for, as error diagnostics in file and position order. */
export function emitDiagnostics(
  model: TlSchemaModel,
  symbols: SchemaSymbols = schemaSymbols(model),
): TlSchemaError[] {
  const diagnostics = [...symbols.diagnostics];
  const moduleNames = { has: (name: string) => symbols.isModuleName(name) };
  for (const definition of [...model.constructors, ...model.functions]) {
    const symbol = symbols.definitions.get(definition.name);
    if (symbol === undefined) continue;
    planDefinition(definition, symbol.className, moduleNames, diagnostics);

    const typeParams = new Map<string, string>();
    for (const name of definition.typeParams) {
      const typeName = symbols.typeParameter(name);
      const other = typeParams.get(typeName);
      if (other !== undefined && other !== name) {
        diagnostics.push(
          new TlSchemaError(
            'name-clash',
            definition.position,
            `type parameters ${other} and ${name} of ${definition.name} would both be named ${typeName}`,
            name,
          ),
        );
      }
      typeParams.set(typeName, name);
    }

    if (definition.kind === 'function' && definition.result.kind === 'typeVar') {
      const { name } = definition.result;
      const query = definition.fields.some((f) => f.type.kind === 'typeVar' && f.type.name === name);
      if (!query) {
        diagnostics.push(
          new TlSchemaError(
            'unsupported-definition',
            definition.position,
            `${definition.name} returns ${name} but has no !${name} argument to read it with`,
            definition.source,
          ),
        );
      }
    }
  }
  return sortDiagnostics(diagnostics, model.files);
}

/**
 * The resolver's diagnostics with the emitter's: what `check` reports and what `generate` refuses on.
 * In file and position order, as the resolver sorts its own.
 */
export function schemaDiagnostics(model: TlSchemaModel, resolved: readonly TlSchemaError[]): TlSchemaError[] {
  return sortDiagnostics([...resolved, ...emitDiagnostics(model)], model.files);
}
