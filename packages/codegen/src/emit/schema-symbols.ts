// Every name the generated module declares, decided once before any code is written: the TS class of
// each definition, the union and reader map of each boxed type, the result readers of functions.
// Two TL names that would become the same TS name (or the same file on a case-insensitive file
// system) are a `name-clash` diagnostic in `diagnostics` rather than broken output.

import { crc32 } from '../crc32.ts';
import type { SourcePosition, TlDefinition, TlSchemaModel, TlTypeRef } from '../model/schema-model.ts';
import { TlSchemaError } from '../parser/schema-error.ts';
import { TlEmitError } from './emit-error.ts';
import { wireType } from './field-plan.ts';
import {
  className,
  fieldName,
  namespaceName,
  qualifiedClassName,
  tlNameIdentifier,
  unionTypeName,
} from './naming.ts';
import { localIdentifier, safeIdentifier } from './safe-identifier.ts';
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
  return namespace === undefined ? ROOT_MODULE : `${ROOT_MODULE}/${namespaceName(namespace)}`;
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
  /**
   * Module-level function reading one vector (boxed or bare), by TL type text, for every vector type of
   * a field, a vector element or a function result: `read$Vector$User`.
   */
  readonly vectorReaders = new Map<
    string,
    { identifier: string; type: Extract<TlTypeRef, { kind: 'vector' }> }
  >();
  /**
   * Module-level setter of each property that holds a `string` field, by property name
   * (`set$message`): a batched string is assigned through it (see codecs-module.ts).
   */
  readonly stringSetters = new Map<string, string>();
  /** Every identifier declared at module level, so locals and namespace members avoid them. */
  readonly moduleIdentifiers = new Set<string>(fixedModuleIdentifiers);
  /** The exported class names: a reader's locals avoid them, as they avoid `moduleIdentifiers`. */
  readonly classNames = new Set<string>();
  /** What the emitter cannot express (names that clash, constructors of one type that differ): `emit-diagnostics.ts`. */
  readonly diagnostics: TlSchemaError[] = [];

  constructor(
    readonly model: TlSchemaModel,
    /** Runtime imports and module helpers the generated code refers to. */
    moduleNames: readonly string[],
  ) {
    for (const name of moduleNames) this.moduleIdentifiers.add(name);
    const members = new Map<string | undefined, Map<string, string>>();
    /** Where each namespace is first used: the position of its name clashes. */
    const namespaceSites = new Map<string, { position: SourcePosition; excerpt: string }>();
    const noSite = { position: { file: model.files[0] ?? '', line: 1, column: 1 }, excerpt: '' };
    const claim = (
      namespace: string | undefined,
      name: string,
      owner: string,
      site: { position: SourcePosition; excerpt: string } = noSite,
    ) => {
      let names = members.get(namespace);
      if (names === undefined) {
        names = new Map();
        members.set(namespace, names);
        // The root is listed from the start; every other namespace is new here (no `includes`: a
        // schema of 100,000 namespaces must not take 100,000² steps).
        if (namespace !== undefined) this.namespaces.push(namespace);
      }
      if (namespace !== undefined && !namespaceSites.has(namespace)) namespaceSites.set(namespace, site);
      const previous = names.get(name) ?? this.clashingModuleName(name);
      if (previous !== undefined) {
        const where =
          namespace === undefined ? API_NAMESPACE : `${API_NAMESPACE}.${namespaceName(namespace)}`;
        this.reportClash(site, `${owner} and ${previous} would both be named ${where}.${name}`);
        return;
      }
      names.set(name, owner);
    };
    const definitionSite = (definition: TlDefinition) => ({
      position: definition.position,
      excerpt: definition.name,
    });
    claim(undefined, 'AnyConstructor', 'the union of all constructors');
    claim(undefined, 'AnyRequest', 'the union of all functions');
    claim(undefined, 'AnyObject', 'the union of all constructors and functions');

    const typeIds = new Map<string, number>();
    const typesById = new Map<number, number>();
    for (const type of model.types) {
      const typeId = this.boxedTypeId(type.name, type.constructors);
      typeIds.set(type.name, typeId);
      typesById.set(typeId, (typesById.get(typeId) ?? 0) + 1);
    }
    for (const type of model.types) {
      const unionName = unionTypeName(type.localName);
      const first = model.constructorsByName.get(type.constructors[0] ?? '');
      claim(
        type.namespace,
        unionName,
        `type ${type.name}`,
        first === undefined ? noSite : { position: first.position, excerpt: type.name },
      );
      const identifier = tlNameIdentifier(type.name);
      const typeId = typeIds.get(type.name)!;
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
      claim(definition.namespace, name, `${definition.kind} ${definition.name}`, definitionSite(definition));
      const prefix = definition.namespace === undefined ? '' : namespaceName(definition.namespace);
      this.classNames.add(name);
      this.definitions.set(definition.name, {
        definition,
        className: name,
        qualifiedClassName: qualifiedClassName(definition.namespace, definition.localName),
        classRef: memberRef(definition.namespace, name),
        valueIdentifier: this.declareModuleIdentifier(`${prefix}$${name}`),
        module: namespaceModule(definition.namespace),
      });
    }
    // Each namespace is an export of `api` and a file in `api/`: `Foo` and `foo` are one file where
    // case is not significant (macOS, Windows), so they clash as surely as two equal names.
    const files = new Map<string, { namespace: string; file: string }>();
    for (const namespace of members.keys()) {
      if (namespace === undefined) continue;
      const site = { position: (namespaceSites.get(namespace) ?? noSite).position, excerpt: namespace };
      const name = namespaceName(namespace);
      claim(undefined, name, `namespace ${namespace}`, site);
      const file = `${namespaceModule(namespace)}.ts`;
      const other = files.get(file.toLowerCase());
      if (other === undefined) {
        files.set(file.toLowerCase(), { namespace, file });
      } else if (other.file !== file) {
        this.reportClash(
          site,
          `namespace ${namespace} and namespace ${other.namespace} would be one file where file names ignore case (macOS, Windows): ${file} and ${other.file}`,
        );
      }
    }

    for (const definition of [...model.constructors, ...model.functions]) {
      for (const field of definition.fields) {
        this.collectBare(field.type);
        this.collectVectors(field.type);
        if (wireType(definition, field).kind !== 'string') continue;
        const property = fieldName(field.name);
        if (!this.stringSetters.has(property)) {
          this.stringSetters.set(property, this.declareModuleIdentifier(`set$${property}`));
        }
      }
    }
    for (const fn of model.functions) {
      this.collectBare(fn.result);
      this.collectVectors(fn.result);
      if (fn.result.kind === 'typeVar' || fn.result.kind === 'vector') continue;
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

  /**
   * The registry a function's `readResult` reads with: the global registry (every class) only when
   * the result can hold an `Object` or `!X` value; otherwise none, so that a program calling one
   * request's `readResult` bundles the classes its result can hold and no others.
   */
  resultRegistry(type: TlTypeRef): string {
    return this.reachesObject(type) ? 'globalRegistry()' : 'noRegistry';
  }

  /** The constructors whose values can hold an `Object` or `!X` value somewhere inside; found on first use. */
  private objectHolders: ReadonlySet<string> | undefined;

  /** Whether a value of `type` can contain an `Object` or `!X` value anywhere inside. */
  private reachesObject(type: TlTypeRef): boolean {
    this.objectHolders ??= this.findObjectHolders();
    const holders = this.objectHolders;
    let inner = type;
    while (inner.kind === 'vector') inner = inner.element;
    switch (inner.kind) {
      case 'object':
      case 'typeVar':
        return true;
      case 'bare':
        return holders.has(inner.constructor);
      case 'boxed':
        return (this.model.typesByName.get(inner.type)?.constructors ?? []).some((name) => holders.has(name));
      default:
        return false;
    }
  }

  /**
   * Once for the whole schema rather than a walk per function (818 walks over much of the type graph
   * were an eighth of generating the latest layer): the constructors with an `Object` or `!X` field,
   * then every constructor with a field that can hold one of those, until nothing is added.
   */
  private findObjectHolders(): Set<string> {
    const holders = new Set<string>();
    /** For each constructor, the constructors with a field that can hold it. */
    const holdersOf = new Map<string, string[]>();
    const found: string[] = [];
    for (const [name, definition] of this.model.constructorsByName) {
      for (const field of definition.fields) {
        let type = field.type;
        while (type.kind === 'vector') type = type.element;
        if (type.kind === 'object' || type.kind === 'typeVar') {
          if (!holders.has(name)) found.push(name);
          holders.add(name);
          continue;
        }
        const held =
          type.kind === 'bare'
            ? [type.constructor]
            : type.kind === 'boxed'
              ? (this.model.typesByName.get(type.type)?.constructors ?? [])
              : [];
        for (const inner of held) {
          const outer = holdersOf.get(inner);
          if (outer === undefined) holdersOf.set(inner, [name]);
          else outer.push(name);
        }
      }
    }
    for (let name = found.pop(); name !== undefined; name = found.pop()) {
      for (const outer of holdersOf.get(name) ?? []) {
        if (holders.has(outer)) continue;
        holders.add(outer);
        found.push(outer);
      }
    }
    return holders;
  }

  /** The reader of a function's result: a vector reader for vectors, else a result reader. */
  resultReader(type: TlTypeRef): string {
    if (type.kind === 'vector') return this.vectorReader(type);
    const reader = this.resultReaders.get(tlTypeText(type));
    if (reader === undefined)
      throw new TlEmitError('unsupported-definition', `no reader for ${tlTypeText(type)}`);
    return reader.identifier;
  }

  /** The setter of the property `property`, which holds a `string` field. */
  stringSetter(property: string): string {
    const setter = this.stringSetters.get(property);
    if (setter === undefined)
      throw new TlEmitError('unsupported-definition', `no string setter for ${property}`);
    return setter;
  }

  vectorReader(type: Extract<TlTypeRef, { kind: 'vector' }>): string {
    const reader = this.vectorReaders.get(tlTypeText(type));
    if (reader === undefined)
      throw new TlEmitError('unsupported-definition', `no reader for ${tlTypeText(type)}`);
    return reader.identifier;
  }

  /**
   * A type parameter `{X:Type}` as the TS type parameter of its class: safe as a binding and not
   * shadowing a name the class's types use (`Api`, the runtime's types).
   */
  typeParameter(name: string): string {
    return localIdentifier(name, this.moduleIdentifiers);
  }

  /** True for a name a local of a generated method must not take: it would shadow a module-level one. */
  isModuleName(name: string): boolean {
    return this.moduleIdentifiers.has(name) || this.classNames.has(name);
  }

  /** The one SUBCLASS_OF_ID of a type's constructors; a second one is a diagnostic, at the constructor writing it. */
  private boxedTypeId(typeName: string, constructors: readonly string[]): number {
    let first: TlDefinition | undefined;
    let firstText = '';
    for (const name of constructors) {
      const definition = this.model.constructorsByName.get(name);
      if (definition === undefined) continue;
      const text = resultTypeText(definition);
      if (first === undefined) {
        first = definition;
        firstText = text;
      } else if (text !== firstText) {
        this.diagnostics.push(
          new TlSchemaError(
            'unsupported-definition',
            definition.position,
            `the constructors of ${typeName} write their type differently (\`${firstText}\` in ${first.name}, ` +
              `\`${text}\` here), so they would have different SUBCLASS_OF_IDs`,
            definition.source,
          ),
        );
        break;
      }
    }
    // A type no constructor builds is still a function's result: its requests carry crc32 of the name.
    return first === undefined ? crc32(typeName) : this.subclassId(first);
  }

  /** crc32 of each result type text met: a few hundred texts for thousands of definitions. */
  private readonly subclassIds = new Map<string, number>();

  /** A definition's SUBCLASS_OF_ID: crc32 of its result type as its declaration writes it (GramJS's rule). */
  subclassId(definition: TlDefinition): number {
    const text = resultTypeText(definition);
    let id = this.subclassIds.get(text);
    if (id === undefined) {
      id = crc32(text);
      this.subclassIds.set(text, id);
    }
    return id;
  }

  private declareModuleIdentifier(wanted: string): string {
    const safe = safeIdentifier(wanted, 'binding');
    let identifier = safe;
    for (let n = 2; this.moduleIdentifiers.has(identifier); n++) identifier = `${safe}$${n}`;
    this.moduleIdentifiers.add(identifier);
    return identifier;
  }

  private reportClash(site: { position: SourcePosition; excerpt: string }, detail: string): void {
    this.diagnostics.push(new TlSchemaError('name-clash', site.position, detail, site.excerpt));
  }

  /** Namespace members shadow module-level names inside `Api`; generated code refers to those. */
  private clashingModuleName(name: string): string | undefined {
    return this.moduleIdentifiers.has(name) ? `the module-level ${name}` : undefined;
  }

  private collectVectors(type: TlTypeRef): void {
    if (type.kind !== 'vector') return;
    const text = tlTypeText(type);
    if (!this.vectorReaders.has(text)) {
      const identifier = this.declareModuleIdentifier(`read$${tlNameIdentifier(text)}`);
      this.vectorReaders.set(text, { identifier, type });
    }
    this.collectVectors(type.element);
  }

  private collectBare(type: TlTypeRef): void {
    if (type.kind === 'bare') this.bareConstructors.add(type.constructor);
    else if (type.kind === 'vector') this.collectBare(type.element);
  }
}

function memberRef(namespace: string | undefined, name: string): string {
  return namespace === undefined
    ? `${API_NAMESPACE}.${name}`
    : `${API_NAMESPACE}.${namespaceName(namespace)}.${name}`;
}
