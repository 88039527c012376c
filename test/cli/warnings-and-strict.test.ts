// Warnings, from `check` and `generate` alike, go to stderr with a kind and a position; the counts
// go to stdout. `--strict` makes any warning fail with exit code 1, and generate then writes nothing.
// An empty schema file is such a warning.

import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { runCli } from './run-cli.ts';

const scratch = scratchDir('tlforge-strict-');
afterAll(() => removeScratch(scratch));

function schemaFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const empty = schemaFile('empty.tl', '// Only a comment: no declarations.\n---functions---\n');
const emptyWarning = `${empty}:1:1: empty-schema: the file declares no constructors and no functions`;
// The explicit id is not the CRC32 of the declaration: a warning, and the explicit id is used.
const wrongId = schemaFile('wrong-id.tl', '// LAYER 7\nping#00000001 ping_id:long = Pong;\n');
const wrongIdWarning =
  `${wrongId}:2:1: id-mismatch: explicit id 00000001 differs from the computed id 7abe77ec (line 2); ` +
  'the explicit id is used';

describe('the empty-schema warning', () => {
  it('is reported for a file without declarations, at file:1:1, by check', async () => {
    expect(await runCli(['check', empty])).toEqual({
      code: 0,
      out: [
        'layer: unknown (no // LAYER comment)',
        'constructors: 0, functions: 0, types: 0',
        '0 errors, 1 warning',
      ],
      err: [emptyWarning],
    });
  });

  it('is a TlSchemaError of kind empty-schema and severity warning from loadSchema', () => {
    const [warning] = loadSchema([empty]).diagnostics;
    expect([
      warning.kind,
      warning.severity,
      warning.file,
      warning.line,
      warning.column,
      warning.excerpt,
    ]).toEqual(['empty-schema', 'warning', empty, 1, 1, '']);
  });

  it('names each empty file of a set, and not a file whose declarations all failed to parse', async () => {
    const broken = schemaFile('broken.tl', 'ping#zz = Pong;\n');
    const { diagnostics } = loadSchema(['schema/layer122/mtproto.tl', empty, broken]);
    expect(diagnostics.map((d) => `${d.file} ${d.kind} ${d.severity}`)).toEqual([
      `${empty} empty-schema warning`,
      `${broken} invalid-id error`,
    ]);
  });

  it('is printed by generate, which still writes the (empty) module', async () => {
    const outDir = join(scratch, 'empty-out');
    const result = await runCli(['generate', empty, '--out', outDir]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([emptyWarning]);
    expect(result.out[0]).toBe('layer unknown: 0 constructors, 0 functions');
    expect(existsSync(outDir)).toBe(true);
  });
});

describe('--strict', () => {
  it('makes check fail with exit 1 on a warning, and says why in the count line', async () => {
    expect(await runCli(['check', '--strict', wrongId])).toEqual({
      code: 1,
      out: [
        'layer: 7',
        'constructors: 1, functions: 0, types: 1',
        '0 errors, 1 warning (warnings fail under --strict)',
      ],
      err: [wrongIdWarning],
    });
    expect((await runCli(['check', empty, '--strict'])).code).toBe(1);
  });

  it('passes check on a schema without warnings', async () => {
    expect(
      await runCli(['check', 'schema/layer122/api.tl', 'schema/layer122/mtproto.tl', '--strict']),
    ).toEqual({
      code: 0,
      out: ['layer: 122', 'constructors: 922, functions: 370, types: 336', '0 errors, 0 warnings'],
      err: [],
    });
  });

  it('makes generate fail with exit 1 on a warning, writing nothing', async () => {
    const outDir = join(scratch, 'strict-out');
    expect(await runCli(['generate', wrongId, '--out', outDir, '--strict'])).toEqual({
      code: 1,
      out: [],
      err: [wrongIdWarning, '0 errors, 1 warning (warnings fail under --strict): nothing generated'],
    });
    expect(existsSync(outDir)).toBe(false);
  });

  it('without it, generate prints the warning to stderr and writes the module', async () => {
    const outDir = join(scratch, 'lenient-out');
    const result = await runCli(['generate', wrongId, '--out', outDir]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([wrongIdWarning]);
    expect(result.out[0]).toBe('layer 7: 1 constructors, 0 functions');
    expect(readdirSync(outDir)).toContain('index.ts');
  });
});
