// A command line tlforge cannot run names the offending word and what was expected, on stderr,
// followed by where to find the usage; the exit code is 2 and nothing is read or written.

import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const generateHint = 'run `tlforge generate --help` for usage';
const schema = 'schema/layer122/api.tl';

function usageError(...err: string[]) {
  return { code: 2, out: [], err };
}

describe('tlforge usage errors', () => {
  it('names an unknown command and lists the commands', async () => {
    expect(await runCli(['frobnicate'])).toEqual(
      usageError(
        'unknown command "frobnicate"; commands: check, generate, diff, decode, encode',
        'run `tlforge --help` for usage',
      ),
    );
  });

  it('names an unknown option before the command', async () => {
    expect(await runCli(['--frob', 'check'])).toEqual(
      usageError('unknown option "--frob"; options: --help, --version', 'run `tlforge --help` for usage'),
    );
  });

  it("names an unknown option of a command and lists the command's options", async () => {
    expect(await runCli(['generate', schema, '--out', 'tmp/x', '--fast'])).toEqual(
      usageError(
        'unknown option "--fast" for generate; options: --out, --runtime, --long, --import-extension, --emit, --only, --only-file, --docs, --strict, --help',
        generateHint,
      ),
    );
    expect(await runCli(['check', schema, '-q'])).toEqual(
      usageError(
        'unknown option "-q" for check; options: --strict, --help',
        'run `tlforge check --help` for usage',
      ),
    );
    expect(await runCli(['check', schema, '--out=x'])).toEqual(
      usageError(
        'unknown option "--out" for check; options: --strict, --help',
        'run `tlforge check --help` for usage',
      ),
    );
  });

  it('asks for the schema files', async () => {
    expect(await runCli(['check'])).toEqual(
      usageError('check needs at least one .tl file', 'run `tlforge check --help` for usage'),
    );
    expect(await runCli(['generate', '--out', 'tmp/x'])).toEqual(
      usageError('generate needs at least one .tl file', generateHint),
    );
  });

  it('asks for --out', async () => {
    expect(await runCli(['generate', schema])).toEqual(
      usageError('generate needs --out <dir>', generateHint),
    );
  });

  it('names an option without its value', async () => {
    expect(await runCli(['generate', schema, '--out'])).toEqual(
      usageError('--out needs a value: --out <dir>', generateHint),
    );
    expect(await runCli(['generate', schema, '--out', '--strict'])).toEqual(
      usageError('--out needs a value: --out <dir>', generateHint),
    );
    expect(await runCli(['generate', schema, '--out='])).toEqual(
      usageError('--out needs a value: --out <dir>', generateHint),
    );
    expect(await runCli(['generate', schema, '--out', 'tmp/x', '--long'])).toEqual(
      usageError('--long needs a value: --long big-integer|bigint', generateHint),
    );
  });

  it('names a value outside the choices of --long, --import-extension and --emit', async () => {
    expect(await runCli(['generate', schema, '--out', 'tmp/x', '--long', 'number'])).toEqual(
      usageError('--long must be big-integer or bigint, got "number"', generateHint),
    );
    expect(await runCli(['generate', schema, '--out', 'tmp/x', '--import-extension=mjs'])).toEqual(
      usageError('--import-extension must be js, ts or none, got "mjs"', generateHint),
    );
    expect(await runCli(['generate', schema, '--out', 'tmp/x', '--emit', 'wasm'])).toEqual(
      usageError('--emit must be ts or js, got "wasm"', generateHint),
    );
  });

  it('refuses an option given twice and a value given to a switch', async () => {
    expect(await runCli(['generate', schema, '--out', 'tmp/a', '--out=tmp/b'])).toEqual(
      usageError('--out is given twice: "tmp/a" and "tmp/b"', generateHint),
    );
    expect(await runCli(['generate', schema, '--out', 'tmp/x', '--strict=yes'])).toEqual(
      usageError('--strict takes no value, got "--strict=yes"', generateHint),
    );
  });
});
