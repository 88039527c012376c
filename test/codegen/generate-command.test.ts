// `tlforge generate`: writes one module for the files given, with the runtime specifier asked for,
// refuses (and writes nothing) when the schema has errors, and explains its usage. The options and
// failures of the command line in general are pinned under test/cli/.

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

/** The text of every file a successful run says it wrote, joined. */
function writtenText(out: readonly string[]): string {
  const files = out.filter((line) => line.startsWith('wrote ')).map((line) => line.slice('wrote '.length));
  expect(files.length).toBeGreaterThan(0);
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

/** The module specifiers generated code imports that are not its own files (`./api.js`). */
function packageImports(text: string): string[] {
  const specifiers = [...text.matchAll(/ from '([^']+)';/g)].map((match) => match[1]);
  return [...new Set(specifiers.filter((specifier) => !specifier.startsWith('.')))];
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
    expect(result.err).toEqual([]);
    expect(result.out[0]).toMatch(/^layer 122: \d+ constructors, \d+ functions$/);
    expect(result.out).toContain(`wrote ${join(outDir, 'index.ts')}`);
    expect(result.out.at(-1)).toMatch(/^\d+ bytes in \d+ ms$/);
    const text = writtenText(result.out);
    expect(packageImports(text)).toEqual(['tlforge/runtime']);
    expect(readFileSync(join(outDir, 'index.ts'), 'utf8')).toContain('export const LAYER = 122;');
  });

  it('imports the runtime by its package name, @tlforge/runtime, unless --runtime says otherwise', async () => {
    const schema = join(scratch, 'tiny.tl');
    writeFileSync(schema, '// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n');
    const result = await run(['generate', schema, '--out', join(scratch, 'tiny')]);
    expect(result.code).toBe(0);
    expect(packageImports(writtenText(result.out))).toEqual(['@tlforge/runtime']);
  });

  it('prints every schema error to stderr and writes nothing, exit 1', async () => {
    const schema = join(scratch, 'bad.tl');
    writeFileSync(schema, 'a x:Nope = A;\nb y:Missing = B;\n');
    const outDir = join(scratch, 'bad');
    expect(await run(['generate', schema, '--out', outDir])).toEqual({
      code: 1,
      out: [],
      err: [
        `${schema}:1:5: undefined-type: type \`Nope\` is not defined by any constructor`,
        `${schema}:2:5: undefined-type: type \`Missing\` is not defined by any constructor`,
        '2 errors, 0 warnings: nothing generated',
      ],
    });
    expect(existsSync(outDir)).toBe(false);
  });

  it('explains its usage', async () => {
    const hint = 'run `tlforge generate --help` for usage';
    expect(await run(['generate', 'schema/latest/api.tl'])).toEqual({
      code: 2,
      out: [],
      err: ['generate needs --out <dir>', hint],
    });
    expect((await run(['generate', '--fast'])).err[0]).toMatch(/^unknown option "--fast" for generate; /);
    expect(await run(['generate', 'schema/latest/api.tl', '--out', scratch, '--long', 'number'])).toEqual({
      code: 2,
      out: [],
      err: ['--long must be big-integer or bigint, got "number"', hint],
    });
  });

  it('--long bigint types long fields as bigint and reads them with r.bigint()', async () => {
    const schema = join(scratch, 'ping.tl');
    writeFileSync(schema, '// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n');
    const outDir = join(scratch, 'ping-bigint');
    const result = await run(['generate', schema, '--out', outDir, '--long', 'bigint']);
    expect(result.code).toBe(0);
    const text = writtenText(result.out);
    expect(text).toContain('declare pingId: bigint;');
    expect(text).toContain('o.pingId = r.bigint();');
  });
});
