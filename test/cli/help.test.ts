// `tlforge --help`, `tlforge help <command>`, `tlforge <command> --help` and `--version`: help goes
// to stdout with exit 0, lists what the parser accepts and documents the exit codes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNTIME } from '../../packages/codegen/src/emit/generate.ts';
import { runCli } from './run-cli.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../../packages/codegen/package.json', import.meta.url), 'utf8'),
) as { version: string };

const exitCodes = [
  'exit codes:',
  '  0  success',
  '  1  the schema has errors (or warnings, with --strict); generate wrote nothing',
  '  2  usage or file error: an unknown command or option, a bad or missing value, a schema',
  '     path that is missing, unreadable or a directory, an output folder that cannot be written',
  '  3  internal error: a bug in tlforge (please report it with the stack)',
  '  4  decode and encode: the bytes or the JSON are no valid value of the schema (decode prints',
  '     the tree read up to the error)',
];

const generalHelp = [
  `tlforge ${version}: TL (Telegram Type Language) schema checker and TypeScript code generator`,
  '',
  'usage: tlforge <command> [options]',
  '',
  'commands:',
  '  check     report every error and warning of .tl and .json files, resolved as one schema',
  '  generate  write the TypeScript module of .tl and .json files, checked as one schema first',
  '  diff      what changed between two schema sets, as Markdown or JSON',
  '  decode    print every value of TL bytes (hex, base64 or a file) with its byte range',
  '  encode    print the bytes of a TL object given in its JSON form (as toJSON() writes it)',
  '',
  'options:',
  "  -h, --help     print this help; `tlforge help <command>` for a command's options",
  '  -v, --version  print the version',
  '',
  ...exitCodes,
];

const checkHelp = [
  'usage: tlforge check <file.tl|file.json…> [options]',
  '',
  'Parses and resolves the files together, as one schema (pass api.tl and mtproto.tl together),',
  'and prints every problem of every file to stderr as `file:line:col: kind: message`. The layer,',
  'the counts and the `N errors, M warnings` line go to stdout. Names that generate could not',
  'write (name clashes) are errors here too: a schema that passes check generates. A .json file',
  "is a schema in Telegram's or mtcute's JSON form and mixes with .tl files; its problems give the",
  'JSON path instead of line:col: `api.json:$.constructors[3].params[1].type: kind: message`.',
  '',
  'options:',
  '  --strict    fail on warnings too (exit 1)',
  '  -h, --help  print this help',
  '',
  ...exitCodes,
];

const generateHelp = [
  'usage: tlforge generate <file.tl|file.json…> --out <dir> [options]',
  '',
  'Checks the files as one schema, as `tlforge check` does (diagnostics on stderr), then writes',
  'the module generated from them into <dir>. Nothing is written while the schema has errors,',
  'or warnings under --strict. Regenerating the same files gives byte-identical output. Files',
  "may be .tl or .json (Telegram's or mtcute's JSON form), mixed.",
  '',
  'options:',
  '  --out <dir>                    folder to write into (created if missing)',
  '  --runtime <specifier>          runtime module to import (default: @tlforge/runtime)',
  '  --long big-integer|bigint      TL `long` as a big-integer BigInteger (default) or a bigint',
  '  --import-extension js|ts|none  extension of imports between generated files (default: js)',
  '  --emit ts|js                   TypeScript (default), or JavaScript with .d.ts declarations',
  '  --only <name…>                 generate only these methods, constructors or types and what they need',
  '  --only-file <path>             the names for --only, one per line or separated by spaces (# starts a comment)',
  '  --docs <file.json>             descriptions and RPC errors for the JSDoc (schema/docs/layer228.json)',
  '  --strict                       fail on warnings too (exit 1, nothing written)',
  '  -h, --help                     print this help',
  '',
  ...exitCodes,
];

const diffHelp = [
  'usage: tlforge diff <old file.tl…> --to <new file.tl…> [options]',
  '',
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
  '',
  'options:',
  '  --to <file.tl…>  the new schema files: every argument after it up to the next option',
  '  --json           print { from, to, added, removed, changed, unchanged, types } as JSON',
  '  -h, --help       print this help',
  '',
  ...exitCodes,
];

describe('tlforge help', () => {
  it('--help, -h and `help` print the commands, options and exit codes to stdout, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['help', 'help']]) {
      expect(await runCli(argv)).toEqual({ code: 0, out: generalHelp, err: [] });
    }
  });

  it('prints the help to stderr with exit 2 when no command is given', async () => {
    expect(await runCli([])).toEqual({ code: 2, out: [], err: generalHelp });
  });

  it('`help check`, `check --help` and `check -h` print the usage and options of check', async () => {
    for (const argv of [
      ['help', 'check'],
      ['check', '--help'],
      ['check', '-h'],
    ]) {
      expect(await runCli(argv)).toEqual({ code: 0, out: checkHelp, err: [] });
    }
  });

  it('`help generate` and `generate --help` print every generate option', async () => {
    for (const argv of [
      ['help', 'generate'],
      ['generate', '--help'],
    ]) {
      expect(await runCli(argv)).toEqual({ code: 0, out: generateHelp, err: [] });
    }
  });

  it('`help diff` and `diff --help` print the breaking rule and the options of diff', async () => {
    for (const argv of [
      ['help', 'diff'],
      ['diff', '--help'],
    ]) {
      expect(await runCli(argv)).toEqual({ code: 0, out: diffHelp, err: [] });
    }
  });

  it('a command shows its help even when the rest of the line is wrong', async () => {
    expect(await runCli(['generate', '--fast', 'a.tl', '--help'])).toEqual({
      code: 0,
      out: generateHelp,
      err: [],
    });
  });

  it('reads --help after `--` as a file name, not as a request for help', async () => {
    const result = await runCli(['check', '--', '--help']);
    expect(result).toEqual({ code: 2, out: [], err: ['--help does not exist'] });
  });

  it('names the default runtime the emitter really uses', () => {
    expect(generateHelp).toContain(
      `  --runtime <specifier>          runtime module to import (default: ${DEFAULT_RUNTIME})`,
    );
  });

  it('`help` rejects an unknown command and extra words with exit 2', async () => {
    expect(await runCli(['help', 'frobnicate'])).toEqual({
      code: 2,
      out: [],
      err: [
        'unknown command "frobnicate"; commands: check, generate, diff, decode, encode',
        'run `tlforge --help` for usage',
      ],
    });
    expect(await runCli(['help', 'check', 'generate'])).toEqual({
      code: 2,
      out: [],
      err: ['help takes one command name, got "check generate"', 'run `tlforge --help` for usage'],
    });
  });
});

describe('tlforge --version', () => {
  it('prints the version of packages/codegen/package.json, exit 0', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await runCli(['--version'])).toEqual({ code: 0, out: [version], err: [] });
    expect(await runCli(['-v'])).toEqual({ code: 0, out: [version], err: [] });
  });
});
