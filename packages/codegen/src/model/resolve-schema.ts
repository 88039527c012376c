// Builds the `TlSchemaModel` from parsed files: merges the files, sets the builtins aside,
// verifies ids, resolves every type name and groups flag bits. Problems become diagnostics
// (the parse diagnostics of the inputs included), sorted by file and position.

import type { ParsedSchema, TlDeclaration, TlFieldArgument } from '../parser/declaration.ts';
import { formatPosition } from '../parser/format-position.ts';
import { TlSchemaError } from '../parser/schema-error.ts';
import { builtinConstructorIds, builtinPrimitiveNames, reservedTypeNames } from './builtins.ts';
import {
  canonicalDeclaration,
  computeConstructorId,
  formatId,
  knownIdMismatches,
  typeExprText,
} from './constructor-id.ts';
import { buildFlagGroups } from './flag-groups.ts';
import { isBareName, resolveType, type TypeScope } from './resolve-type.ts';
import type {
  TlBoxedType,
  TlConstructor,
  TlDefinitionBase,
  TlField,
  TlFunction,
  TlSchemaModel,
} from './schema-model.ts';

export interface ResolvedSchema {
  model: TlSchemaModel;
  /** Parse and resolve diagnostics of every file, errors and warnings, in file and position order. */
  diagnostics: TlSchemaError[];
}

const noTypeParams: ReadonlySet<string> = new Set();

/** A declaration that survived merging, with its ids settled. */
interface AcceptedDeclaration {
  declaration: TlDeclaration;
  /** The model name: as written, or moved into its file's clash namespace. */
  name: string;
  /** Its file's written-name -> model-name map for names moved into the clash namespace. */
  scopedNames: ReadonlyMap<string, string>;
  id: number;
  computedId: number;
  builtin: boolean;
  /** Set for a declaration of the leading fields of another with the same id (see `prefixOf`). */
  prefixOf?: string;
}

/**
 * Merges parsed files into one `TlSchemaModel`: builtins set aside, ids verified, every type name
 * resolved, flag bits grouped. Returns the parse diagnostics of the files with the resolve ones,
 * errors and warnings, sorted by file and position; never throws on a bad schema.
 */
export function resolveSchema(files: readonly ParsedSchema[]): ResolvedSchema {
  const diagnostics: TlSchemaError[] = files.flatMap((file) => file.diagnostics);
  reportEmptyFiles(files, diagnostics);
  const accepted = mergeDeclarations(files, diagnostics);

  const constructors: TlConstructor[] = [];
  const functions: TlFunction[] = [];
  const types: TlBoxedType[] = [];
  const constructorsByName = new Map<string, TlConstructor>();
  const functionsByName = new Map<string, TlFunction>();
  const typesByName = new Map<string, TlBoxedType>();

  // Constructors and types first: field types may name constructors declared further down.
  const pending: Array<[AcceptedDeclaration, TlConstructor | TlFunction]> = [];
  for (const entry of accepted) {
    if (entry.builtin) continue;
    const { declaration } = entry;
    if (declaration.kind === 'function') {
      const fn: TlFunction = { kind: 'function', ...definitionBase(entry), result: { kind: 'object' } };
      functions.push(fn);
      functionsByName.set(fn.name, fn);
      pending.push([entry, fn]);
      continue;
    }
    const typeName = constructorTypeName(declaration, entry.scopedNames, diagnostics);
    const ctor: TlConstructor = { kind: 'constructor', ...definitionBase(entry), type: typeName };
    constructors.push(ctor);
    constructorsByName.set(ctor.name, ctor);
    pending.push([entry, ctor]);
    let type = typesByName.get(typeName);
    if (!type) {
      type = { name: typeName, ...splitName(typeName), constructors: [] };
      types.push(type);
      typesByName.set(typeName, type);
    }
    type.constructors.push(ctor.name);
  }

  addResultOnlyTypes(accepted, typesByName, types, diagnostics);

  for (const [entry, definition] of pending) {
    const scope: TypeScope = {
      constructorsByName,
      typesByName,
      typeParams: definition.typeParams.length === 0 ? noTypeParams : new Set(definition.typeParams),
      scopedNames: entry.scopedNames,
      diagnostics,
    };
    definition.fields = resolveFields(entry.declaration, scope);
    definition.flagGroups = buildFlagGroups(definition.fields);
    if (definition.kind === 'function')
      definition.result = resolveType(entry.declaration.result, 'result', scope);
  }

  const model: TlSchemaModel = {
    layer: settleLayer(files, diagnostics),
    files: files.map((file) => file.file),
    constructors,
    functions,
    types,
    constructorsByName,
    functionsByName,
    typesByName,
  };
  return { model, diagnostics: sortDiagnostics(diagnostics, model.files) };
}

