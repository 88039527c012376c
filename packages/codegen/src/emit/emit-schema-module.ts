// Turns one resolved schema set into the text of its generated modules, each an ES module of
// erasable TypeScript:
//   index     `Api` (the namespace module `api`), `deserialize`, `LAYER`, the runtime's errors;
//   api       the classes and unions of the root namespace, each TL namespace re-exported by name;
//   api/<ns>  the classes and unions of one TL namespace (`Api.messages.StartBot`);
//   codecs    readers and writers of boxed types and function results;
//   registry  every constructor and function by id, for `deserialize` and `Object` fields.
// Each file's imports are derived from its text (module-imports.ts), and ts-morph prints the file.

import type { SchemaDocs } from '../model/schema-docs.ts';
import type { TlBoxedType, TlDefinition, TlSchemaModel } from '../model/schema-model.ts';
import { CodeLines, hexLiteral, quote } from './code-lines.ts';
import { codecsModuleText, constructorIdList } from './codecs-module.ts';
import { definitionClass } from './definition-class.ts';
import { type DocsContext, docsContext, unionDocLines } from './definition-docs.ts';
import { emitDiagnostics, schemaSymbols } from './emit-diagnostics.ts';
import { TlEmitError } from './emit-error.ts';
import {
  ERRORS_MODULE,
  errorsModuleExports,
  errorsModuleImportTable,
  errorsModuleText,
} from './errors-module.ts';
import type { ImportExtension } from './generate-options.ts';
import { jsonModuleText } from './json-module.ts';
import { JSON_MODULE, JSON_MODULE_EXPORTS } from './json-symbols.ts';
import { bigIntegerLong, type LongRepresentation } from './long-representation.ts';
import { ImportTable, relativeSpecifier } from './module-imports.ts';
import { ModulePrinter, type ModulePrinting } from './module-printer.ts';
import { namespaceName } from './naming.ts';
import {
  reexportedRuntimeTypes,
  reexportedRuntimeValues,
  runtimeTypes,
  runtimeValues,
} from './runtime-imports.ts';
import {
  API_NAMESPACE,
  type BoxedTypeSymbol,
  CODECS_MODULE,
  INDEX_MODULE,
  namespaceModule,
  REGISTRY_MODULE,
  ROOT_MODULE,
  type SchemaSymbols,
} from './schema-symbols.ts';

export interface EmitOptions {
  /** Module specifier of the runtime (`@tlforge/runtime`). */
  runtime: string;
  /** The lines of the header that say where the output came from (see generated-header.ts). */
  header: readonly string[];
  long?: LongRepresentation;
  /** Extension of relative imports between the generated files; default 'js'. */
  importExtension?: ImportExtension;
  /**
   * Ids this schema lacks that other layers have, with what they are there (`\`user\` of layer 214`):
   * an unknown-constructor error of the generated code then says so.
   */
  otherLayerIds?: ReadonlyMap<number, string>;
  /** For an `--only` subset: the ids of the schema it leaves out, which decoding names as such. */
  leftOutIds?: readonly number[];
  /**
   * The documentation (`--docs`): descriptions, results, callers and errors in the JSDoc, the type of
   * each method's errors, and the module `errors`. Comments and types only: the JavaScript is the same.
   */
  docs?: SchemaDocs;
}

export interface GeneratedFile {
  /** Path relative to the output directory, `/`-separated. */
  path: string;
  text: string;
}

/** gzip_packed is unwrapped by the runtime wherever an object may stand; it never enters the registry. */
const GZIP_PACKED_ID = 0x3072cfa1;

export function emitSchemaModule(model: TlSchemaModel, options: EmitOptions): GeneratedFile[] {
  const emitter = moduleEmitter(model, options);
  return emitter.emitAll(emitter.modules);
}

/**
 * The modules of one schema in two steps: the statements of each (the work of the emitter), then the
 * file ts-morph prints from them with its imports (`ModulePrinter`). `tlforge generate` prints on a
 * worker thread (emit-workers.ts) while this one writes the statements of the next module.
 */
