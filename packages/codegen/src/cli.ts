#!/usr/bin/env node

// The `tlforge` command: dispatches to the commands of cli/, prints help and the version, and maps
// every failure to an exit code (see cli/exit-code.ts). `main` is exported so tests and scripts run
// the CLI in-process with captured output; the process only runs it when started as the script.

import { checkCommand } from './cli/check-command.ts';
import type { CliCommand } from './cli/cli-command.ts';
import { type CliOutput, ignoreClosedPipes, processOutput } from './cli/cli-output.ts';
import { asksForHelp, CommandLine } from './cli/command-line.ts';
import { decodeCommand } from './cli/decode-command.ts';
import { diffCommand } from './cli/diff-command.ts';
import { encodeCommand } from './cli/encode-command.ts';
import { ExitCode } from './cli/exit-code.ts';
import { generateCommand } from './cli/generate-command.ts';
import { commandHelp, generalHelp } from './cli/help-text.ts';
import { isEntryModule } from './cli/is-entry-module.ts';
import { CliUsageError } from './cli/usage-error.ts';
import { TlEmitError } from './emit/emit-error.ts';
import { TlFileError } from './model/file-error.ts';
import { TLFORGE_VERSION } from './version.ts';

export type { CliOutput } from './cli/cli-output.ts';
export { ExitCode } from './cli/exit-code.ts';

/** The commands, in the order help lists them. */
export const commands: readonly CliCommand[] = [
  checkCommand,
  generateCommand,
  diffCommand,
  decodeCommand,
  encodeCommand,
];

/** Runs one command line (without `node` and the script); resolves to the process exit code. */
export async function main(argv: readonly string[], output: CliOutput = processOutput): Promise<ExitCode> {
  try {
    return await dispatch(argv, output);
  } catch (failure) {
    return reportFailure(failure, output);
  }
}

async function dispatch(argv: readonly string[], output: CliOutput): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    // Nothing to do is a usage error, but the help is the most useful answer to it.
    for (const line of generalHelp(commands, TLFORGE_VERSION)) output.err(line);
    return ExitCode.usage;
  }
  if (first === '-h' || first === '--help') {
    for (const line of generalHelp(commands, TLFORGE_VERSION)) output.out(line);
    return ExitCode.ok;
  }
  if (first === '-v' || first === '--version') {
    output.out(TLFORGE_VERSION);
    return ExitCode.ok;
  }
  if (first === 'help') return help(rest, output);
  if (first.startsWith('-'))
    throw new CliUsageError('unknown-option', `unknown option "${first}"; options: --help, --version`);
  const command = findCommand(first);
  if (asksForHelp(rest)) {
    for (const line of commandHelp(command)) output.out(line);
    return ExitCode.ok;
  }
  return command.run(CommandLine.parse(command.name, command.options, rest, command.positionals), output);
}

/** `tlforge help [command]`. */
function help(args: readonly string[], output: CliOutput): ExitCode {
  if (args.length > 1) {
    throw new CliUsageError('unexpected-argument', `help takes one command name, got "${args.join(' ')}"`);
  }
  const [name] = args;
  const lines =
    name === undefined || name === 'help'
      ? generalHelp(commands, TLFORGE_VERSION)
      : commandHelp(findCommand(name));
  for (const line of lines) output.out(line);
  return ExitCode.ok;
}

function findCommand(name: string): CliCommand {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const names = commands.map((c) => c.name).join(', ');
  throw new CliUsageError('unknown-command', `unknown command "${name}"; commands: ${names}`);
}

/** Schema diagnostics are reported by the commands; what reaches here is usage, paths, emitter refusals or a bug. */
function reportFailure(failure: unknown, output: CliOutput): ExitCode {
  if (failure instanceof CliUsageError) {
    output.err(failure.message);
    const helpCommand =
      failure.command === undefined ? 'tlforge --help' : `tlforge ${failure.command} --help`;
    output.err(`run \`${helpCommand}\` for usage`);
    return ExitCode.usage;
  }
  if (failure instanceof TlFileError) {
    output.err(failure.message);
    return ExitCode.usage;
  }
  if (failure instanceof TlEmitError) {
    output.err(failure.message);
    // Options the emitter cannot combine, or --only names it cannot find, are the command line's
    // fault; anything else is the schema's.
    const usage = failure.kind === 'unsupported-option' || failure.kind === 'unknown-name';
    return usage ? ExitCode.usage : ExitCode.schemaErrors;
  }
  output.err(
    `internal error: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`,
  );
  output.err('this is a bug in tlforge: please report it with the lines above');
  return ExitCode.internal;
}

if (isEntryModule(import.meta.url, process.argv[1])) {
  ignoreClosedPipes();
  process.exitCode = await main(process.argv.slice(2));
}
