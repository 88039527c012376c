// The programmatic API of the `tlforge` package, for build scripts and tools: the functions the
// `tlforge` CLI runs. From text to files: `parseSchema` (one file's text) → `resolveSchema` (files
// merged into one model) → `generate` (the module written to disk); `loadSchema` and `check` read
// the files from disk and run the first two.
//
//   import { generate, SchemaErrorsFound } from 'tlforge';
//   try {
//     generate({ files: ['schema/api.tl', 'schema/mtproto.tl'], outDir: 'src/tl', long: 'bigint' });
//   } catch (error) {
//     if (!(error instanceof SchemaErrorsFound)) throw error;
//     for (const diagnostic of error.diagnostics) console.error(diagnostic.message);
//     process.exitCode = 1;
//   }

export { TlError } from '@tlforge/runtime';
// Pass or fail, and generation: what `tlforge check` and `tlforge generate` do.
export { type CheckOptions, type CheckResult, check } from './api/check.ts';
export { type GenerateOptions, generate } from './api/generate.ts';
// Bytes, value by value, through the schema alone: the dissector (`tlforge decode`), its text and JSON
// forms, the value's lossless JSON, and that JSON back to bytes (`tlforge encode`).
export { type Divergence, firstDivergence } from './dissect/compare-dissections.ts';
export { DEFAULT_MAX_NODES, type DissectOptions, dissect } from './dissect/dissect-bytes.ts';
export { DissectSchema, dissectSchemaFromText, type SchemaText } from './dissect/dissect-schema.ts';
export type {
  DissectBuffer,
  DissectDefinition,
  DissectError,
  DissectFlags,
  DissectNode,
  DissectResult,
  DissectValueKind,
} from './dissect/dissect-tree.ts';
export { type DissectionJson, type DissectNodeJson, dissectionJson } from './dissect/dissection-json.ts';
export { dissectionValue } from './dissect/dissection-value.ts';
export { type EncodeJsonOptions, encodeJson } from './dissect/encode-json.ts';
export { type FormatTreeOptions, formatDissection } from './dissect/format-tree.ts';
export { type InputBytes, type InputFormat, parseInputText } from './dissect/input-bytes.ts';
export { parseTypeRef } from './dissect/type-ref-parse.ts';
export { TlEmitError, type TlEmitErrorKind } from './emit/emit-error.ts';
export {
  DEFAULT_RUNTIME,
  type EmitLanguage,
  type GenerateSummary,
  type ImportExtension,
  SchemaErrorsFound,
} from './emit/generate.ts';
export type { LongRepresentation } from './emit/long-representation.ts';
export { TlFileError, type TlFileErrorKind } from './model/file-error.ts';
// The stages, for tools that inspect a schema rather than generate from it.
export { type LoadedSchema, loadSchema } from './model/load-schema.ts';
export { type ResolvedSchema, resolveSchema } from './model/resolve-schema.ts';
// What changed between two schemas: what `tlforge diff` prints.
export {
  diffSchemas,
  type TlDefinitionChange,
  type TlDefinitionChangeKind,
  type TlDefinitionDiff,
  type TlDefinitionKind,
  type TlDefinitionSummary,
  type TlSchemaDiff,
  type TlSchemaDiffSide,
  type TlTypeMembershipChange,
} from './model/schema-diff.ts';
export { schemaDiffMarkdown, schemaDiffSummary } from './model/schema-diff-markdown.ts';
export type {
  FlagBit,
  FlagCondition,
  FlagGroup,
  SourcePosition,
  TlBoxedType,
  TlConstructor,
  TlDefinition,
  TlDefinitionBase,
  TlField,
  TlFunction,
  TlSchemaModel,
  TlTypeRef,
} from './model/schema-model.ts';
export type {
  ParsedSchema,
  TlArgument,
  TlDeclaration,
  TlFieldArgument,
  TlFlagConditionExpr,
  TlRepetitionArgument,
  TlTypeExpr,
  TlTypeParamArgument,
} from './parser/declaration.ts';
export type { SchemaComments } from './parser/mtcute-json-schema.ts';
export { type JsonSchemaForm, type ParsedJsonSchema, parseJsonSchema } from './parser/parse-json-schema.ts';
export { parseSchema } from './parser/parse-schema.ts';
export { TlSchemaError, type TlSchemaErrorKind, type TlSchemaSeverity } from './parser/schema-error.ts';