export interface ModuleEmitter {
  /** Every module path (`api/messages`), in the order `emitSchemaModule` returns their files. */
  readonly modules: readonly string[];
  /** What printing needs, as data that can be sent to another thread. */
  readonly printing: ModulePrinting;
  /** The statements of `module`, for `ModulePrinter.print`. */
  statements(module: string): string[];
  /** The files of `modules`, in that order: every module's statements first, then each is printed. */
  emitAll(modules: readonly string[]): GeneratedFile[];
}

/**
 * Checks `model` as the emitter needs it and gathers what every module refers to (symbols, imports,
 * docs). A model given straight to the emitter is refused on its first problem; `generate` refuses
 * such a model with every diagnostic before it gets here.
 */
export function moduleEmitter(model: TlSchemaModel, options: EmitOptions): ModuleEmitter {
  const long = options.long ?? bigIntegerLong;
  const extension = options.importExtension ?? 'js';
  const symbols = schemaSymbols(model);
  const [problem] = emitDiagnostics(model, symbols);
  if (problem !== undefined) {
    const kind = problem.kind === 'name-clash' ? 'name-clash' : 'unsupported-definition';
    const { file, line, column } = problem;
    throw new TlEmitError(kind, problem.detail, { file, line, column });
  }
  const docs = options.docs === undefined ? undefined : docsContext(options.docs, symbols);
  const definitionsByModule = new Map<string, TlDefinition[]>();
  const typesByModule = new Map<string, TlBoxedType[]>();
  for (const namespace of symbols.namespaces) {
    definitionsByModule.set(namespaceModule(namespace), []);
    typesByModule.set(namespaceModule(namespace), []);
  }
  for (const definition of [...model.constructors, ...model.functions])
    definitionsByModule.get(symbols.definition(definition.name).module)!.push(definition);
  for (const type of model.types) typesByModule.get(namespaceModule(type.namespace))!.push(type);
  const modules = [
    INDEX_MODULE,
    ...definitionsByModule.keys(),
    ...(options.docs === undefined ? [] : [ERRORS_MODULE]),
    CODECS_MODULE,
    JSON_MODULE,
    REGISTRY_MODULE,
  ];
  const printing: ModulePrinting = {
    header: options.header,
    extension,
    imports: importTable(symbols, options.runtime).entries(),
    ownImports: [
      // The index only re-exports: its names are not references that need imports.
      [INDEX_MODULE, 'none'],
      [ERRORS_MODULE, errorsModuleImportTable(options.runtime).entries()],
    ],
  };

  const statements = (module: string): string[] => {
    switch (module) {
      case INDEX_MODULE:
        return indexStatements(model, options.runtime, extension, docs !== undefined);
      case ERRORS_MODULE:
        if (options.docs === undefined) break;
        return [errorsModuleText(options.docs)];
      case CODECS_MODULE:
        return [codecsModuleText(model, symbols, long)];
      case JSON_MODULE:
        return [jsonModuleText(model, symbols, JSON_MODULE)];
      case REGISTRY_MODULE:
        return registryStatements(model, symbols, options.otherLayerIds, options.leftOutIds);
      default: {
        const definitions = definitionsByModule.get(module);
        if (definitions === undefined) break;
        const contents = { definitions, types: typesByModule.get(module)! };
        return namespaceStatements(module, contents, model, symbols, long, extension, docs);
      }
    }
    throw new Error(`no generated module ${module}`);
  };

  return {
    modules,
    printing,
    statements,
    emitAll(wanted) {
      const bodies = wanted.map(statements);
      const printer = new ModulePrinter(printing);
      return wanted.map((module, i) => printer.print(module, bodies[i]!));
    },
  };
}

