// `tlforge generate <file.tl…> --out <dir> [--runtime <module specifier>] [--long big-integer|bigint]`:
// one module for the set of schema files given. Schema errors are printed (all of them) and nothing is written.

import type { CliOutput } from '../cli.ts';
import { TlEmitError } from './emit-error.ts';

const usage =
  'usage: generate <file.tl> [more.tl …] --out <dir> [--runtime <module specifier>] [--long big-integer|bigint]';

export async function generateCommand(args: string[], output: CliOutput): Promise<number> {
  const files: string[] = [];
  let outDir: string | undefined;
  let runtime: string | undefined;
  let long: 'big-integer' | 'bigint' | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--out' || arg === '--runtime' || arg === '--long') {
      const value = args[++i];
      if (value === undefined) {
        output.err(`${arg} needs a value; ${usage}`);
        return 2;
      }
      if (arg === '--out') outDir = value;
      else if (arg === '--runtime') runtime = value;
      else if (value === 'big-integer' || value === 'bigint') long = value;
      else {
        output.err(`--long must be big-integer or bigint, got ${value}; ${usage}`);
        return 2;
      }
    } else if (arg.startsWith('--')) {
      output.err(`unknown option ${arg}; ${usage}`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0 || outDir === undefined) {
    output.err(usage);
    return 2;
  }
  // Loaded on use: ts-morph (and TypeScript with it) is not needed by the other commands.
  const { generateSchemaSet, SchemaErrorsFound } = await import('./generate.ts');
  try {
    const summary = generateSchemaSet({ files, outDir, runtime, long });
    for (const warning of summary.warnings) output.err(warning.message);
    output.out(
      `layer ${summary.layer ?? 'unknown'}: ${summary.constructors} constructors, ${summary.functions} functions`,
    );
    for (const file of summary.files) output.out(`wrote ${file}`);
    output.out(`${summary.bytes} bytes in ${Math.round(summary.milliseconds)} ms`);
    return 0;
  } catch (error) {
    if (error instanceof SchemaErrorsFound) {
      for (const diagnostic of error.diagnostics) output.err(diagnostic.message);
      output.err(`${error.diagnostics.length} schema error(s): nothing generated`);
      return 1;
    }
    if (error instanceof TlEmitError) {
      output.err(error.message);
      return 1;
    }
    output.err(`cannot generate: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
