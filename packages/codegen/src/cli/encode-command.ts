// `tlforge encode [<json> | --file <path> | -] [options]`: the lossless JSON form of a TL object (what
// generated `toJSON()` and `tlforge decode --value` print) to its bytes, through the schema alone
// (dissect/encode-json.ts): printed as hex, or written to a file with --out.

import { readFileSync, writeFileSync } from 'node:fs';
import { encodeBase64, parseJsonText, TlError, TlJsonError } from '@tlforge/runtime';
import { encodeJson } from '../dissect/encode-json.ts';
import { parseTypeRef } from '../dissect/type-ref-parse.ts';
import { TlFileError } from '../model/file-error.ts';
import type { TlTypeRef } from '../model/schema-model.ts';
import type { CliCommand } from './cli-command.ts';
import { ExitCode } from './exit-code.ts';
import { chosenSchema, schemaOptions } from './schema-choice.ts';
import { CliUsageError } from './usage-error.ts';

export const encodeCommand: CliCommand = {
  name: 'encode',
  synopsis: '[<json> | --file <path> | -] [options]',
  summary: 'print the bytes of a TL object given in its JSON form (as toJSON() writes it)',
  description: [
    'Reads a TL object in its JSON form, `_` naming the constructor and keys the TL field names',
    '({"_": "messages.startBot", "random_id": "6414074", …}: longs as decimal strings, bytes as',
    'base64, set true flags as true, absent fields left out), and prints its bytes as hex, or',
    'writes them to a file (--out). Flags words are computed from the fields present; a',
    'msg_container body gets its length. A value the schema does not allow is an error naming',
    'its path (exit 4).',
  ],
  positionals: { name: 'JSON value (or --file <path>, or - for stdin)', min: 0 },
  options: [
    ...schemaOptions,
    { name: 'file', value: '<path>', description: 'read the JSON from a file' },
    { name: 'type', value: '<type>', description: "encode the JSON as this type: 'Vector<long>', %Message" },
    { name: 'out', value: '<file>', description: 'write the bytes to a file instead of printing hex' },
    { name: 'base64', description: 'print base64 instead of hex' },
  ],

  async run(commandLine, output) {
    const text = readJsonText(commandLine.files, commandLine.value('file'));
    const chosen = chosenSchema(commandLine, 'encode', output);
    if (chosen === undefined) return ExitCode.schemaErrors;
    let type: TlTypeRef | undefined;
    const typeText = commandLine.value('type');
    if (typeText !== undefined) {
      try {
        type = parseTypeRef(typeText, chosen.schema);
      } catch (e) {
        if (e instanceof TlError) throw new CliUsageError('invalid-value', e.message, 'encode');
        throw e;
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = encodeJson(chosen.schema, parseJsonText(text), type === undefined ? {} : { type });
    } catch (e) {
      if (!(e instanceof TlJsonError)) throw e;
      output.err(`cannot encode: ${e.message}`);
      return ExitCode.invalidInput;
    }
    const out = commandLine.value('out');
    if (out !== undefined) {
      try {
        writeFileSync(out, bytes);
      } catch (failure) {
        throw new TlFileError('write-failed', out, `cannot write ${out}: ${(failure as Error).message}`, {
          cause: failure,
        });
      }
      output.out(`wrote ${bytes.length} bytes to ${out}`);
    } else if (commandLine.has('base64')) {
      output.out(encodeBase64(bytes));
    } else {
      for (const line of hexLines(bytes)) output.out(line);
    }
    return ExitCode.ok;
  },
};

function readJsonText(args: readonly string[], file: string | undefined): string {
  if (file !== undefined) {
    if (args.length > 0)
      throw new CliUsageError(
        'unexpected-argument',
        `give the JSON once: --file ${file} or an argument`,
        'encode',
      );
    return readText(file);
  }
  if (args.length === 0) {
    throw new CliUsageError(
      'missing-file-argument',
      'encode needs the JSON: an argument, --file <path>, or - for stdin',
      'encode',
    );
  }
  return args.length === 1 && args[0] === '-' ? readText(0) : args.join(' ');
}

function readText(path: string | 0): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (failure) {
    throw TlFileError.fromReadFailure(path === 0 ? 'stdin' : path, failure);
  }
}

/** Hex in 4-byte words, 8 words a line: what `tlforge decode` and the tests read back. */
export function hexLines(bytes: Uint8Array): string[] {
  const words: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    let word = '';
    for (const b of bytes.subarray(i, i + 4)) word += b.toString(16).padStart(2, '0');
    words.push(word);
  }
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 8) lines.push(words.slice(i, i + 8).join(' '));
  return lines.length === 0 ? [''] : lines;
}
