// `tlforge decode [<hex or base64> | --file <path> | -] [options]`: reads TL bytes with a schema (a
// layer tlforge ships, or schema files) and prints every value with its byte range: the dissector's
// tree (dissect/), as text, as JSON (`--json`) or as the decoded value's lossless JSON (`--value`).
// `--layers 122,latest` reads the bytes with two layers and points to where they part ways.

import { readFileSync } from 'node:fs';
import { TlError } from '@tlforge/runtime';
import { firstDivergence } from '../dissect/compare-dissections.ts';
import { type DissectOptions, dissect, requestNamed } from '../dissect/dissect-bytes.ts';
import type { DissectResult } from '../dissect/dissect-tree.ts';
import { dissectionJson } from '../dissect/dissection-json.ts';
import { dissectionValue } from '../dissect/dissection-value.ts';
import { formatDissection } from '../dissect/format-tree.ts';
import { parseInputText } from '../dissect/input-bytes.ts';
import { parseTypeRef } from '../dissect/type-ref-parse.ts';
import { TlFileError } from '../model/file-error.ts';
import type { CliCommand } from './cli-command.ts';
import type { CliOutput } from './cli-output.ts';
import type { CommandLine } from './command-line.ts';
import { ExitCode } from './exit-code.ts';
import { type ChosenSchema, chosenSchema, layerSchema, schemaOptions } from './schema-choice.ts';
import { CliUsageError } from './usage-error.ts';

export const decodeCommand: CliCommand = {
  name: 'decode',
  synopsis: '[<hex or base64…> | --file <path> | -] [options]',
  summary: 'print every value of TL bytes (hex, base64 or a file) with its byte range',
  description: [
    'Reads the bytes with the schema (a layer tlforge ships, the latest by default, or --schema',
    'files) and prints one value a line: its byte range [start, end), its field name, TL type and',
    'value. Flags words list the bits set and the fields they switch on, vectors their counts; a',
    'gzip_packed is inflated in place, and the values inside have offsets into the inflated data',
    '(#1[0, 24)). rpc_result holds the result of the call named by --request. The bytes are hex',
    '(spaces and line breaks allowed) or base64 as arguments, a binary file (--file), or stdin',
    '(-, hex, base64 or binary). When they do not decode, the values read so far are printed, then',
    'the error with its offset (exit 4).',
  ],
  positionals: { name: 'input (hex or base64, --file <path>, or - for stdin)', min: 0 },
  options: [
    ...schemaOptions,
    {
      name: 'layers',
      value: '<a,b>',
      description: 'read with two shipped layers (122,latest) and show where they part ways',
    },
    { name: 'file', value: '<path>', description: 'read the bytes from a binary file' },
    {
      name: 'request',
      value: '<method>',
      description: 'the call rpc_result answers (messages.getDialogs): read its result with its type',
    },
    {
      name: 'type',
      value: '<type>',
      description: "read the bytes as this type: 'Vector<long>', messages.Messages, %Message",
    },
    { name: 'base64', description: 'the input is base64 (default: hex when it is only hex digits)' },
    { name: 'json', description: 'print the tree as JSON' },
    { name: 'value', description: 'print the value as lossless JSON (what toJSON() gives; encode reads it)' },
    {
      name: 'lenient',
      description: 'accept what strict reading refuses (non-zero padding, unknown flag bits)',
    },
  ],

  async run(commandLine, output) {
    if (commandLine.has('json') && commandLine.has('value')) {
      throw new CliUsageError('unexpected-argument', 'give --json or --value, not both', 'decode');
    }
    const bytes = readInput(commandLine);
    const layers = commandLine.value('layers');
    if (layers !== undefined) return compareLayers(layers, bytes, commandLine, output);
    const chosen = chosenSchema(commandLine, 'decode', output);
    if (chosen === undefined) return ExitCode.schemaErrors;
    const result = dissect(chosen.schema, bytes, dissectOptions(commandLine, chosen));
    if (commandLine.has('json')) {
      output.out(JSON.stringify(dissectionJson(result), null, 2));
    } else if (commandLine.has('value')) {
      if (result.error !== undefined) {
        for (const line of formatDissection(result)) output.err(line);
        return ExitCode.invalidInput;
      }
      output.out(JSON.stringify(dissectionValue(result), null, 2));
    } else {
      for (const line of formatDissection(result)) output.out(line);
    }
    return result.error === undefined ? ExitCode.ok : ExitCode.invalidInput;
  },
};