/** Every identifier generated text may use from another file or from the runtime, and where it lives. */
function importTable(symbols: SchemaSymbols, runtime: string): ImportTable {
  const table = new ImportTable();
  for (const name of runtimeValues)
    table.add(name, { from: runtime, fromPackage: true, name, typeOnly: false });
  for (const name of runtimeTypes)
    table.add(name, { from: runtime, fromPackage: true, name, typeOnly: true });
  table.add(API_NAMESPACE, { from: ROOT_MODULE, fromPackage: false, name: '*', typeOnly: true });
  for (const symbol of symbols.definitions.values()) {
    table.add(symbol.valueIdentifier, {
      from: symbol.module,
      fromPackage: false,
      name: symbol.className,
      typeOnly: false,
    });
  }
  const codecs = (name: string) =>
    table.add(name, { from: CODECS_MODULE, fromPackage: false, name, typeOnly: false });
  for (const type of symbols.boxedTypes.values()) {
    codecs(type.readIdentifier);
    codecs(type.writeIdentifier);
  }
  for (const reader of symbols.resultReaders.values()) codecs(reader.identifier);
  for (const reader of symbols.vectorReaders.values()) codecs(reader.identifier);
  for (const setter of symbols.stringSetters.values()) codecs(setter);
  table.add('globalRegistry', {
    from: REGISTRY_MODULE,
    fromPackage: false,
    name: 'globalRegistry',
    typeOnly: false,
  });
  return table;
}

function indexStatements(
  model: TlSchemaModel,
  runtime: string,
  extension: ImportExtension,
  documented: boolean,
): string[] {
  const from = (module: string) => `'${relativeSpecifier(INDEX_MODULE, module, extension)}'`;
  const errors = documented
    ? [
        `export type { ${errorsModuleExports.types.join(', ')} } from ${from(ERRORS_MODULE)};`,
        `export { ${errorsModuleExports.values.join(', ')} } from ${from(ERRORS_MODULE)};`,
      ]
    : [];
  return [
    '/** Every class and union of the schema, TL namespaces nested: `Api.messages.StartBot`, `Api.TypeUpdates`. */',
    `export * as ${API_NAMESPACE} from ${from(ROOT_MODULE)};`,
    `export { deserialize } from ${from(REGISTRY_MODULE)};`,
    `export { ${JSON_MODULE_EXPORTS.join(', ')} } from ${from(JSON_MODULE)};`,
    `export type { ${reexportedRuntimeTypes.join(', ')} } from '${runtime}';`,
    `export { ${reexportedRuntimeValues.join(', ')} } from '${runtime}';`,
    ...errors,
    '',
    `/** The schema layer these classes were generated from. */\nexport const LAYER = ${model.layer ?? 'undefined'};`,
  ];
}

/** The statements of `api` or of one `api/<namespace>`: unions first, then the classes. */
function namespaceStatements(
  module: string,
  contents: { definitions: readonly TlDefinition[]; types: readonly TlBoxedType[] },
  model: TlSchemaModel,
  symbols: SchemaSymbols,
  long: LongRepresentation,
  extension: ImportExtension,
  docs: DocsContext | undefined,
): string[] {
  const statements: string[] = [];
  if (module === ROOT_MODULE) {
    const constructors = model.constructors.map((c) => symbols.definition(c.name).classRef);
    const functions = model.functions.map((f) => symbols.definition(f.name).classRef);
    statements.push(
      `/** Every constructor of the schema. */\nexport type AnyConstructor = ${unionText(constructors)};`,
      `/** Every function (request) of the schema. */\nexport type AnyRequest = ${unionText(functions)};`,
      '/** Anything `deserialize` can return. */\nexport type AnyObject = AnyConstructor | AnyRequest;',
    );
    for (const namespace of symbols.namespaces) {
      if (namespace === undefined) continue;
      const specifier = relativeSpecifier(ROOT_MODULE, namespaceModule(namespace), extension);
      statements.push(`export * as ${namespaceName(namespace)} from '${specifier}';`);
    }
  }
  for (const type of contents.types) {
    const symbol = symbols.boxedType(type.name);
    const members = type.constructors.map((name) => symbols.definition(name).classRef);
    statements.push(
      `${unionDocLines(type.name, docs).join('\n')}\nexport type ${symbol.unionName} = ${unionText(members)};`,
      boxedTypeValue(type, symbol, symbols),
    );
  }
  for (const definition of contents.definitions) {
    const symbol = symbols.definition(definition.name);
    // ts-morph puts a blank line after a statement that ends with `}` (a request's `Errors` namespace).
    const previous = statements.at(-1);
    const gap = typeof previous === 'string' && previous.endsWith('}') ? '' : '\n';
    statements.push(`${gap}${definitionClass(symbol, { symbols, long, module, docs })}`);
  }
  return statements;
}