/**
 * Keeps the first declaration of each name. Across files an identical repeat is dropped
 * silently (api.tl and mtproto.tl may share lines); anything else sharing a name or an id is an error.
 */
function mergeDeclarations(
  files: readonly ParsedSchema[],
  diagnostics: TlSchemaError[],
): AcceptedDeclaration[] {
  const accepted: AcceptedDeclaration[] = [];
  const byName = new Map<string, AcceptedDeclaration>();
  const byId = new Map<number, AcceptedDeclaration>();
  const scopedNamesByFile = clashScopedNames(files);
  for (const file of files) {
    const scopedNames = scopedNamesByFile.get(file) ?? noScopedNames;
    for (const declaration of file.declarations) {
      const computedId = computeConstructorId(declaration);
      const id = declaration.id ?? computedId;
      checkExplicitId(declaration, computedId, diagnostics);
      const builtin = classifyBuiltin(declaration, id, diagnostics);
      const name = scopedNames.get(declaration.name) ?? declaration.name;
      const entry: AcceptedDeclaration = { declaration, name, scopedNames, id, computedId, builtin };

      const sameName = byName.get(name);
      // Files declare builtins in their own ways (`int256 = Int256;`, `int256 8*[ int ] = Int256;`):
      // the runtime implements them either way.
      if (sameName?.builtin && builtin) continue;
      if (sameName) {
        const first = sameName.declaration.position;
        if (first.file === declaration.position.file) {
          diagnostics.push(
            declarationError(
              'duplicate-name',
              declaration,
              `\`${declaration.name}\` is already declared at ${first.path ?? `line ${first.line}`}`,
            ),
          );
        } else if (canonical(sameName) !== canonical(entry)) {
          diagnostics.push(
            declarationError(
              'conflicting-definition',
              declaration,
              `\`${declaration.name}\` is already declared differently at ${formatPosition(first)} ` +
                `(\`${shorten(sameName.declaration.source)}\`); merged files share one namespace`,
            ),
          );
        }
        continue;
      }
      const sameId = byId.get(id);
      const prefix = sameId === undefined ? undefined : prefixPair(sameId, entry);
      if (sameId !== undefined && prefix !== undefined) {
        prefix.short.prefixOf = prefix.long.name;
        byId.set(id, prefix.long);
        // Its id was never computed from its own text: the prefix warning says why it differs.
        const at = prefix.short.declaration.position;
        const mismatch = diagnostics.findIndex(
          (d) =>
            d.kind === 'id-mismatch' && d.file === at.file && d.line === at.line && d.column === at.column,
        );
        if (mismatch >= 0) diagnostics.splice(mismatch, 1);
        diagnostics.push(
          declarationError(
            'prefix-declaration',
            prefix.short.declaration,
            `\`${prefix.short.declaration.name}\` has the id ${formatId(id)} of \`${prefix.long.declaration.name}\` and declares only its first fields: ` +
              `it writes that prefix, and bytes with this id are read as \`${prefix.long.declaration.name}\``,
            'warning',
          ),
        );
      } else if (sameId) {
        const first = sameId.declaration.position;
        diagnostics.push(
          declarationError(
            'duplicate-id',
            declaration,
            `id ${formatId(id)} of \`${declaration.name}\` is already used by \`${sameId.declaration.name}\` ` +
              `at ${formatPosition(first)}`,
          ),
        );
      } else {
        byId.set(id, entry);
      }
      byName.set(name, entry);
      accepted.push(entry);
    }
  }
  return accepted;
}

