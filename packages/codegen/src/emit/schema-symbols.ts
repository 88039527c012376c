// Every name the generated module declares, decided once before any code is written: the TS class of
// each definition, the union and reader map of each boxed type, the result readers of functions.
// Two TL names that would become the same TS name are a TlEmitError rather than broken output.

import { crc32 } from '../crc32.ts';
import type { TlDefinition, TlSchemaModel, TlTypeRef } from '../model/schema-model.ts';
import { TlEmitError } from './emit-error.ts';
import { className, qualifiedClassName, tlNameIdentifier, unionTypeName } from './naming.ts';
import { tlTypeText } from './type-text.ts';

/** The namespace holding everything: `Api.messages.StartBot`. */
export const API_NAMESPACE = 'Api';

export interface DefinitionSymbol {
  definition: TlDefinition;
  /** Class name inside its namespace: `StartBot`. */
  className: string;
  /** GramJS `className`: `messages.StartBot`. */
  qualifiedClassName: string;
  /** The class as a type, from any generated file: `Api.messages.StartBot`. */
  classRef: string;
  /** The class as a value outside its own file, under one schema-wide name: `messages$StartBot`, `$User`. */
  valueIdentifier: string;
  /** The generated module that declares it: `api` (the root namespace) or `api/messages`. */
  module: string;
}

export interface BoxedTypeSymbol {
  name: string;
  namespace: string | undefined;
  /** Union name inside its namespace: `TypeMessages`. */
  unionName: string;
  /** `Api.messages.TypeMessages`. */
  unionRef: string;
  /** Module-level function reading one boxed value of the type: `read$messages$Messages`. */
  readIdentifier: string;
  /** Module-level function checking and writing one boxed value of the type: `write$messages$Messages`. */
  writeIdentifier: string;
  /** Module-level `ReaderRegistry` of the type's constructors, for types read through a map (see `usesReaderMap`). */
  readersIdentifier: string;
  /** The `SUBCLASS_OF_ID` every constructor of the type has (CRC32 of the type's name): the encode check. */
  typeId: number;
  /**
   * Set when another type has the same `typeId` (`Message` and `mtproto.Message` both write `Message`):
   * the module-level set of the type's constructor ids, which the writer then checks as well.
   */
  constructorIdsIdentifier?: string;
}

/**
 * A type reader picks the constructor with a `switch`, which V8 runs as one comparison after another:
 * faster than a Map lookup and an indirect call for a few cases, slower for many. Types with more
 * constructors than this (`Update`, `MessageAction`, …) are read through a Map.
 */
export const MAX_SWITCH_CONSTRUCTORS = 32;

export function usesReaderMap(constructorCount: number): boolean {
  return constructorCount > MAX_SWITCH_CONSTRUCTORS;
}

/** The result type as the declaration writes it (`Updates`, `Vector<long>`, `X`): GramJS hashes this text. */
export function resultTypeText(definition: TlDefinition): string {
  const source = definition.source.replace(/;\s*$/, '');
  const equals = source.lastIndexOf('=');
  if (equals < 0) return definition.kind === 'constructor' ? definition.type : tlTypeText(definition.result);
  return source.slice(equals + 1).trim();
}

/** The module holding the classes and unions of a TL namespace (`undefined`: the root). */
export function namespaceModule(namespace: string | undefined): string {
  return namespace === undefined ? ROOT_MODULE : `${ROOT_MODULE}/${namespace}`;
}

/** The module of the root namespace; TL namespaces are modules in the folder of the same name. */
export const ROOT_MODULE = 'api';
/** Readers and writers of boxed types and function results. */
export const CODECS_MODULE = 'codecs';
/** The reader registry of every constructor and function, and `deserialize`. */
export const REGISTRY_MODULE = 'registry';
export const INDEX_MODULE = 'index';

/** Identifiers the emitter itself declares or imports in generated modules. */
export const fixedModuleIdentifiers: readonly string[] = [
  API_NAMESPACE,
  'LAYER',
  'deserialize',
  'registry',
  'globalRegistry',
  'buildRegistry',
  'Uint8Array',
  'Map',
  'Set',
  'Object',
];

export class SchemaSymbols {
  readonly definitions = new Map<string, DefinitionSymbol>();
  readonly boxedTypes = new Map<string, BoxedTypeSymbol>();
  /** Namespaces in order of first appearance (`undefined` = the root of `Api`). */
  readonly namespaces: Array<string | undefined> = [undefined];
  /** Constructors that appear bare somewhere: their classes get a `_writeBare` method. */
  readonly bareConstructors = new Set<string>();
  /** Module-level function name of each distinct function result reader, by TL result text. */
  readonly resultReaders = new Map<string, { identifier: string; type: TlTypeRef }>();
  /** Every identifier declared at module level, so locals and namespace members avoid them. */
  readonly moduleIdentifiers = new Set<string>(fixedModuleIdentifiers);

