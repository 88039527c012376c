// Generation of one schema set: load and resolve the .tl files, refuse on any schema error, emit the
// module and write it under the output directory. Used by `tlforge generate` and `npm run generate`.

import { Buffer } from 'node:buffer';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TlError } from '@tlforge/runtime';
import { errnoCode } from '../model/file-error.ts';
import { loadSchema } from '../model/load-schema.ts';
import { loadSchemaDocs } from '../model/load-schema-docs.ts';
import type { TlSchemaModel } from '../model/schema-model.ts';
import { schemaSubset } from '../model/schema-subset.ts';
import type { TlSchemaError } from '../parser/schema-error.ts';
import { TLFORGE_VERSION } from '../version.ts';
import { schemaDiagnostics } from './emit-diagnostics.ts';
import { TlEmitError } from './emit-error.ts';
import {
  type EmitOptions,
  emitSchemaModule,
  type GeneratedFile,
  type ModuleEmitter,
  moduleEmitter,
} from './emit-schema-module.ts';
import type { EmitWorkers } from './emit-workers.ts';
import type { EmitLanguage, ImportExtension } from './generate-options.ts';
import { generatedHeader } from './generated-header.ts';
import { type LongRepresentation, resolveLongRepresentation } from './long-representation.ts';
import { transpileToJs } from './transpile-js.ts';

export interface GenerateOptions {
  /** The .tl files of one set, in the order they are merged. */
  files: readonly string[];
  outDir: string;
  /** Module specifier the generated code imports the runtime from; default `@tlforge/runtime`. */
  runtime?: string;
  /** How `long` fields are represented: 'big-integer' (default, GramJS-compatible) or 'bigint'. */
  long?: LongRepresentation | 'big-integer' | 'bigint';
  /** Extension of relative imports between generated files: 'js' (default), 'ts' or 'none'. */
  importExtension?: ImportExtension;
  /** 'ts' (default): TypeScript sources; 'js': JavaScript modules with `.d.ts` declarations beside them. */
  emit?: EmitLanguage;
  /**
   * Schema file sets of other layers: the ids they have and this one lacks go into the generated
   * registry, so that decoding such an id says what it is (`0x… is \`user\` of layer 214`).
   */
  explainIdsFrom?: ReadonlyArray<readonly string[]>;
  /**
   * TL names of methods, constructors or types: only their closure is generated (their fields,
   * results and every constructor of each type they reach). Ids of the schema outside it decode to
   * an OutsideSubsetError. A name the schema does not have is an error naming it.
   */
  only?: readonly string[];
  /**
   * A documentation file (`schema/docs/layer228.json`, written by `schema/vendor-docs.ts`): the
   * descriptions, results, callers and RPC errors of definitions go into their JSDoc, each method
   * gets the type of its errors, and the module `errors` the union of every documented error type.
   * A definition is documented only when the file has one of the same name and id.
   */
  docs?: string;
}

export type { EmitLanguage, ImportExtension } from './generate-options.ts';

export interface GenerateSummary {
  layer: number | undefined;
  constructors: number;
  functions: number;
  files: string[];
  bytes: number;
  milliseconds: number;
  warnings: TlSchemaError[];
}

/** Generation refused: carries every schema error of the set, so the caller can print them all. */
export class SchemaErrorsFound extends TlError {
  declare readonly kind: 'schema-errors';
  readonly diagnostics: readonly TlSchemaError[];

  constructor(diagnostics: readonly TlSchemaError[]) {
    super(
      'schema-errors',
      `${diagnostics.length} schema error(s):\n${diagnostics.map((d) => d.message).join('\n')}`,
    );
    this.diagnostics = diagnostics;
  }
}

/** Generated code imports the runtime by its package name unless told otherwise. */
export const DEFAULT_RUNTIME = '@tlforge/runtime';

/**
 * `options.files` already loaded and checked by the caller (`check` gives both): the model and every
 * diagnostic of it, the emitter's included, so that generation does not parse and resolve them again.
 */
export interface CheckedSchema {
  model: TlSchemaModel;
  diagnostics: readonly TlSchemaError[];
}

export function generateSchemaSet(options: GenerateOptions, checked?: CheckedSchema): GenerateSummary {
  const prepared = prepareSchemaSet(options, checked);
  return writeSchemaSet(options.outDir, prepared, emitPrepared(prepared));
}

