// `tlforge generate <file.tl|file.json…> --out <dir> [options]`: check the files as `tlforge check` does,
// printing every diagnostic, then write the generated module. Nothing is written while the schema
// fails (errors, or warnings under --strict).

import { readFileSync } from 'node:fs';
import { check } from '../api/check.ts';
import type { EmitWorkers } from '../emit/emit-workers.ts';
import type { EmitLanguage, GenerateSummary, ImportExtension } from '../emit/generate.ts';
import { TlFileError } from '../model/file-error.ts';
import type { CliCommand } from './cli-command.ts';
import type { CliOutput } from './cli-output.ts';
import type { CommandLine } from './command-line.ts';
import { countLine, printDiagnostics } from './diagnostic-report.ts';
import { ExitCode } from './exit-code.ts';

const longChoices = ['big-integer', 'bigint'] as const;
const importExtensionChoices = ['js', 'ts', 'none'] as const satisfies readonly ImportExtension[];
const emitChoices = ['ts', 'js'] as const satisfies readonly EmitLanguage[];

/** The names of --only and of the --only-file list together; none given: undefined (everything). */
function onlyNames(names: readonly string[], file: string | undefined): string[] | undefined {
  if (names.length === 0 && file === undefined) return undefined;
  const fromFile =
    file === undefined
      ? []
      : readNamesFile(file)
          .split('\n')
          .flatMap((line) => line.replace(/#.*/, '').split(/\s+/))
          .filter((name) => name !== '');
  return [...names, ...fromFile];
}

function readNamesFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (failure) {
    throw TlFileError.fromReadFailure(path, failure);
  }
}

export const generateCommand: CliCommand = {
  name: 'generate',
  synopsis: '<file.tl|file.json…> --out <dir> [options]',
  summary: 'write the TypeScript module of .tl and .json files, checked as one schema first',
  description: [
    'Checks the files as one schema, as `tlforge check` does (diagnostics on stderr), then writes',
    'the module generated from them into <dir>. Nothing is written while the schema has errors,',
    'or warnings under --strict. Regenerating the same files gives byte-identical output. Files',
    "may be .tl or .json (Telegram's or mtcute's JSON form), mixed.",
  ],
  options: [
    { name: 'out', value: '<dir>', required: true, description: 'folder to write into (created if missing)' },
    {
      name: 'runtime',
      value: '<specifier>',
      description: 'runtime module to import (default: @tlforge/runtime)',
    },
    {
      name: 'long',
      choices: longChoices,
      description: 'TL `long` as a big-integer BigInteger (default) or a bigint',
    },
    {
      name: 'import-extension',
      choices: importExtensionChoices,
      description: 'extension of imports between generated files (default: js)',
    },
    {
      name: 'emit',
      choices: emitChoices,
      description: 'TypeScript (default), or JavaScript with .d.ts declarations',
    },
    {
      name: 'only',
      value: '<name…>',
      many: true,
      description: 'generate only these methods, constructors or types and what they need',
    },
    {
      name: 'only-file',
      value: '<path>',
      description: 'the names for --only, one per line or separated by spaces (# starts a comment)',
    },
    {
      name: 'docs',
      value: '<file.json>',
      description: 'descriptions and RPC errors for the JSDoc (schema/docs/layer228.json)',
    },
    { name: 'strict', description: 'fail on warnings too (exit 1, nothing written)' },
  ],

  async run(commandLine, output) {
    // Started first: each worker loads ts-morph (and TypeScript) while this thread checks the files.
    const { startEmitWorkers } = await import('../emit/emit-workers.ts');
    const workers = startEmitWorkers();
    try {
      return await generate(commandLine, output, workers);
    } finally {
      await workers?.close();
    }
  },
};

async function generate(
  commandLine: CommandLine,
  output: CliOutput,
  workers: EmitWorkers | undefined,
): Promise<ExitCode> {
  const { files } = commandLine;
  const strict = commandLine.has('strict');
  const checked = check(files, { strict });
  printDiagnostics(checked.diagnostics, output);
  if (!checked.ok) {
    output.err(`${countLine(checked.errors.length, checked.warnings.length, strict)}: nothing generated`);
    return ExitCode.schemaErrors;
  }
  // Loaded on use: `check` and `--help` need none of the emitter.
  const { generateChecked, generateCheckedInParallel } = await import('../api/generate.ts');
  const { SchemaErrorsFound } = await import('../emit/generate.ts');
  let summary: GenerateSummary;
  try {
    const options = {
      files,
      outDir: commandLine.value('out')!,
      runtime: commandLine.value('runtime'),
      long: commandLine.choice('long', longChoices),
      importExtension: commandLine.choice('import-extension', importExtensionChoices),
      emit: commandLine.choice('emit', emitChoices),
      docs: commandLine.value('docs'),
      only: onlyNames(commandLine.list('only'), commandLine.value('only-file')),
    };
    // The schema checked above, warnings included, is the one generated: it is not loaded again.
    summary =
      workers === undefined
        ? generateChecked(options, checked)
        : await generateCheckedInParallel(options, checked, workers);
  } catch (failure) {
    // The errors of the --docs file: the schema's were printed above.
    if (!(failure instanceof SchemaErrorsFound)) throw failure;
    printDiagnostics(failure.diagnostics, output);
    output.err(`${countLine(failure.diagnostics.length, 0, false)}: nothing generated`);
    return ExitCode.schemaErrors;
  }
  output.out(
    `layer ${summary.layer ?? 'unknown'}: ${summary.constructors} constructors, ${summary.functions} functions`,
  );
  for (const file of summary.files) output.out(`wrote ${file}`);
  output.out(`${summary.bytes} bytes in ${Math.round(summary.milliseconds)} ms`);
  return ExitCode.ok;
}