const noScopedNames: ReadonlyMap<string, string> = new Map();

/**
 * Two declarations of one kind with one id where the fields of one are the leading fields of the
 * other (TDLib declares `invokeWithReCaptchaPrefix#adbb0f94 token:string = Error;` beside
 * `invokeWithReCaptcha#adbb0f94 {X:Type} token:string query:!X = X;`): the shorter is a prefix.
 */
function prefixPair(
  a: AcceptedDeclaration,
  b: AcceptedDeclaration,
): { short: AcceptedDeclaration; long: AcceptedDeclaration } | undefined {
  if (a.declaration.kind !== b.declaration.kind || a.builtin || b.builtin) return undefined;
  const fieldsOf = (entry: AcceptedDeclaration) =>
    entry.declaration.args.flatMap((arg) => (arg.kind === 'field' ? [`${arg.name}:${typeText(arg)}`] : []));
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  if (fa.length === fb.length) return undefined;
  const [short, long, fs, fl] = fa.length < fb.length ? [a, b, fa, fb] : [b, a, fb, fa];
  for (let i = 0; i < fs.length; i++) if (fs[i] !== fl[i]) return undefined;
  return { short, long };
}

function typeText(arg: TlFieldArgument): string {
  const condition = arg.condition === undefined ? '' : `${arg.condition.flagsField}.${arg.condition.bit}?`;
  return `${condition}${typeExprText(arg.type)}`;
}

/**
 * A function may return a type no constructor builds: the MTProto schema as core.telegram.org
 * publishes it declares `http_wait … = HttpWait;` so. The type is kept without constructors (reading
 * such a result can only meet an unknown id), with a warning.
 */
function addResultOnlyTypes(
  accepted: readonly AcceptedDeclaration[],
  typesByName: Map<string, TlBoxedType>,
  types: TlBoxedType[],
  diagnostics: TlSchemaError[],
): void {
  for (const entry of accepted) {
    const { declaration } = entry;
    if (declaration.kind !== 'function' || entry.builtin) continue;
    const result = declaration.result;
    const typeParams = declaration.args.some((arg) => arg.kind === 'typeParam' && arg.name === result.name);
    if (result.bare || result.bang || result.args.length > 0 || typeParams || isBareName(result.name))
      continue;
    const name = entry.scopedNames.get(result.name) ?? result.name;
    if (typesByName.has(name) || reservedTypeNames.has(name)) continue;
    const type: TlBoxedType = { name, ...splitName(name), constructors: [] };
    types.push(type);
    typesByName.set(name, type);
    diagnostics.push(
      new TlSchemaError(
        'no-constructors',
        result.position,
        `no constructor builds \`${name}\`: reading the result of \`${declaration.name}\` can only meet an unknown id`,
        declaration.source,
        'warning',
      ),
    );
  }
}

/**
 * For each file with a clash-namespace pragma: its definitions that another file defines
 * differently under the same name, and the types those build when another file's constructors
 * build them too, each mapped to `namespace.name`. The ids stay those of the written declarations.
 */
