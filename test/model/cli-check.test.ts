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

  it('prints every problem of a bad schema as file:line:col: kind: message, exit 1', async () => {
    const file = 'test/fixtures/bad-schema.tl';
    expect(await run(['check', file])).toEqual({
      code: 1,
      out: [
        'layer: unknown (no // LAYER comment)',
        'constructors: 3, functions: 0, types: 1',
        `${file}:2:1: id-mismatch: explicit id 00000001 differs from the computed id 015d9201 (line 2); the explicit id is used`,
        `${file}:2:9: undefined-type: type \`Missing\` is not defined by any constructor`,
        `${file}:3:25: flag-bit-range: flag bit 32 is outside 0..31`,
        `${file}:4:20: missing-semicolon: expected \`;\` after the result type, found the end of the file`,
        '3 errors, 1 warning',
      ],
      err: [],
    });
  });

  it('resolves several files together', async () => {
    const result = await run(['check', 'schema/latest/api.tl']);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      'layer: 214',
      'constructors: 1475, functions: 727, types: 555',
      '0 errors, 0 warnings',
    ]);
  });

  it('rejects an unknown command and a missing file with exit 2', async () => {
    expect(await run(['frobnicate'])).toEqual({
      code: 2,
      out: [],
      err: [`usage: tlforge <command> …; commands: ${Object.keys(commands).join(', ')}`],
    });
    expect(Object.keys(commands)).toContain('check');
    expect(await run(['check'])).toEqual({ code: 2, out: [], err: ['usage: check <file.tl> [more.tl …]'] });
    const missing = await run(['check', 'no/such/file.tl']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(
      /^cannot read schema: ENOENT: no such file or directory, open 'no\/such\/file.tl'$/,
    );
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
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(child.status).toBe(1);
    expect(child.stdout.split('\n').at(-2)).toBe('3 errors, 1 warning');
  });
});
