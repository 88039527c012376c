// `tlforge check`: the layer and the counts on stdout, every diagnostic on stderr as
// `file:line:col: kind: message`, the `N errors, M warnings` line on stdout; exit 1 on errors.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type CliOutput, commands, main } from '../../packages/codegen/src/cli.ts';

const root = new URL('../../', import.meta.url).pathname;

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: CliOutput = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await main(argv, output);
  return { code, out, err };
}

describe('tlforge check', () => {
  it('prints the layer, the counts and no diagnostic for a good schema, exit 0', async () => {
    expect(await run(['check', 'test/fixtures/docs-example.tl'])).toEqual({
      code: 0,
      out: [
        'layer: unknown (no // LAYER comment)',
        'constructors: 2, functions: 2, types: 1',
        '0 errors, 0 warnings',
      ],
      err: [],
    });
  });

  it('prints every problem of a bad schema to stderr as file:line:col: kind: message, exit 1', async () => {
    const file = 'test/fixtures/bad-schema.tl';
    expect(await run(['check', file])).toEqual({
      code: 1,
      out: [
        'layer: unknown (no // LAYER comment)',
        'constructors: 3, functions: 0, types: 1',
        '3 errors, 1 warning',
      ],
      err: [
        `${file}:2:1: id-mismatch: explicit id 00000001 differs from the computed id 015d9201 (line 2); the explicit id is used`,
        `${file}:2:9: undefined-type: type \`Missing\` is not defined by any constructor`,
        `${file}:3:25: flag-bit-range: flag bit 32 is outside 0..31`,
        `${file}:4:20: missing-semicolon: expected \`;\` after the result type, found the end of the file`,
      ],
    });
  });

  it('resolves several files together', async () => {
    const result = await run(['check', 'schema/latest/api.tl', 'schema/latest/mtproto.tl']);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      'schema/latest/api.tl:4918:1: builtin-with-id: `bytes` is a builtin type, always written bare: the id e937bb82 is ignored',
      'schema/latest/mtproto.tl:81:64: no-constructors: no constructor builds `HttpWait`: reading the result of `http_wait` can only meet an unknown id',
    ]);
    expect(result.out[0]).toBe('layer: 228');
    expect(result.out.at(-1)).toBe('0 errors, 2 warnings');
    const layer214 = await run(['check', 'schema/layer214/api.tl', 'schema/layer214/mtproto.tl']);
    expect([layer214.code, layer214.err, layer214.out[0], layer214.out.at(-1)]).toEqual([
      0,
      [],
      'layer: 214',
      '0 errors, 0 warnings',
    ]);
  });

  it('rejects an unknown command, a missing argument and a missing file with exit 2', async () => {
    expect(await run(['frobnicate'])).toEqual({
      code: 2,
      out: [],
      err: [
        'unknown command "frobnicate"; commands: check, generate, diff, decode, encode',
        'run `tlforge --help` for usage',
      ],
    });
    expect(commands.map((command) => command.name)).toEqual([
      'check',
      'generate',
      'diff',
      'decode',
      'encode',
    ]);
    expect(await run(['check'])).toEqual({
      code: 2,
      out: [],
      err: ['check needs at least one .tl file', 'run `tlforge check --help` for usage'],
    });
    expect(await run(['check', 'no/such/file.tl'])).toEqual({
      code: 2,
      out: [],
      err: ['no/such/file.tl does not exist'],
    });
  });

  it('exits with the code of main when run as a script', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=@tlforge/source',
        '--import',
        'tsx',
        'packages/codegen/src/cli.ts',
        'check',
        'test/fixtures/bad-schema.tl',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(child.status).toBe(1);
    expect(child.stdout.split('\n').at(-2)).toBe('3 errors, 1 warning');
    expect(child.stderr.split('\n')).toHaveLength(5);
  });
});
