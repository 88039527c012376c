// `tlforge diff <old file.tl…> --to <new file.tl…> [--json]`: load both schema sets, each resolved
// as one schema, and print what changed (model/schema-diff.ts) as Markdown or JSON on stdout.
// A difference is no failure (exit 0); a set with schema errors is (exit 1), as for check.

import { loadSchema } from '../model/load-schema.ts';
import { diffSchemas } from '../model/schema-diff.ts';
import { schemaDiffMarkdown } from '../model/schema-diff-markdown.ts';
import type { CliCommand } from './cli-command.ts';
import type { CliOutput } from './cli-output.ts';
import { countLine, printDiagnostics } from './diagnostic-report.ts';
import { ExitCode } from './exit-code.ts';

export const diffCommand: CliCommand = {
  name: 'diff',
  synopsis: '<old file.tl…> --to <new file.tl…> [options]',
  summary: 'what changed between two schema sets, as Markdown or JSON',
  description: [
    'Resolves the old files and the new files, each set as one schema, and prints what changed,',
    'matched by TL name (a rename is a removal and an addition): definitions added, removed and',
    'changed (id, fields, flags, result or boxed type), and types that gained or lost constructors.',
    'A change is breaking when code written against the old set stops compiling or decoding once',
    'regenerated: a new id, a required field added, a field removed, retyped or made required, a',
    "constructor's field made optional, a result or boxed type changed. An optional field added, a",
    'flag moved, a flags word added or fields reordered are not breaking by themselves (but all of',
    'them except a new `flags.N?true` come with a new id). Markdown on stdout, sorted by name; a',
    'difference is not an error (exit 0). Schema diagnostics go to stderr; errors in either set',
    'fail (exit 1).',
  ],
  options: [
    {
      name: 'to',
      value: '<file.tl…>',
      many: true,
      required: true,
      description: 'the new schema files: every argument after it up to the next option',
    },
    {
      name: 'json',
      description: 'print { from, to, added, removed, changed, unchanged, types } as JSON',
    },
  ],

  async run(commandLine, output) {
    const before = loadChecked(commandLine.files, output);
    const after = loadChecked(commandLine.list('to'), output);
    if (before === undefined || after === undefined) return ExitCode.schemaErrors;
    const diff = diffSchemas(before.model, after.model);
    const text = commandLine.has('json') ? JSON.stringify(diff, null, 2) : schemaDiffMarkdown(diff).trimEnd();
    for (const line of text.split('\n')) output.out(line);
    return ExitCode.ok;
  },
};

/** The loaded set, its diagnostics printed; undefined when it has errors (warnings pass). */
function loadChecked(files: readonly string[], output: CliOutput): ReturnType<typeof loadSchema> | undefined {
  const loaded = loadSchema(files);
  printDiagnostics(loaded.diagnostics, output);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors === 0) return loaded;
  const warnings = loaded.diagnostics.length - errors;
  output.err(`${files.join(', ')}: ${countLine(errors, warnings, false)}: no diff`);
  return undefined;
}
