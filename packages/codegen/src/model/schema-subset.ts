// `--only`: the part of a schema a program needs. The closure of the named methods, constructors and
// types: their fields, their results, and every constructor of each boxed type they reach (a reader
// must know all of them). The result is a model like any other, for the emitter; what it left out
// is listed so that the generated decoder can say that an id is outside the subset.

import type { TlBoxedType, TlConstructor, TlFunction, TlSchemaModel, TlTypeRef } from './schema-model.ts';

export interface SchemaSubset {
  model: TlSchemaModel;
  /** Names given that are no method, constructor or type of the schema, in the order given. */
  unknown: string[];
  /** Ids of the schema's constructors and functions that the subset leaves out. */
  leftOut: number[];
}

/** The subset of `model` that `names` (TL names of methods, constructors or boxed types) need. */
export function schemaSubset(model: TlSchemaModel, names: readonly string[]): SchemaSubset {
  const constructors = new Set<string>();
  const functions = new Set<string>();
  const types = new Set<string>();
  const unknown: string[] = [];
  const pending: TlTypeRef[] = [];

  const addConstructor = (name: string) => {
    const ctor = model.constructorsByName.get(name);
    if (ctor === undefined || constructors.has(name)) return;
    constructors.add(name);
    addType(ctor.type);
    for (const field of ctor.fields) pending.push(field.type);
  };
  const addType = (name: string) => {
    const type = model.typesByName.get(name);
    if (type === undefined || types.has(name)) return;
    types.add(name);
    for (const ctor of type.constructors) addConstructor(ctor);
  };

  for (const name of names) {
    const fn = model.functionsByName.get(name);
    if (fn !== undefined) {
      functions.add(name);
      for (const field of fn.fields) pending.push(field.type);
      pending.push(fn.result);
    } else if (model.constructorsByName.has(name)) {
      addConstructor(name);
    } else if (model.typesByName.has(name)) {
      addType(name);
    } else {
      unknown.push(name);
    }
    while (pending.length > 0) {
      const type = pending.pop()!;
      if (type.kind === 'vector') pending.push(type.element);
      else if (type.kind === 'boxed') addType(type.type);
      else if (type.kind === 'bare') addConstructor(type.constructor);
    }
  }

  const keptConstructors = model.constructors.filter((c) => constructors.has(c.name));
  const keptFunctions = model.functions.filter((f) => functions.has(f.name));
  const keptTypes = model.types.filter((t) => types.has(t.name));
  const leftOut = [...model.constructors, ...model.functions]
    .filter((d) => !constructors.has(d.name) && !functions.has(d.name))
    .map((d) => d.id);
  return {
    model: {
      ...model,
      constructors: keptConstructors,
      functions: keptFunctions,
      types: keptTypes,
      constructorsByName: byName<TlConstructor>(keptConstructors),
      functionsByName: byName<TlFunction>(keptFunctions),
      typesByName: byName<TlBoxedType>(keptTypes),
    },
    unknown,
    leftOut,
  };
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}
