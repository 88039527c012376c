// Which schema `tlforge decode` and `tlforge encode` read values with: a layer tlforge ships
// (`--layer latest`, the default; `--layer 122`) or schema files (`--schema api.tl --schema mtproto.tl`).
// A schema with errors is reported like `check` reports it and the command stops.

import { DissectSchema } from '../dissect/dissect-schema.ts';
import { loadSchema } from '../model/load-schema.ts';
import type { CliOption } from './cli-command.ts';
import type { CliOutput } from './cli-output.ts';
import type { CommandLine } from './command-line.ts';
import { countLine, printDiagnostics } from './diagnostic-report.ts';
import { CliUsageError } from './usage-error.ts';
import { vendoredLayer, vendoredLayers, vendoredSchemaFiles } from './vendored-schemas.ts';

export const schemaOptions: readonly CliOption[] = [
  {
    name: 'layer',
    value: '<name>',
    description: `a layer tlforge ships: ${vendoredLayers.map((l) => l.name).join(' or ')} (default: latest)`,
  },
  {
    name: 'schema',
    value: '<file.tl>',
    repeatable: true,
    description: 'read with these schema files (.tl or .json) instead; once per file',
  },
];

export interface ChosenSchema {
  schema: DissectSchema;
  /** How output names it: `latest`, `122`, or the files. */
  label: string;
}

/** The schema the command line chose; undefined (diagnostics printed) when it has errors. */
export function chosenSchema(
  commandLine: CommandLine,
  command: string,
  output: CliOutput,
): ChosenSchema | undefined {
  const files = commandLine.list('schema');
  const layer = commandLine.value('layer');
  if (files.length > 0 && layer !== undefined) {
    throw new CliUsageError('unexpected-argument', 'give --layer or --schema, not both', command);
  }
  if (files.length > 0) return loadChecked(files, files.join(', '), output);
  return layerSchema(layer ?? 'latest', output);
}

/** A vendored layer by the name `--layer` takes. */
export function layerSchema(name: string, output: CliOutput): ChosenSchema | undefined {
  const layer = vendoredLayer(name);
  return loadChecked(vendoredSchemaFiles(layer), layer.name, output);
}

function loadChecked(files: readonly string[], label: string, output: CliOutput): ChosenSchema | undefined {
  const loaded = loadSchema(files);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return { schema: new DissectSchema(loaded.model), label };
  printDiagnostics(errors, output);
  output.err(`${files.join(', ')}: ${countLine(errors.length, 0, false)}: cannot read values with it`);
  return undefined;
}
