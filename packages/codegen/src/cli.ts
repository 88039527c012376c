// Command-line entry of the codegen: `tsx codegen/cli.ts <command> …`. Commands are entries of a
// table so new ones (generation) plug in without touching the dispatch; `main` is exported so
// tests and scripts run it in-process with captured output.

import { pathToFileURL } from 'node:url';
import { generateCommand } from './emit/generate-command.ts';
import { loadSchema } from './model/load-schema.ts';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export type CliCommand = (args: string[], output: CliOutput) => Promise<number>;

const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `check <file.tl…>`: parse and resolve the files as one schema, print every diagnostic. */
async function checkCommand(args: string[], output: CliOutput): Promise<number> {
  if (args.length === 0) {
    output.err('usage: check <file.tl> [more.tl …]');
    return 2;
  }
  let loaded: ReturnType<typeof loadSchema>;
  try {
    loaded = loadSchema(args);
  } catch (error) {
    // Only file-system failures get here: schema problems are diagnostics, not exceptions.
    output.err(`cannot read schema: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { model, diagnostics } = loaded;
  output.out(`layer: ${model.layer ?? 'unknown (no // LAYER comment)'}`);
  output.out(
    `constructors: ${model.constructors.length}, functions: ${model.functions.length}, types: ${model.types.length}`,
  );
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else warnings++;
    output.out(diagnostic.message);
  }
  output.out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

export const commands: Record<string, CliCommand> = {
  check: checkCommand,
  generate: generateCommand,
};

/** Runs one command; resolves to the process exit code (0 ok, 1 schema errors, 2 usage). */
export async function main(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    output.err(`usage: tlforge <command> …; commands: ${Object.keys(commands).join(', ')}`);
    return 2;
  }
  return command(args, output);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