function clashScopedNames(files: readonly ParsedSchema[]): Map<ParsedSchema, Map<string, string>> {
  const result = new Map<ParsedSchema, Map<string, string>>();
  for (const file of files) {
    const namespace = file.clashNamespace ?? serviceNamespace(file);
    if (namespace === undefined) continue;
    const others = files.filter((other) => other !== file);
    // Rendered only for the names this file declares: mtproto.tl's few dozen, not api.tl's 2,500.
    const ownNames = new Set(file.declarations.map((declaration) => declaration.name));
    const otherCanonical = new Map<string, string[]>();
    const otherTypes = new Set<string>();
    for (const other of others) {
      for (const declaration of other.declarations) {
        if (declaration.kind === 'constructor') otherTypes.add(declaration.result.name);
        if (!ownNames.has(declaration.name)) continue;
        const forms = otherCanonical.get(declaration.name) ?? [];
        forms.push(canonicalOf(declaration));
        otherCanonical.set(declaration.name, forms);
      }
    }
    const scoped = new Map<string, string>();
    for (const declaration of file.declarations) {
      if (isBuiltinForm(declaration)) continue;
      const forms = otherCanonical.get(declaration.name);
      if (!forms?.some((form) => form !== canonicalOf(declaration))) continue;
      scoped.set(declaration.name, `${namespace}.${declaration.name}`);
      const type = declaration.result.name;
      if (declaration.kind === 'constructor' && otherTypes.has(type))
        scoped.set(type, `${namespace}.${type}`);
    }
    if (scoped.size > 0) result.set(file, scoped);
  }
  return result;
}

/**
 * The MTProto service schema (recognized by its `resPQ`) is published beside the API schema with a
 * `message` of its own (msg_container's element) and its own type `Message`: without a pragma, its
 * clashing definitions go to the `mtproto` namespace, so the two load together as published.
 */
function serviceNamespace(file: ParsedSchema): string | undefined {
  return file.declarations.some((d) => d.name === 'resPQ' && d.kind === 'constructor')
    ? 'mtproto'
    : undefined;
}

function canonicalOf(declaration: TlDeclaration): string {
  return `${declaration.kind} ${canonicalDeclaration(declaration, declaration.id ?? computeConstructorId(declaration))}`;
}

/** Rendered only when two files share a name: most declarations never need it. */
function canonical(entry: AcceptedDeclaration): string {
  return canonicalOf(entry.declaration);
}

function checkExplicitId(declaration: TlDeclaration, computedId: number, diagnostics: TlSchemaError[]): void {
  const { id } = declaration;
  if (id === undefined || id === computedId) return;
  if (knownIdMismatches.has(`${declaration.name}#${formatId(id)}`)) return;
  diagnostics.push(
    declarationError(
      'id-mismatch',
      declaration,
      `explicit id ${formatId(id)} differs from the computed id ${formatId(computedId)} ` +
        `(${declaration.position.path ?? `line ${declaration.position.line}`}); the explicit id is used`,
      'warning',
    ),
  );
}

/** True for the declarations the runtime implements itself; reports malformed builtins. */
function classifyBuiltin(declaration: TlDeclaration, id: number, diagnostics: TlSchemaError[]): boolean {
  const { name } = declaration;
  const usesRepetition = declaration.args.some((arg) => arg.kind === 'repetition');
  if (declaration.primitive || usesRepetition) {
    if (declaration.kind === 'function' || !builtinPrimitiveNames.has(name)) {
      diagnostics.push(
        declarationError(
          'unsupported-builtin',
          declaration,
          `\`${name}\` uses the builtin forms \`?\` or \`[ ]\`; only ${[...builtinPrimitiveNames].join(', ')} may`,
        ),
      );
    }
    return true;
  }
  if (declaration.kind === 'constructor' && isPrimitiveRedeclaration(declaration)) {
    // TDLib writes `bytes = Bytes;` beside `int ? = Int;`; tdesktop gives it an id, which nothing uses:
    // a `bytes` value is always written bare.
    if (declaration.id !== undefined) {
      diagnostics.push(
        declarationError(
          'builtin-with-id',
          declaration,
          `\`${name}\` is a builtin type, always written bare: the id ${formatId(declaration.id)} is ignored`,
          'warning',
        ),
      );
    }
    return true;
  }
  const builtinId = builtinConstructorIds.get(name);
  if (builtinId === undefined || declaration.kind === 'function') return false;
  if (id !== builtinId) {
    diagnostics.push(
      declarationError(
        'builtin-id-mismatch',
        declaration,
        `the runtime implements \`${name}\` with id ${formatId(builtinId)}, not ${formatId(id)}`,
      ),
    );
  }
  return true;
}

