// Generation of one schema set: load and resolve the .tl files, refuse on any schema error, emit the
// module and write it under the output directory. Used by `tlforge generate` and `npm run generate`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TlError } from '@tlforge/runtime';
import { loadSchema } from '../model/load-schema.ts';
import type { TlSchemaError } from '../parser/schema-error.ts';
import { emitSchemaModule } from './emit-schema-module.ts';
import { type LongRepresentation, resolveLongRepresentation } from './long-representation.ts';

export interface GenerateOptions {
  /** The .tl files of one set, in the order they are merged. */
  files: readonly string[];
  outDir: string;
  /** Runtime module specifier; defaults to this repository's `src/index.ts`, relative to `outDir`. */
  runtime?: string;
  /** How `long` fields are represented: 'big-integer' (default, GramJS-compatible) or 'bigint'. */
  long?: LongRepresentation | 'big-integer' | 'bigint';
}

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

/** A path for the generated header: relative to the working directory, `/`-separated. */
function displayPath(file: string): string {
  const path = isAbsolute(file) ? relative(process.cwd(), file) : file;
  return path.split(sep).join('/');
}

export function generateSchemaSet(options: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const { model, diagnostics } = loadSchema(options.files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new SchemaErrorsFound(errors);
  const generated = emitSchemaModule(model, {
    runtime: options.runtime ?? DEFAULT_RUNTIME,
    sourceFiles: options.files.map(displayPath),
    long: resolveLongRepresentation(options.long),
  });
  mkdirSync(options.outDir, { recursive: true });
  let bytes = 0;
  for (const file of generated) {
    const path = join(options.outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    bytes += Buffer.byteLength(file.text);
  }
  return {
    layer: model.layer,
    constructors: model.constructors.length,
    functions: model.functions.length,
    files: generated.map((f) => join(options.outDir, f.path)),
    bytes,
    milliseconds: performance.now() - started,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}
