// How `check` and `generate` report a schema's diagnostics: each one on stderr as
// `file:line:col: kind: message` (`file:$.json.path: kind: message` in a JSON schema), and one
// count line, so both commands read alike.

import type { TlSchemaError } from '../parser/schema-error.ts';
import type { CliOutput } from './cli-output.ts';

export function printDiagnostics(diagnostics: readonly TlSchemaError[], output: CliOutput): void {
  for (const diagnostic of diagnostics) output.err(diagnostic.message);
}

/** `2 errors, 1 warning`; under `--strict` says why warnings alone fail. */
export function countLine(errors: number, warnings: number, strict: boolean): string {
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return strict && warnings > 0 ? `${counts} (warnings fail under --strict)` : counts;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