/**
 * The union's value of the same name: `Api.TypeUpdates.read(bytes)` reads one boxed value of the type
 * with its own reader, so that a program that reads pushed updates bundles the classes an `Updates` can
 * hold and no others (the registry of every class only where a value can hold an `Object`).
 */
function boxedTypeValue(type: TlBoxedType, symbol: BoxedTypeSymbol, symbols: SchemaSymbols): string {
  const typeName = type.name;
  const args = [hexLiteral(symbol.typeId), quote(typeName), symbol.readIdentifier];
  const registry = symbols.resultRegistry({ kind: 'boxed', type: typeName });
  // Where another type has the same SUBCLASS_OF_ID, `is` checks the constructor ids too. Written out
  // here rather than shared with the codecs module: this runs while the modules of a cycle load.
  const shared = symbol.constructorIdsIdentifier !== undefined;
  if (registry !== 'noRegistry' || shared)
    args.push(registry === 'noRegistry' ? 'undefined' : 'globalRegistry');
  if (shared) args.push(constructorIdList(type, symbols));
  const bundled =
    registry === 'noRegistry'
      ? 'bundling only the classes it can hold'
      : 'its values can hold any object, so every class is bundled';
  const doc = [
    '/**',
    ` * \`${typeName}\` as a value: \`${symbol.unionRef}.read(bytes)\` reads one boxed \`${typeName}\``,
    ` * (${bundled}); \`${symbol.unionRef}.is(value)\` tells whether a value is one.`,
    ' */',
  ];
  return `${doc.join('\n')}\nexport const ${symbol.unionName}: TlBoxedType<${symbol.unionName}> = /*@__PURE__*/ new TlBoxedType(${args.join(', ')});`;
}

/**
 * The registry of an `--only` subset: an id of the schema it left out decodes to an
 * OutsideSubsetError that says so (only `deserialize` and Object-holding results pay for the ids).
 */
function subsetRegistry(c: CodeLines, leftOutIds: readonly number[]): void {
  c.block('export function globalRegistry(): ReaderRegistry', () => {
    c.line(
      "if (registry === undefined) registry = explainUnknownIds(buildRegistry(), explainId, 'outside-subset');",
    );
    c.line('return registry;');
  });
  c.line('');
  c.line('/** An id of the schema that this subset (generated with `--only`) left out. */');
  c.block('function explainId(id: number): string | undefined', () => {
    c.line('if (!leftOut.has(id)) return undefined;');
    const text = 'is in the schema but outside the generated subset (--only)';
    c.line(`return \`0x\${id.toString(16).padStart(8, '0')} ${text}\`;`);
  });
  c.line('');
  const ids = [...leftOutIds].sort((a, b) => a - b).map(hexLiteral);
  c.line(`const leftOut: ReadonlySet<number> = /*@__PURE__*/ new Set([${ids.join(', ')}]);`);
}

function unionText(members: readonly string[]): string {
  if (members.length === 0) return 'never';
  if (members.length === 1) return members[0]!;
  return `\n  | ${members.join('\n  | ')}`;
}