/** A schema set ready to emit: checked, its subset taken, its docs loaded, its options resolved. */
export interface PreparedSchemaSet {
  /** `performance.now()` when generation started, for the summary. */
  started: number;
  model: TlSchemaModel;
  emit: EmitLanguage;
  emitOptions: EmitOptions & { long: LongRepresentation };
  warnings: TlSchemaError[];
}

/**
 * Everything `generateSchemaSet` does before emitting, refusals included. Needs neither ts-morph nor
 * TypeScript: `tlforge generate` does this while its worker threads load them.
 */
export function prepareSchemaSet(options: GenerateOptions, checked?: CheckedSchema): PreparedSchemaSet {
  const started = performance.now();
  const emit = options.emit ?? 'ts';
  const importExtension = options.importExtension ?? 'js';
  if (emit === 'js' && importExtension === 'ts') {
    throw new TlEmitError(
      'unsupported-option',
      'emit js writes .js files, which cannot import .ts files: use import extension js or none',
    );
  }
  const long = resolveLongRepresentation(options.long);
  const runtime = options.runtime ?? DEFAULT_RUNTIME;
  const { model: loadedModel, diagnostics } = checked ?? loadAndCheck(options.files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new SchemaErrorsFound(errors);
  const docs = options.docs === undefined ? undefined : loadSchemaDocs(options.docs);
  const docsErrors = docs?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  if (docsErrors.length > 0) throw new SchemaErrorsFound(docsErrors);
  let model = loadedModel;
  let leftOutIds: readonly number[] | undefined;
  if (options.only !== undefined) {
    const subset = schemaSubset(model, options.only);
    if (subset.unknown.length > 0) {
      throw new TlEmitError(
        'unknown-name',
        `--only names what the schema does not define: ${subset.unknown.join(', ')}`,
      );
    }
    model = subset.model;
    leftOutIds = subset.leftOut;
  }
  const header = generatedHeader({
    version: TLFORGE_VERSION,
    schemaFiles: options.files.map((file) => basename(file)),
    layer: model.layer,
    options: [
      `--long ${long.name}`,
      `--runtime ${runtime}`,
      `--import-extension ${importExtension}`,
      `--emit ${emit}`,
      ...(options.only === undefined ? [] : [`--only ${options.only.join(' ')}`]),
      ...(options.docs === undefined ? [] : [`--docs ${basename(options.docs)}`]),
    ],
    notice: docs?.docs.notice,
  });
  const otherLayerIds =
    options.explainIdsFrom === undefined ? undefined : idsOfOtherLayers(model, options.explainIdsFrom);
  return {
    started,
    model,
    emit,
    emitOptions: { runtime, header, long, importExtension, otherLayerIds, leftOutIds, docs: docs?.docs },
    warnings: [...diagnostics, ...(docs?.diagnostics ?? [])].filter((d) => d.severity === 'warning'),
  };
}

/** The files of a prepared set, emitted on this thread: TypeScript, or JavaScript and declarations. */
export function emitPrepared(prepared: PreparedSchemaSet): GeneratedFile[] {
  const sources = emitSchemaModule(prepared.model, prepared.emitOptions);
  return prepared.emit === 'ts' ? sources : transpileToJs(sources);
}

/** Writes the generated files under `outDir`, in their order, and sums up the set. */
export function writeSchemaSet(
  outDir: string,
  prepared: PreparedSchemaSet,
  generated: readonly GeneratedFile[],
): GenerateSummary {
  const { model } = prepared;
  makeDirectory(outDir);
  let bytes = 0;
  for (const file of generated) {
    const path = join(outDir, file.path);
    makeDirectory(dirname(path));
    writeFileSync(path, file.text);
    // Counted, not encoded a second time (13 MB for the latest layer).
    bytes += Buffer.byteLength(file.text, 'utf8');
  }
  return {
    layer: model.layer,
    constructors: model.constructors.length,
    functions: model.functions.length,
    files: generated.map((f) => join(outDir, f.path)),
    bytes,
    milliseconds: performance.now() - prepared.started,
    warnings: prepared.warnings,
  };
}

/**
 * `generateSchemaSet` with the modules printed by `workers` (started beforehand, see emit-workers.ts)
 * while this thread writes the statements of the next. Writes the same files in the same order, and
 * fails as `generateSchemaSet` does.
 */
export async function generateSchemaSetInParallel(
  options: GenerateOptions,
  checked: CheckedSchema | undefined,
  workers: EmitWorkers,
): Promise<GenerateSummary> {
  const prepared = prepareSchemaSet(options, checked);
  const emitter = moduleEmitter(prepared.model, prepared.emitOptions);
  const printer = workers.printer(emitter.printing, prepared.emit);
  try {
    for (const module of emitter.modules) printer.print(module, emitter.statements(module));
  } catch {
    // Generation in one thread writes every module's statements before it prints any: emitted here
    // it throws that error, not one the workers may meet printing the modules before it.
    return writeSchemaSet(options.outDir, prepared, emitPrepared(prepared));
  }
  const printed = await printer.files();
  // Every module the workers printed was printed without error: the first error among those they
  // failed (in module order) is the one generation in one thread throws.
  const failed = emitter.modules.filter((module) => printed.get(module) === undefined);
  const reprinted = failed.length === 0 ? [] : emitModules(emitter, failed, prepared.emit);
  const perModule = prepared.emit === 'ts' ? 1 : 2;
  const generated = emitter.modules.flatMap((module) => {
    const files = printed.get(module);
    if (files !== undefined) return files;
    const at = failed.indexOf(module) * perModule;
    return reprinted.slice(at, at + perModule);
  });
  return writeSchemaSet(options.outDir, prepared, generated);
}

function emitModules(
  emitter: ModuleEmitter,
  modules: readonly string[],
  emit: EmitLanguage,
): GeneratedFile[] {
  const sources = emitter.emitAll(modules);
  return emit === 'ts' ? sources : transpileToJs(sources);
}

function loadAndCheck(files: readonly string[]): CheckedSchema {
  const loaded = loadSchema(files);
  return { model: loaded.model, diagnostics: schemaDiagnostics(loaded.model, loaded.diagnostics) };
}

/**
 * For each id the other layers have and `model` lacks: its definitions there, newest layer first
 * (`\`user\` of layer 214, \`user\` of layer 122`; the same name in several layers is grouped).
 */
function idsOfOtherLayers(model: TlSchemaModel, sets: ReadonlyArray<readonly string[]>): Map<number, string> {
  const own = new Set([...model.constructors, ...model.functions].map((d) => d.id));
  const byId = new Map<number, Map<string, number[]>>();
  for (const files of sets) {
    const other = loadSchema(files).model;
    const layer = other.layer;
    for (const definition of [...other.constructors, ...other.functions]) {
      if (own.has(definition.id) || layer === undefined) continue;
      const names = byId.get(definition.id) ?? new Map<string, number[]>();
      byId.set(definition.id, names);
      const layers = names.get(definition.name) ?? [];
      names.set(definition.name, [...layers, layer]);
    }
  }
  const texts = new Map<number, string>();
  for (const [id, names] of byId) {
    const parts = [...names].map(([name, layers]) => {
      const sorted = [...new Set(layers)].sort((a, b) => b - a);
      return `\`${name}\` of layer${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}`;
    });
    texts.set(id, parts.join(', '));
  }
  return texts;
}

/**
 * `dir` and its missing parents, as `mkdir -p`. Not Node's recursive mkdirSync: where a folder exists
 * but refuses new entries with ENOENT (`/proc`), that retries forever instead of failing.
 */
function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir);
    return;
  } catch (failure) {
    if (errnoCode(failure) !== 'ENOENT' || dirname(dir) === dir) {
      existingDirectory(dir, failure);
      return;
    }
  }
  makeDirectory(dirname(dir));
  try {
    mkdirSync(dir);
  } catch (failure) {
    // Made by someone else since the first try: as good as made here.
    existingDirectory(dir, failure);
  }
}

/** After `mkdir dir` failed with `failure`: fine where `dir` is a folder already, else the failure. */
function existingDirectory(dir: string, failure: unknown): void {
  if (errnoCode(failure) === 'EEXIST' && statSync(dir).isDirectory()) return;
  throw failure;
}