/** A declaration of something the runtime implements: never a clash between files. */
function isBuiltinForm(declaration: TlDeclaration): boolean {
  return (
    declaration.primitive ||
    declaration.args.some((arg) => arg.kind === 'repetition') ||
    isPrimitiveRedeclaration(declaration) ||
    (declaration.kind === 'constructor' && builtinConstructorIds.has(declaration.name))
  );
}

/** `bytes = Bytes;`, `int256 = Int256;`: a primitive declared as a fieldless constructor of its own type. */
function isPrimitiveRedeclaration(declaration: TlDeclaration): boolean {
  const { name, result } = declaration;
  return (
    builtinPrimitiveNames.has(name) &&
    declaration.args.length === 0 &&
    !result.bare &&
    !result.bang &&
    result.args.length === 0 &&
    result.name.toLowerCase() === name
  );
}

/** A constructor's result must be a plain boxed type name that the runtime does not own. */
function constructorTypeName(
  declaration: TlDeclaration,
  scopedNames: ReadonlyMap<string, string>,
  diagnostics: TlSchemaError[],
): string {
  const { result } = declaration;
  const plain = !result.bare && !result.bang && result.args.length === 0 && !isBareName(result.name);
  if (!plain || reservedTypeNames.has(result.name)) {
    diagnostics.push(
      new TlSchemaError(
        'invalid-result-type',
        result.position,
        plain
          ? `constructors of \`${result.name}\` are builtin; a schema cannot add one`
          : 'a constructor must build a boxed type named with an upper-case letter (`= Foo;`)',
        declaration.source,
      ),
    );
  }
  return scopedNames.get(result.name) ?? result.name;
}

function resolveFields(declaration: TlDeclaration, scope: TypeScope): TlField[] {
  const fields: TlField[] = [];
  const byName = new Map<string, TlField>();
  const fieldArgs = declaration.args.filter((arg): arg is TlFieldArgument => arg.kind === 'field');
  for (const arg of fieldArgs) {
    const type = resolveType(arg.type, arg.condition ? 'conditional' : 'field', scope);
    const field: TlField = { name: arg.name, type, position: arg.position };
    if (arg.condition) {
      const { flagsField, bit } = arg.condition;
      const flags = byName.get(flagsField);
      if (flags?.type.kind !== 'flags' || flags.condition) {
        scope.diagnostics.push(
          new TlSchemaError(
            'unknown-flags-field',
            arg.condition.position,
            unknownFlagsDetail(flagsField, flags, fieldArgs, arg),
            `${flagsField}.${bit}?`,
          ),
        );
      }
      field.condition = { flagsField, bit };
    }
    if (byName.has(arg.name)) {
      scope.diagnostics.push(
        new TlSchemaError('duplicate-field', arg.position, `field \`${arg.name}\` appears twice`, arg.name),
      );
    } else {
      byName.set(arg.name, field);
    }
    fields.push(field);
  }
  for (const arg of declaration.args) {
    if (arg.kind !== 'typeParam') continue;
    const { type } = arg;
    if (type.args.length > 0 || type.bare || type.bang || (type.name !== 'Type' && type.name !== '#')) {
      scope.diagnostics.push(
        new TlSchemaError(
          'invalid-type-param',
          arg.position,
          `type parameter \`${arg.name}\` must be \`{${arg.name}:Type}\``,
          declaration.source,
        ),
      );
    }
  }
  return fields;
}

