// The shape of one `tlforge` command: its options are data, so the parser, the usage errors and
// `--help` all read the same table and cannot disagree about what a command accepts.

import type { CliOutput } from './cli-output.ts';
import type { CommandLine } from './command-line.ts';
import type { ExitCode } from './exit-code.ts';

export interface CliOption {
  /** Long name without the dashes: `out` for `--out`. */
  readonly name: string;
  /** Placeholder of the value in help (`<dir>`); absent for a switch such as `--strict`. */
  readonly value?: string;
  /** The only values accepted, when the set is closed; help shows them as `a|b`. */
  readonly choices?: readonly string[];
  /**
   * Takes every argument after it up to the next option (`--to new/api.tl new/mtproto.tl`);
   * read with `CommandLine.list`. Needs `value`.
   */
  readonly many?: boolean;
  /** May be given more than once (`--schema api.tl --schema mtproto.tl`); read with `CommandLine.list`. */
  readonly repeatable?: boolean;
  readonly required?: boolean;
  /** One line for help; the default, when there is one, is part of it. */
  readonly description: string;
}

export interface CliCommand {
  readonly name: string;
  /** What follows `tlforge <name>` in the usage line: `<file.tl…> --out <dir> [options]`. */
  readonly synopsis: string;
  /** One line for the command list of `tlforge --help`. */
  readonly summary: string;
  /** The paragraph of `tlforge help <name>` between the usage line and the options. */
  readonly description: readonly string[];
  readonly options: readonly CliOption[];
  /**
   * What the positional arguments are when they are not schema files (`tlforge decode`'s bytes):
   * then none is required. Default: the schema files, at least one.
   */
  readonly positionals?: { readonly name: string; readonly min: number };
  /** Runs a command line already checked against `options`; resolves to the exit code. */
  run(commandLine: CommandLine, output: CliOutput): Promise<ExitCode>;
}
