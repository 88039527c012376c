// What the emitter would refuse, found without writing anything: names that clash once made safe for
// TypeScript, constructors of one type that write it differently, a generic function without its `!X`
// argument. `tlforge check` reports these with the resolver's diagnostics, so it fails exactly when
// `generate` would; the emitter runs the same function before it prints a file.

import { sortDiagnostics } from '../model/resolve-schema.ts';
import type { TlDefinition, TlSchemaModel } from '../model/schema-model.ts';
import { TlSchemaError } from '../parser/schema-error.ts';
import { type DefinitionPlan, planDefinition } from './field-plan.ts';
import { runtimeTypes, runtimeValues } from './runtime-imports.ts';
import { type DefinitionSymbol, SchemaSymbols } from './schema-symbols.ts';

// `tlforge generate` checks a model and then emits it: the symbol table, the emitter's diagnostics
// and the plan of each definition are worked out once per model (neither is changed once built).
const symbolsOfModel = new WeakMap<TlSchemaModel, SchemaSymbols>();
const checkedSymbols = new WeakMap<
  SchemaSymbols,
  { diagnostics: readonly TlSchemaError[]; plans: ReadonlyMap<TlDefinition, DefinitionPlan> }
>();

/** The symbol table of the generated module for `model`: every name, and the problems with them in `diagnostics`. */
export function schemaSymbols(model: TlSchemaModel): SchemaSymbols {
  let symbols = symbolsOfModel.get(model);
  if (symbols === undefined) {
    symbols = new SchemaSymbols(model, [...runtimeValues, ...runtimeTypes]);
    symbolsOfModel.set(model, symbols);
  }
  return symbols;
}

/** Every problem the emitter would refuse `model` for, as error diagnostics in file and position order. */
export function emitDiagnostics(
  model: TlSchemaModel,
  symbols: SchemaSymbols = schemaSymbols(model),
): TlSchemaError[] {
  let checked = checkedSymbols.get(symbols);
  if (checked === undefined) {
    checked = checkSymbols(model, symbols);
    checkedSymbols.set(symbols, checked);
  }
  return [...checked.diagnostics];
}

/**
 * The field plan of `symbol`'s definition, as `emitDiagnostics` made it when it found no problem
 * with it (the emitter runs only on such models); planned here otherwise.
 */
export function definitionPlan(symbols: SchemaSymbols, symbol: DefinitionSymbol): DefinitionPlan {
  const plan = checkedSymbols.get(symbols)?.plans.get(symbol.definition);
  if (plan !== undefined) return plan;
  return planDefinition(symbol.definition, symbol.className, moduleNamesOf(symbols));
}

function moduleNamesOf(symbols: SchemaSymbols): { has(name: string): boolean } {
  return { has: (name: string) => symbols.isModuleName(name) };
}

function checkSymbols(
  model: TlSchemaModel,
  symbols: SchemaSymbols,
): { diagnostics: TlSchemaError[]; plans: Map<TlDefinition, DefinitionPlan> } {
  const diagnostics = [...symbols.diagnostics];
  const plans = new Map<TlDefinition, DefinitionPlan>();
  const moduleNames = moduleNamesOf(symbols);
  for (const definition of [...model.constructors, ...model.functions]) {
    const symbol = symbols.definitions.get(definition.name);
    if (symbol === undefined) continue;
    const before = diagnostics.length;
    const plan = planDefinition(definition, symbol.className, moduleNames, diagnostics);
    // A plan with a clash is not the emitter's: it throws on that definition instead.
    if (diagnostics.length === before) plans.set(definition, plan);

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
  return { diagnostics: sortDiagnostics(diagnostics, model.files), plans };
}

/**
 * The resolver's diagnostics with the emitter's: what `check` reports and what `generate` refuses on.
 * In file and position order, as the resolver sorts its own.
 */
export function schemaDiagnostics(model: TlSchemaModel, resolved: readonly TlSchemaError[]): TlSchemaError[] {
  return sortDiagnostics([...resolved, ...emitDiagnostics(model)], model.files);
}