  constructor(
    readonly model: TlSchemaModel,
    /** Runtime imports and module helpers the generated code refers to. */
    moduleNames: readonly string[],
  ) {
    for (const name of moduleNames) this.moduleIdentifiers.add(name);
    const members = new Map<string | undefined, Map<string, string>>();
    const claim = (namespace: string | undefined, name: string, owner: string, definition?: TlDefinition) => {
      let names = members.get(namespace);
      if (names === undefined) {
        names = new Map();
        members.set(namespace, names);
        if (!this.namespaces.includes(namespace)) this.namespaces.push(namespace);
      }
      const previous = names.get(name) ?? this.clashingModuleName(name);
      if (previous !== undefined) {
        const where = namespace === undefined ? API_NAMESPACE : `${API_NAMESPACE}.${namespace}`;
        throw new TlEmitError(
          'name-clash',
          `${owner} and ${previous} would both be named ${where}.${name}`,
          definition?.position,
        );
      }
      names.set(name, owner);
    };
    claim(undefined, 'AnyConstructor', 'the union of all constructors');
    claim(undefined, 'AnyRequest', 'the union of all functions');
    claim(undefined, 'AnyObject', 'the union of all constructors and functions');

    const typesById = new Map<number, number>();
    for (const type of model.types) {
      const typeId = this.boxedTypeId(type.name, type.constructors);
      typesById.set(typeId, (typesById.get(typeId) ?? 0) + 1);
    }
    for (const type of model.types) {
      const unionName = unionTypeName(type.localName);
      claim(type.namespace, unionName, `type ${type.name}`);
      const identifier = tlNameIdentifier(type.name);
      const typeId = this.boxedTypeId(type.name, type.constructors);
      this.boxedTypes.set(type.name, {
        name: type.name,
        namespace: type.namespace,
        unionName,
        unionRef: memberRef(type.namespace, unionName),
        readIdentifier: this.declareModuleIdentifier(`read$${identifier}`),
        writeIdentifier: this.declareModuleIdentifier(`write$${identifier}`),
        readersIdentifier: this.declareModuleIdentifier(`readers$${identifier}`),
        typeId,
        constructorIdsIdentifier:
          typesById.get(typeId) === 1
            ? undefined
            : this.declareModuleIdentifier(`constructorIds$${identifier}`),
      });
    }
    for (const definition of [...model.constructors, ...model.functions]) {
      const name = className(definition.localName);
      claim(definition.namespace, name, `${definition.kind} ${definition.name}`, definition);
      this.definitions.set(definition.name, {
        definition,
        className: name,
        qualifiedClassName: qualifiedClassName(definition.namespace, definition.localName),
        classRef: memberRef(definition.namespace, name),
        valueIdentifier: this.declareModuleIdentifier(`${definition.namespace ?? ''}$${name}`),
        module: namespaceModule(definition.namespace),
      });
    }
    for (const namespace of members.keys()) {
      if (namespace !== undefined) claim(undefined, namespace, `namespace ${namespace}`);
    }

    for (const definition of [...model.constructors, ...model.functions]) {
      for (const field of definition.fields) this.collectBare(field.type);
    }
    for (const fn of model.functions) {
      this.collectBare(fn.result);
      if (fn.result.kind === 'typeVar') continue;
      const text = tlTypeText(fn.result);
      if (!this.resultReaders.has(text)) {
        const identifier = this.declareModuleIdentifier(`readResult$${tlNameIdentifier(text)}`);
        this.resultReaders.set(text, { identifier, type: fn.result });
      }
    }
  }

  definition(name: string): DefinitionSymbol {
    const symbol = this.definitions.get(name);
    if (symbol === undefined) throw new TlEmitError('unsupported-definition', `no definition named ${name}`);
    return symbol;
  }

  boxedType(name: string): BoxedTypeSymbol {
    const symbol = this.boxedTypes.get(name);
    if (symbol === undefined) throw new TlEmitError('unsupported-definition', `no boxed type named ${name}`);
    return symbol;
  }

  /** The class of definition `name` as a value, written in the generated module `fromModule`. */
  classValue(name: string, fromModule: string): string {
    const symbol = this.definition(name);
    return symbol.module === fromModule ? symbol.className : symbol.valueIdentifier;
  }

  resultReader(type: TlTypeRef): string {
    const reader = this.resultReaders.get(tlTypeText(type));
    if (reader === undefined)
      throw new TlEmitError('unsupported-definition', `no reader for ${tlTypeText(type)}`);
    return reader.identifier;
  }

  /** The one SUBCLASS_OF_ID of a type's constructors. */
  private boxedTypeId(typeName: string, constructors: readonly string[]): number {
    const ids = new Set<number>();
    for (const name of constructors) {
      const definition = this.model.constructorsByName.get(name);
      if (definition !== undefined) ids.add(crc32(resultTypeText(definition)));
    }
    if (ids.size !== 1) {
      throw new TlEmitError(
        'unsupported-definition',
        `the constructors of ${typeName} do not write their type the same way (SUBCLASS_OF_ID differs)`,
      );
    }
    return [...ids][0];
  }

  private declareModuleIdentifier(wanted: string): string {
    let identifier = wanted;
    for (let n = 2; this.moduleIdentifiers.has(identifier); n++) identifier = `${wanted}$${n}`;
    this.moduleIdentifiers.add(identifier);
    return identifier;
  }

  /** Namespace members shadow module-level names inside `Api`; generated code refers to those. */
  private clashingModuleName(name: string): string | undefined {
    return this.moduleIdentifiers.has(name) ? `the module-level ${name}` : undefined;
  }

  private collectBare(type: TlTypeRef): void {
    if (type.kind === 'bare') this.bareConstructors.add(type.constructor);
    else if (type.kind === 'vector') this.collectBare(type.element);
  }
}

function memberRef(namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${API_NAMESPACE}.${name}` : `${API_NAMESPACE}.${namespace}.${name}`;
}
