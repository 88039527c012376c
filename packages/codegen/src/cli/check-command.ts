// `tlforge check <file.tl|file.json…> [--strict]`: load and resolve the files as one schema, run the emitter's
// checks of names (see api/check.ts), and print every diagnostic (stderr) with the layer and the
// counts (stdout). Writes nothing.

import { check } from '../api/check.ts';
import type { CliCommand } from './cli-command.ts';
import { countLine, printDiagnostics } from './diagnostic-report.ts';
import { ExitCode } from './exit-code.ts';

export const checkCommand: CliCommand = {
  name: 'check',
  synopsis: '<file.tl|file.json…> [options]',
  summary: 'report every error and warning of .tl and .json files, resolved as one schema',
  description: [
    'Parses and resolves the files together, as one schema (pass api.tl and mtproto.tl together),',
    'and prints every problem of every file to stderr as `file:line:col: kind: message`. The layer,',
    'the counts and the `N errors, M warnings` line go to stdout. Names that generate could not',
    'write (name clashes) are errors here too: a schema that passes check generates. A .json file',
    "is a schema in Telegram's or mtcute's JSON form and mixes with .tl files; its problems give the",
    'JSON path instead of line:col: `api.json:$.constructors[3].params[1].type: kind: message`.',
  ],
  options: [{ name: 'strict', description: 'fail on warnings too (exit 1)' }],

  async run(commandLine, output) {
    const strict = commandLine.has('strict');
    const result = check(commandLine.files, { strict });
    const { model } = result;
    output.out(`layer: ${model.layer ?? 'unknown (no // LAYER comment)'}`);
    output.out(
      `constructors: ${model.constructors.length}, functions: ${model.functions.length}, types: ${model.types.length}`,
    );
    printDiagnostics(result.diagnostics, output);
    output.out(countLine(result.errors.length, result.warnings.length, strict));
    return result.ok ? ExitCode.ok : ExitCode.schemaErrors;
  },
};
