// `generate`: the programmatic form of `tlforge generate` for build scripts. Adds what the emitter's
// `generateSchemaSet` leaves to its caller: `strict`, an output path that is a file, and write
// failures reported as `TlFileError`s naming the folder rather than bare system errors.

import { type Stats, statSync } from 'node:fs';
import type { EmitWorkers } from '../emit/emit-workers.ts';
import {
  type GenerateSummary,
  generateSchemaSet,
  generateSchemaSetInParallel,
  SchemaErrorsFound,
  type GenerateOptions as SchemaSetOptions,
} from '../emit/generate.ts';
import { errnoCode, TlFileError } from '../model/file-error.ts';
import { type CheckResult, check } from './check.ts';

export interface GenerateOptions extends SchemaSetOptions {
  /** Refuse on warnings too, writing nothing: `SchemaErrorsFound` then carries the warnings as well. */
  strict?: boolean;
}

/**
 * Checks `files` as one schema and writes its generated module under `outDir`; returns what was
 * written. Writes nothing and throws `SchemaErrorsFound`, carrying every error (name clashes
 * included, as `check` reports them) and under `strict` every warning, when the schema fails; throws
 * `TlFileError` for a schema file that cannot be read or an output folder that cannot be written, and
 * `TlEmitError` for options the emitter cannot combine.
 */
export function generate(options: GenerateOptions): GenerateSummary {
  const { strict = false, ...setOptions } = options;
  let checked: CheckResult | undefined;
  if (strict) {
    // generateSchemaSet refuses on errors only; warnings have to be looked at before it writes.
    checked = check(setOptions.files, { strict });
    if (!checked.ok) throw new SchemaErrorsFound(checked.failures);
  }
  return generateChecked(setOptions, checked);
}

/**
 * `generate` of files the caller has checked already (`tlforge generate` checks them to print the
 * diagnostics): `checked` is what `check(options.files)` returned, and the files are not loaded again.
 * Without it, `generateSchemaSet` loads and checks them itself.
 */
export function generateChecked(
  options: SchemaSetOptions,
  checked: CheckResult | undefined,
): GenerateSummary {
  refuseFileAsOutDir(options.outDir);
  try {
    return generateSchemaSet(options, checked);
  } catch (failure) {
    throw writeFailure(failure, options.outDir);
  }
}

/**
 * `generateChecked` with part of the modules emitted by worker threads (`tlforge generate` starts
 * them before it checks the files): the same files, summary and errors.
 */
export async function generateCheckedInParallel(
  options: SchemaSetOptions,
  checked: CheckResult | undefined,
  workers: EmitWorkers,
): Promise<GenerateSummary> {
  refuseFileAsOutDir(options.outDir);
  try {
    return await generateSchemaSetInParallel(options, checked, workers);
  } catch (failure) {
    throw writeFailure(failure, options.outDir);
  }
}

/**
 * Reading throws TlFileError and schema problems throw TlError subclasses: a bare system error can
 * only come from creating the folder or writing into it. Anything else is returned as it is.
 */
function writeFailure(failure: unknown, outDir: string): unknown {
  const code = errnoCode(failure);
  if (code === undefined) return failure;
  const reason = failure instanceof Error ? failure.message : code;
  return new TlFileError('write-failed', outDir, `cannot write into ${outDir}: ${reason}`, {
    cause: failure,
  });
}

/** Without this, a file named like the folder fails deep in mkdir with a bare EEXIST. */
function refuseFileAsOutDir(outDir: string): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(outDir, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR, EACCES: creating the folder fails with the same cause, reported as write-failed.
    return;
  }
  if (stats !== undefined && !stats.isDirectory())
    throw new TlFileError('not-a-directory', outDir, `${outDir} is a file: the output must be a folder`);
}