function registryStatements(
  model: TlSchemaModel,
  symbols: SchemaSymbols,
  otherLayerIds: ReadonlyMap<number, string> | undefined,
  leftOutIds: readonly number[] | undefined,
): string[] {
  const c = new CodeLines();
  c.line('/**');
  c.line(' * Reads exactly one boxed object (a constructor or a function call) from `bytes`. A leading');
  c.line(
    ' * gzip_packed is inflated; trailing bytes are an error. A bare Bool or Vector answer is no object of',
  );
  c.line(" * the schema: `request.readResult(bytes)` reads those with the request's result type.");
  c.line(' */');
  c.block(
    `export function deserialize(bytes: Uint8Array, options?: TlReaderOptions): ${API_NAMESPACE}.AnyObject`,
    () => {
      c.line(
        `return readBoxed(bytes, globalRegistry(), options, readAnyObject) as ${API_NAMESPACE}.AnyObject;`,
      );
    },
  );
  c.line('');
  c.line('/**');
  c.line(
    ' * Every constructor and function by id (gzip_packed excepted: the reader inflates it). Built on the',
  );
  c.line(' * first `deserialize`/`readResult` rather than at import: 2000 entries are import time not every');
  c.line(' * program needs (serializing alone never reads it).');
  c.line(' */');
  c.line('let registry: ReaderRegistry | undefined;');
  c.line('');
  const explained = otherLayerIds !== undefined && otherLayerIds.size > 0;
  if (leftOutIds !== undefined) subsetRegistry(c, leftOutIds);
  else
    c.block('export function globalRegistry(): ReaderRegistry', () => {
      c.line(
        explained
          ? 'if (registry === undefined) registry = explainUnknownIds(buildRegistry(), explainId);'
          : 'if (registry === undefined) registry = buildRegistry();',
      );
      c.line('return registry;');
    });
  if (explained && leftOutIds === undefined) {
    const generatedFrom = model.layer === undefined ? 'a schema without a layer' : `layer ${model.layer}`;
    c.line('');
    c.line('/** What an id this layer lacks is in the other vendored layers. */');
    c.block('function explainId(id: number): string | undefined', () => {
      c.line('const known = otherLayers.get(id);');
      c.line('if (known === undefined) return undefined;');
      c.line(
        `return \`0x\${id.toString(16).padStart(8, '0')} is \${known}; this code was generated from ${generatedFrom}\`;`,
      );
    });
    c.line('');
    c.wrap(
      'const otherLayers: ReadonlyMap<number, string> = /*@__PURE__*/ new Map([',
      () => {
        for (const id of [...otherLayerIds.keys()].sort((a, b) => a - b)) {
          c.line(`[${hexLiteral(id)}, ${quote(otherLayerIds.get(id)!)}],`);
        }
      },
      ']);',
    );
  }
  c.line('');
  const entries = [...model.constructors, ...model.functions].filter(
    // gzip_packed is unpacked by the reader; a prefix declaration is read as its longer definition.
    (definition) => definition.id !== GZIP_PACKED_ID && definition.prefixOf === undefined,
  );
  // Buckets of 10 to 20 ids, by the top bits of the id: the first decode compiles only the
  // buckets of the ids it meets (see the runtime's lazyRegistry).
  const bits = Math.max(0, Math.ceil(Math.log2(entries.length / 20)));
  const buckets: TlDefinition[][] = Array.from({ length: 2 ** bits }, () => []);
  for (const definition of [...entries].sort((a, b) => a.id - b.id)) {
    buckets[bits === 0 ? 0 : definition.id >>> (32 - bits)]!.push(definition);
  }
  // Top-level functions, not closures inside buildRegistry: V8 compiles a function by parsing its
  // whole text again, inner functions included, so one function holding every bucket costs the
  // first decode as much as one table of every class.
  const digits = Math.ceil(bits / 4);
  const bucketName = (index: number) => `bucket$${index.toString(16).padStart(digits, '0')}`;
  c.block('function buildRegistry(): ReaderRegistry', () => {
    c.wrap(
      `return lazyRegistry(${bits}, [`,
      () => {
        for (let i = 0; i < buckets.length; i += 8) {
          const names = buckets.slice(i, i + 8).map((_, j) => bucketName(i + j));
          c.line(`${names.join(', ')},`);
        }
      },
      ']);',
    );
  });
  buckets.forEach((bucket, index) => {
    c.line('');
    c.block(`function ${bucketName(index)}(): RegistryEntries`, () => {
      const pairs = bucket.map((d) => `${hexLiteral(d.id)}, ${symbols.classValue(d.name, REGISTRY_MODULE)}`);
      c.line(`return [${pairs.join(', ')}];`);
    });
  });
  return [c.toString()];
}
