// A command line the CLI cannot run: names the offending word and what was expected. Thrown while
// parsing the arguments, printed by `main` with a pointer to the help, exit code 2.

import { TlError } from '@tlforge/runtime';

export type CliUsageErrorKind =
  | 'missing-command'
  | 'unknown-command'
  | 'unknown-option'
  | 'missing-value'
  | 'invalid-value'
  | 'unexpected-value'
  | 'repeated-option'
  | 'missing-option'
  | 'missing-file-argument'
  | 'unexpected-argument';

export class CliUsageError extends TlError {
  declare readonly kind: CliUsageErrorKind;
  /** The command whose usage was wrong; undefined for the top level (`tlforge --frob`). */
  readonly command: string | undefined;

  constructor(kind: CliUsageErrorKind, message: string, command?: string) {
    super(kind, message);
    this.command = command;
  }
}