function dissectOptions(commandLine: CommandLine, chosen: ChosenSchema): DissectOptions {
  const options: DissectOptions = { strict: !commandLine.has('lenient') };
  const request = commandLine.value('request');
  const type = commandLine.value('type');
  try {
    if (request !== undefined) options.request = requestNamed(chosen.schema, request).name;
    if (type !== undefined) options.type = parseTypeRef(type, chosen.schema);
  } catch (e) {
    if (e instanceof TlError) throw new CliUsageError('invalid-value', e.message, 'decode');
    throw e;
  }
  return options;
}

/** `--layers a,b`: both trees, then the first value they read differently. */
function compareLayers(
  names: string,
  bytes: Uint8Array,
  commandLine: CommandLine,
  output: CliOutput,
): ExitCode {
  const pair = names.split(',').map((name) => name.trim());
  if (pair.length !== 2 || pair.some((name) => name === '')) {
    throw new CliUsageError(
      'invalid-value',
      `--layers takes two layers: --layers 122,latest, got "${names}"`,
      'decode',
    );
  }
  if (commandLine.value('layer') !== undefined || commandLine.list('schema').length > 0) {
    throw new CliUsageError('unexpected-argument', 'give --layers, or --layer/--schema, not both', 'decode');
  }
  const results: Array<{ name: string; result: DissectResult }> = [];
  for (const name of pair) {
    const chosen = layerSchema(name, output);
    if (chosen === undefined) return ExitCode.schemaErrors;
    results.push({
      name: chosen.label,
      result: dissect(chosen.schema, bytes, dissectOptions(commandLine, chosen)),
    });
  }
  const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
  const divergence = firstDivergence(a.result, b.result);
  if (commandLine.has('json')) {
    const layers = results.map(({ name, result }) => ({ layer: name, dissection: dissectionJson(result) }));
    output.out(JSON.stringify({ layers, divergence: divergence ?? null }, null, 2));
  } else {
    for (const { name, result } of results) {
      output.out(`== layer ${name} ==`);
      for (const line of formatDissection(result)) output.out(line);
      output.out('');
    }
    if (divergence === undefined) {
      output.out(`layers ${a.name} and ${b.name} read these bytes the same way`);
    } else {
      const at =
        divergence.buffer === 0
          ? `byte ${divergence.offset}`
          : `byte ${divergence.offset} of buffer #${divergence.buffer}`;
      const where = divergence.path === '' ? '' : ` (${divergence.path})`;
      const width = Math.max(a.name.length, b.name.length) + 1;
      output.out(`first divergence at ${at}${where}:`);
      output.out(`  ${`${a.name}:`.padEnd(width)} ${divergence.first ?? 'nothing here'}`);
      output.out(`  ${`${b.name}:`.padEnd(width)} ${divergence.second ?? 'nothing here'}`);
    }
  }
  return a.result.error === undefined && b.result.error === undefined ? ExitCode.ok : ExitCode.invalidInput;
}

/** The bytes: `--file`, `-` (stdin), or the arguments as hex or base64 text. */
function readInput(commandLine: CommandLine): Uint8Array {
  const file = commandLine.value('file');
  const texts = commandLine.files;
  if (file !== undefined) {
    if (texts.length > 0) {
      throw new CliUsageError(
        'unexpected-argument',
        `give the bytes once: --file ${file} or "${texts[0]}"`,
        'decode',
      );
    }
    return readBinary(file);
  }
  if (texts.length === 0) {
    throw new CliUsageError(
      'missing-file-argument',
      'decode needs the bytes: hex or base64, --file <path>, or - for stdin',
      'decode',
    );
  }
  const format = commandLine.has('base64') ? 'base64' : undefined;
  if (texts.length === 1 && texts[0] === '-') {
    const stdin = readBinary(0);
    return isText(stdin) ? inputText(new TextDecoder().decode(stdin), format) : stdin;
  }
  return inputText(texts.join(' '), format);
}

function inputText(text: string, format: 'base64' | undefined): Uint8Array {
  try {
    return parseInputText(text, format).bytes;
  } catch (e) {
    if (e instanceof TlError) throw new CliUsageError('invalid-value', `the input: ${e.message}`, 'decode');
    throw e;
  }
}

function readBinary(path: string | 0): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (failure) {
    throw TlFileError.fromReadFailure(path === 0 ? 'stdin' : path, failure);
  }
}

/** Stdin of printable ASCII and whitespace is hex or base64 text; anything else is the bytes themselves. */
function isText(bytes: Uint8Array): boolean {
  for (const b of bytes) if ((b < 0x20 || b > 0x7e) && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}