function unknownFlagsDetail(
  flagsField: string,
  earlier: TlField | undefined,
  fieldArgs: readonly TlFieldArgument[],
  arg: TlFieldArgument,
): string {
  if (earlier) return `\`${flagsField}\` is not a \`#\` field, so it holds no flag bits`;
  const later = fieldArgs.indexOf(arg) < fieldArgs.findIndex((a) => a.name === flagsField);
  return later
    ? `\`${flagsField}\` is declared after \`${arg.name}\`; a flags field must come before its conditional fields`
    : `no \`${flagsField}:#\` field precedes \`${arg.name}\``;
}

function definitionBase(entry: AcceptedDeclaration): TlDefinitionBase {
  const { declaration, name } = entry;
  const dot = name.lastIndexOf('.');
  return {
    name,
    namespace: dot < 0 ? undefined : name.slice(0, dot),
    localName: name.slice(dot + 1),
    id: entry.id,
    computedId: entry.computedId,
    explicitId: declaration.id !== undefined,
    typeParams: declaration.args.flatMap((arg) => (arg.kind === 'typeParam' ? [arg.name] : [])),
    fields: [],
    flagGroups: [],
    position: declaration.position,
    source: declaration.source,
    ...(entry.prefixOf === undefined ? {} : { prefixOf: entry.prefixOf }),
  };
}

function splitName(name: string): { namespace?: string; localName: string } {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { localName: name } : { namespace: name.slice(0, dot), localName: name.slice(dot + 1) };
}

/**
 * A file that declares nothing is a warning: it is almost always a wrong path, a truncated download
 * or a file emptied by mistake, and generation would silently leave its definitions out. A file whose
 * declarations all failed to parse already has errors saying so.
 */
function reportEmptyFiles(files: readonly ParsedSchema[], diagnostics: TlSchemaError[]): void {
  for (const file of files) {
    if (file.declarations.length > 0 || file.diagnostics.some((d) => d.severity === 'error')) continue;
    diagnostics.push(
      new TlSchemaError(
        'empty-schema',
        { file: file.file, line: 1, column: 1 },
        'the file declares no constructors and no functions',
        '',
        'warning',
      ),
    );
  }
}

/** The layer of the first file stating one; a different layer in another file is suspicious. */
function settleLayer(files: readonly ParsedSchema[], diagnostics: TlSchemaError[]): number | undefined {
  let layer: number | undefined;
  let layerFile = '';
  for (const file of files) {
    if (file.layer === undefined) continue;
    if (layer === undefined) {
      layer = file.layer;
      layerFile = file.file;
    } else if (file.layer !== layer && file.layerPosition) {
      diagnostics.push(
        new TlSchemaError(
          'layer-mismatch',
          file.layerPosition,
          `this file states layer ${file.layer} but ${layerFile} states layer ${layer}; using ${layer}`,
          `// LAYER ${file.layer}`,
          'warning',
        ),
      );
    }
  }
  return layer;
}

function shorten(source: string): string {
  return source.length <= 60 ? source : `${source.slice(0, 57)}...`;
}

function declarationError(
  kind: TlSchemaError['kind'],
  declaration: TlDeclaration,
  detail: string,
  severity: 'error' | 'warning' = 'error',
): TlSchemaError {
  return new TlSchemaError(kind, declaration.position, detail, declaration.source, severity);
}

/** Diagnostics in the order of `files`, then by line and column; equal positions keep their order. */
export function sortDiagnostics(diagnostics: TlSchemaError[], files: readonly string[]): TlSchemaError[] {
  const fileOrder = (file: string) => {
    const index = files.indexOf(file);
    return index < 0 ? files.length : index;
  };
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        fileOrder(a.diagnostic.file) - fileOrder(b.diagnostic.file) ||
        a.diagnostic.line - b.diagnostic.line ||
        a.diagnostic.column - b.diagnostic.column ||
        a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic);
}
