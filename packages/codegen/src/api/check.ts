// `check`: load and resolve schema files as one schema and sort its diagnostics into errors and
// warnings. The `tlforge check` command and `generate` both decide pass or fail here, so `--strict`
// means the same thing everywhere. The emitter's checks of names run here too: a schema that
// passes `check` generates.

import { schemaDiagnostics } from '../emit/emit-diagnostics.ts';
import { type LoadedSchema, loadSchema } from '../model/load-schema.ts';
import type { TlSchemaError } from '../parser/schema-error.ts';

export interface CheckOptions {
  /** Treat warnings as failures (`--strict`): `ok` is then false when there is any diagnostic. */
  strict?: boolean;
}

export interface CheckResult extends LoadedSchema {
  /** The diagnostics of severity `error`, in file and position order. */
  errors: TlSchemaError[];
  /** The diagnostics of severity `warning`, in file and position order. */
  warnings: TlSchemaError[];
  /** The diagnostics that fail the check: the errors, and under `strict` the warnings as well. */
  failures: TlSchemaError[];
  /** True when `failures` is empty: the schema may be generated. */
  ok: boolean;
}

/**
 * Parses and resolves `files` together (as `api.tl` and `mtproto.tl` are) and reports every problem
 * of every file. Schema problems are returned, never thrown; a path that cannot be read throws a
 * `TlFileError`.
 */
export function check(files: readonly string[], options: CheckOptions = {}): CheckResult {
  const loaded = loadSchema(files);
  const diagnostics = schemaDiagnostics(loaded.model, loaded.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const failures = options.strict ? diagnostics : errors;
  return { ...loaded, diagnostics, errors, warnings, failures, ok: failures.length === 0 };
}
