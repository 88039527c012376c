// `tlforge generate`: writes one module for the files given, with the runtime specifier asked for,
// refuses (and writes nothing) when the schema has errors, and explains its usage.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../packages/codegen/src/cli.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-cli-');
afterAll(() => removeScratch(scratch));

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('generate command', () => {
  it('writes index.ts importing the runtime named by --runtime', async () => {
    const outDir = join(scratch, 'layer122');
    const result = await run([
      'generate',
      'schema/layer122/api.tl',
      'schema/layer122/mtproto.tl',
      '--out',
      outDir,
      '--runtime',
      'tlforge/runtime',
    ]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^layer 122: \d+ constructors, \d+ functions$/);
    const text = readFileSync(join(outDir, 'index.ts'), 'utf8');
    expect(text).toContain("} from 'tlforge/runtime';");
    expect(text).toContain('export const LAYER = 122;');
  });

  it('imports the runtime by its package name, @tlforge/runtime, unless --runtime says otherwise', async () => {
    const schema = join(scratch, 'tiny.tl');
    writeFileSync(schema, '// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n');
    const outDir = join(scratch, 'tiny');
    expect((await run(['generate', schema, '--out', outDir])).code).toBe(0);
    const text = readFileSync(join(outDir, 'index.ts'), 'utf8');
    expect(/from '([^']+)';/.exec(text)?.[1]).toBe('@tlforge/runtime');
  });

  it('prints every schema error and writes nothing', async () => {
    const schema = join(scratch, 'bad.tl');
    writeFileSync(schema, 'a#1 x:Nope = A;\nb#2 y:Missing = B;\n');
    const outDir = join(scratch, 'bad');
    const result = await run(['generate', schema, '--out', outDir]);
    expect(result.code).toBe(1);
    expect(result.err.filter((line) => line.includes('undefined-type'))).toHaveLength(2);
    expect(result.err.at(-1)).toBe('2 schema error(s): nothing generated');
    expect(existsSync(outDir)).toBe(false);
  });

  it('explains its usage', async () => {
    const result = await run(['generate', 'schema/latest/api.tl']);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      'usage: generate <file.tl> [more.tl …] --out <dir> [--runtime <module specifier>] [--long big-integer|bigint]',
    ]);
    expect((await run(['generate', '--fast'])).err[0]).toMatch(/^unknown option --fast/);
    const badLong = await run(['generate', 'schema/latest/api.tl', '--out', scratch, '--long', 'number']);
    expect(badLong.code).toBe(2);
    expect(badLong.err[0]).toMatch(/^--long must be big-integer or bigint, got number/);
  });

  it('--long bigint types long fields as bigint and reads them with r.bigint()', async () => {
    const schema = join(scratch, 'ping.tl');
    writeFileSync(schema, '// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n');
    const outDir = join(scratch, 'ping-bigint');
    expect((await run(['generate', schema, '--out', outDir, '--long', 'bigint'])).code).toBe(0);
    const text = readFileSync(join(outDir, 'index.ts'), 'utf8');
    expect(text).toContain('declare pingId: bigint;');
    expect(text).toContain('o.pingId = r.bigint();');
    expect(text).toContain('// `long` fields: bigint (--long bigint).');
  });
});
